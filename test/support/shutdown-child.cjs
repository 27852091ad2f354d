// Run by test/integration/shutdown.test.ts in a process of its own (a hang there must not hang
// jest): the built application with one request whose response never ends, then app.close().
const { EventEmitter } = require('node:events');
const { DataSource } = require('typeorm');
const { loadConfiguration } = require('../../dist/api/config/configuration');
const { createApplication } = require('../../dist/api/server');
const { RequestDatabase, RequestDatabaseMiddleware } = require('../../dist/api/auth/request-database');

(async () => {
  const url = process.env.DATABASE_URL;
  const config = loadConfiguration({
    NODE_ENV: 'test', DATABASE_URL: url, ADMIN_PASSWORD: process.env.ADMIN_PASSWORD, DEMO_MODE: 'false', SEED_DEMO: 'false',
    LOG_LEVEL: 'error', WEB_DIST_DIR: 'does-not-exist',
  });
  const app = await createApplication(config, url);
  await app.init();
  const middleware = new RequestDatabaseMiddleware(app.get(RequestDatabase));
  const response = new EventEmitter(); // never emits finish or close
  await new Promise((resolve, reject) =>
    middleware.use({ headers: { authorization: 'Bearer a-request-that-never-ends' }, method: 'POST' }, response, () => {
      app.get(DataSource).query('select 1').then(resolve, reject);
    }),
  );
  process.stdout.write('request open\n');
  await app.close();
  process.stdout.write('closed\n');
  process.exit(0);
})().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
