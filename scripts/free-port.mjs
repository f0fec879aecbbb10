// A free TCP port on loopback, so concurrent runs (WebKitWebDriver, Prometheus, the
// standalone simulator) never collide on a fixed one.
import { createServer } from 'node:net';

/** @returns {Promise<number>} a free TCP port on 127.0.0.1 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
