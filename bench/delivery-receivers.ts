import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type Sink = { url: string; ids: string[]; stop: () => Promise<void>; start: () => Promise<void> };

// A mail server on a loopback port that accepts anything (STARTTLS on its own self-signed certificate, no
// password) and keeps each message's Message-ID: a bench counts what arrived, once each.
export const startSmtpSink = async (): Promise<Sink> => {
  const ids: string[] = [];
  let server: SMTPServer | null = null;
  let port = 0;
  const start = async () => {
    if (server) return;
    const s = new SMTPServer({
      authOptional: true,
      logger: false,
      closeTimeout: 10,
      onData: (stream, _session, cb) => {
        let head = '';
        stream.on('data', (c: Buffer) => {
          if (head.length < 4096) head += c.toString('utf8');
        });
        stream.on('end', () => {
          const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
          if (id) ids.push(id);
          cb();
        });
      },
    });
    s.on('error', () => undefined);
    await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
    port = (s.server.address() as AddressInfo).port;
    server = s;
  };
  const stop = async () => {
    const s = server;
    server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  await start();
  return { url: `smtp://127.0.0.1:${port}`, ids, stop, start };
};

// A gateway on a loopback port that answers 200 and keeps each call's id.
export const startWebhookSink = async (): Promise<Sink> => {
  const ids: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      ids.push((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string }).id);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dong-hanh`,
    ids,
    start: async () => undefined,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
