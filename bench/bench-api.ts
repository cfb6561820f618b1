import { ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

// The API in a process of its own, as `npm start` runs it, for the benches that drive it over HTTP.

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

// `env` adds to this process's environment (a database, secrets); `nodeFlags` go before the entry file, then
// BENCH_NODE_OPTIONS (--cpu-prof, a heap snapshot signal).
export const startApi = async (
  env: Record<string, string>,
  nodeFlags: string[],
): Promise<{ base: string; child: ChildProcess }> => {
  const port = await freePort();
  const flags = [...nodeFlags, ...(process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...flags, join(__dirname, '../apps/api/src/main.js')], {
    cwd: join(__dirname, '../..'),
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base, child };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the API did not start');
};

export const stopApi = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
};

// One request on a kept-alive connection of `agent`, its JSON answer.
export const call = (
  agent: Agent,
  method: string,
  url: string,
  token: string,
  body?: object,
): Promise<{ status: number; body: unknown }> =>
  new Promise((resolve, reject) => {
    const data = body ? JSON.stringify(body) : '';
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(data),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
