import { createServer, type AddressInfo } from 'node:net';

/**
 * A loopback port that was free a moment ago: nothing listens there, so a connection is refused. (A fixed low
 * port such as 9 is on fetch's blocked list: the request fails as "bad port" before any connection is tried.)
 */
export function closedPort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}
