// Whether Redis answers on 127.0.0.1:6379, for the tests that share the page cache through it (they are
// skipped, and say so, where it does not). Plain Node: both vitest and Playwright import it.
import { createConnection } from 'node:net';

export async function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: 6379 });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
