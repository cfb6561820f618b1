import { AddressInfo, connect, createServer, Socket } from 'node:net';

export type TcpProxy = {
  // The same URL, through the proxy.
  url: (target: string) => string;
  // Drops every open connection the way a firewall's idle timeout or a failover does: the server's side is
  // closed, the application's side is left open and silent until it next writes, which then fails.
  sever: () => void;
  close: () => Promise<void>;
};

type Pair = { app: Socket; server: Socket; severed: boolean };

// A loopback TCP relay between the application and PostgreSQL, for tests of connections lost under the pool.
export const startTcpProxy = async (host: string, port: number): Promise<TcpProxy> => {
  const pairs = new Set<Pair>();
  const relay = createServer((app) => {
    const server = connect(port, host);
    const pair: Pair = { app, server, severed: false };
    pairs.add(pair);
    app.on('data', (chunk) => (pair.severed ? app.destroy() : server.write(chunk)));
    server.on('data', (chunk) => app.write(chunk));
    app.on('close', () => {
      pairs.delete(pair);
      server.destroy();
    });
    server.on('close', () => {
      if (!pair.severed) app.destroy();
    });
    app.on('error', () => undefined);
    server.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port: own } = relay.address() as AddressInfo;
  return {
    url: (target) => {
      const url = new URL(target);
      url.hostname = '127.0.0.1';
      url.port = String(own);
      return url.toString();
    },
    sever: () => {
      for (const pair of pairs) {
        pair.severed = true;
        pair.server.destroy();
      }
    },
    close: async () => {
      for (const pair of pairs) pair.app.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
};
