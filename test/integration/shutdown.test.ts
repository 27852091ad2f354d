import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase } from '../support/test-database';
import { ADMIN_PASSWORD } from '../support/test-app';

// A server asked to stop while a request is still open (a response that never ended: a client
// gone quiet mid-download, a hung request) stops. Its request's connection used to hold a
// release() that did nothing, and closing the pool spun on it forever at full CPU (seen as a
// test run that never ended and a SIGTERM that did not stop the server).
describe('shutdown with a request still open', () => {
  it('closes the application within seconds', async () => {
    const database = await createTestDatabase('registry_shutdown');
    try {
      const child = spawn(process.execPath, [join(__dirname, '../support/shutdown-child.cjs')], {
        env: { ...process.env, DATABASE_URL: database.url, ADMIN_PASSWORD },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      // generous: the start takes most of it; a spinning close never ends, and is killed
      const exited = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve(null);
        }, 90_000);
        child.on('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
      expect({ exited, output: output.split('\n').filter((line) => line === 'request open' || line === 'closed') }).toEqual({
        exited: 0,
        output: ['request open', 'closed'],
      });
    } finally {
      await database.drop();
    }
  }, 120_000);
});
