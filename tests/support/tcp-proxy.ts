import net from 'node:net';

/**
 * A TCP proxy in front of a real server (PostgreSQL, Redis) that a test can
 * make misbehave: 'forward' passes bytes both ways, 'stall' accepts and
 * passes nothing (a stalled network), 'drop' cuts every connection and
 * hangs up on new ones (the server gone).
 */
export interface TcpProxy {
  port: number;
  mode(next: 'forward' | 'stall' | 'drop'): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let current: 'forward' | 'stall' | 'drop' = 'forward';
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();

  const server = net.createServer((client) => {
    if (current === 'drop') {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const forget = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    // Bytes pass only while forwarding; while stalled they are held back, as a dead link would.
    client.on('data', (chunk) => {
      if (current === 'forward') upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (current === 'forward') client.write(chunk);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    mode(next) {
      current = next;
      if (next === 'drop') {
        for (const { client, upstream } of pairs) {
          client.destroy();
          upstream.destroy();
        }
        pairs.clear();
      }
    },
    async close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** A listener that accepts connections and never writes a byte (Redis that stalls). */
export async function startSilentListener(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as net.AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
