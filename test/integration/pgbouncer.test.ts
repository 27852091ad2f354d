import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { loadConfiguration } from '../../api/src/config/configuration';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { startPgBouncer, type RunningServer } from '../support/servers';
import { APPLICATION_ROLE } from '../../api/src/config/database-names';
import { describeJurisdictionIsolation } from './isolation-checks';

// The whole application behind PgBouncer in transaction pooling, with 3 server connections per
// user for dozens of client connections: a server connection serves another client after every
// transaction, so a per-connection scope would leak. The isolation checks run through it, and
// afterwards no server connection holds a jurisdiction.

let bouncer: RunningServer | null = null;
let bouncedUrl = '';
let dropDatabase: () => Promise<void> = async () => undefined;
afterAll(async () => {
  await bouncer?.stop();
  await dropDatabase();
});

async function startBehindPgBouncer(): Promise<TestApp> {
  const database = await createTestDatabase('registry_bounced');
  dropDatabase = database.drop;
  const direct = new URL(database.url);
  // registry_app's password, as every instance derives it from the hash key (request-database.ts)
  const applicationPassword = createHmac('sha256', loadConfiguration({ NODE_ENV: 'test' }).idNumberHashKey).update(`${APPLICATION_ROLE} login`).digest('hex');
  bouncer = await startPgBouncer({ host: direct.hostname, port: Number(direct.port || 5432) }, {
    [direct.username || 'postgres']: direct.password,
    [APPLICATION_ROLE]: applicationPassword,
  }, {
    // the requests' registry_app connections: 3 server connections for up to 24 requests at
    // once; the owner's background work (job queue, refresher, audit) gets room of its own
    poolSize: 40,
    maxUserConnections: { [APPLICATION_ROLE]: 3 },
  });
  const url = new URL(database.url);
  url.port = String(bouncer.port);
  bouncedUrl = url.toString();
  // (the database and PgBouncer outlive the app: the last check looks at the server connections)
  return startTestApp({}, { databaseUrl: bouncedUrl });
}

describeJurisdictionIsolation('jurisdiction isolation through PgBouncer (transaction pooling)', startBehindPgBouncer, { imports: false });

describe('PgBouncer in transaction pooling', () => {
  it('leaves no jurisdiction on any server connection after the requests', async () => {
    expect(bouncer).not.toBeNull();
    // as many clients at once as there are server connections and more: each statement may land
    // on any of them
    const clients = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const url = new URL(bouncedUrl);
        // the pool the requests' registry_app connections came from (the local server trusts loopback)
        url.username = APPLICATION_ROLE;
        url.password = '';
        const client = new Client({ connectionString: url.toString() });
        await client.connect();
        return client;
      }),
    );
    try {
      const scopes = await Promise.all(
        clients.flatMap((client) =>
          Array.from({ length: 5 }, async () => (await client.query(`select coalesce(current_setting('app.scope_path', true), '') as scope`)).rows[0].scope),
        ),
      );
      expect(new Set(scopes)).toEqual(new Set(['']));
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });
});
