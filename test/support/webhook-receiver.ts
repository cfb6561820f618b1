import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export type ReceivedCall = { headers: IncomingMessage['headers']; body: string; json: Record<string, unknown> };

// What the receiver answers the next calls: 200, a status (with Retry-After), or nothing at all (a hang).
export type WebhookFault =
  { kind: 'none' } | { kind: 'status'; status: number; retryAfter?: string } | { kind: 'hang' };

export type WebhookReceiver = {
  url: string;
  // The calls it accepted (200); `ids` every call's id, answered or not, in order.
  received: ReceivedCall[];
  ids: string[];
  fault: WebhookFault;
  close: () => Promise<void>;
};

// A gateway as a ward's SMS or Zalo provider runs it, on a loopback port: it records every call it accepts.
export const startWebhookReceiver = async (): Promise<WebhookReceiver> => {
  const state: { received: ReceivedCall[]; ids: string[]; fault: WebhookFault } = {
    received: [],
    ids: [],
    fault: { kind: 'none' },
  };
  const hanging = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      state.ids.push((JSON.parse(body) as { id: string }).id);
      const f = state.fault;
      if (f.kind === 'hang') {
        hanging.add(() => res.destroy());
        return;
      }
      if (f.kind === 'status') {
        res.writeHead(f.status, f.retryAfter ? { 'retry-after': f.retryAfter } : {});
        res.end();
        return;
      }
      state.received.push({ headers: req.headers, body, json: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dong-hanh`,
    get received() {
      return state.received;
    },
    get ids() {
      return state.ids;
    },
    get fault() {
      return state.fault;
    },
    set fault(f: WebhookFault) {
      state.fault = f;
    },
    close: async () => {
      for (const end of hanging) end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
