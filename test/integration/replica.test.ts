import { Client } from 'pg';
import { RequestDatabase } from '../../api/src/auth/request-database';
import type { ReadReplicas } from '../../api/src/database/read-replicas';
import { runMigrations } from '../../api/src/server';
import { eventually } from '../support/eventually';
import { startPostgresPair, type PostgresServer } from '../support/servers';
import { startTestApp, type TestApp } from '../support/test-app';
import { chinaYear, makeIdNumber } from '@registry/domain';
import { CREATE_ENTERPRISE, creditCode, enterpriseInput } from '../support/fixtures';
import { ImportClient, workbook } from '../fixtures/imports/helpers';
import { seedPair, signedInUser } from './access-helpers';
import { describeJurisdictionIsolation } from './isolation-checks';

// A primary (wal_level=replica) and a streaming hot standby made with pg_basebackup -R, both
// started by this suite on free loopback ports from Debian's PostgreSQL 15 binaries (the suite
// fails, and says why, when they are missing). The application reads from the standby
// (DATABASE_REPLICA_URLS): the isolation checks run on it; a read by another user returns what the
// standby holds while its replay is paused, a user's own write is seen at once all the same
// (commit LSN), a standby lagging beyond REPLICA_MAX_LAG_MS is skipped, and one killed under a
// loop of reads costs no request.

let pair: { primary: PostgresServer; standby: PostgresServer } | null = null;
const clients: Client[] = [];

const primaryUrl = (database: string) => `postgres://postgres@127.0.0.1:${pair!.primary.port}/${database}`;
const standbyUrl = (database: string) => `postgres://postgres@127.0.0.1:${pair!.standby.port}/${database}`;

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

async function createDatabase(name: string): Promise<string> {
  const admin = await connect(primaryUrl('postgres'));
  await admin.query(`create database ${name}`);
  await runMigrations(primaryUrl(name));
  return primaryUrl(name);
}

/** Waits until the standby has replayed everything the primary has written so far. */
async function standbyCaughtUp(): Promise<void> {
  const primary = await connect(primaryUrl('postgres'));
  const standby = await connect(standbyUrl('postgres'));
  const [{ lsn }] = (await primary.query(`select pg_current_wal_lsn()::text as lsn`)).rows;
  const replayed = await eventually(
    async () => (await standby.query(`select pg_last_wal_replay_lsn() >= $1::pg_lsn as replayed`, [lsn])).rows[0].replayed as boolean,
    (done) => done,
    30_000,
  );
  expect(replayed).toBe(true);
  await Promise.all([primary.end(), standby.end()]);
  clients.splice(clients.indexOf(primary), 1);
  clients.splice(clients.indexOf(standby), 1);
}

const replicasOf = (t: TestApp): ReadReplicas => t.app.get(RequestDatabase).replicas!;

beforeAll(async () => {
  pair = await startPostgresPair();
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  await pair?.standby.stop('immediate');
  await pair?.primary.stop('fast');
}, 60_000);

describeJurisdictionIsolation(
  'jurisdiction isolation reading from a streaming replica',
  async () => {
    const url = await createDatabase('registry_replica_isolation');
    return startTestApp({ DATABASE_REPLICA_URLS: standbyUrl('registry_replica_isolation'), REPLICA_MAX_LAG_MS: '600000' }, { databaseUrl: url });
  },
  {
    settled: standbyCaughtUp,
    checked: async (t, operations) => {
      // the checks' reads were answered by the standby (row-level security and the scope setting
      // there), not quietly by the primary: at least one statement for each read by id
      // (a replica pool busy for seconds under the 24 requests at once sends a few to the primary: not a failure)
      const { replica, retriedOnPrimary, ownerRunners } = replicasOf(t).counts;
      const byId = operations.filter((operation) => operation.endsWith('(id)')).length;
      const exports = operations.filter((operation) => operation.startsWith('export')).length;
      console.log(`statements answered by the replica: ${replica} (reads by id: ${byId}), export connections on it: ${ownerRunners} (exports: ${exports}), retried on the primary: ${retriedOnPrimary}`);
      expect(replica).toBeGreaterThanOrEqual(byId);
      // the exports (the owner's cursor, with the jurisdiction in its WHERE) read from the replica too
      expect(ownerRunners).toBeGreaterThan(0);
      expect(retriedOnPrimary).toBe(0);
    },
  },
);

describe('reads from a streaming replica', () => {
  const ENTERPRISE = `query($id: ID!) { enterprise(id: $id) { id name } }`;
  const RENAME = `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id name version } }`;
  // reads from the replica whatever its lag, and one that skips it beyond 300 ms
  let patient: TestApp;
  let strict: TestApp;
  // a second instance like the first (the writer's position travels with the session row)
  let another: TestApp;
  // one that keeps a session in its cache for ten minutes: only a NOTIFY tells it of a write elsewhere
  let cached: TestApp;
  let admin: string;
  let reader: string;
  let enterprise: { id: string; version: number };
  let standby: Client;

  async function rename(name: string): Promise<void> {
    const renamed = await patient.graphql(RENAME, { input: { id: enterprise.id, version: enterprise.version, name } }, admin);
    expect(renamed.errors).toBeUndefined();
    enterprise.version = renamed.data!.updateEnterprise.version;
  }
  const nameOn = async (client: Client) => (await client.query(`select name from enterprise where id = $1`, [enterprise.id])).rows[0]?.name as string | undefined;
  const nameRead = async (t: TestApp, token: string) => {
    const answer = await t.graphql(ENTERPRISE, { id: enterprise.id }, token);
    expect(answer.errors).toBeUndefined();
    return answer.data!.enterprise?.name as string | undefined;
  };

  beforeAll(async () => {
    const url = await createDatabase('registry_replica_routing');
    const replica = standbyUrl('registry_replica_routing');
    patient = await startTestApp({ DATABASE_REPLICA_URLS: replica, REPLICA_MAX_LAG_MS: '600000' }, { databaseUrl: url });
    strict = await startTestApp({ DATABASE_REPLICA_URLS: replica, REPLICA_MAX_LAG_MS: '300' }, { databaseUrl: url });
    another = await startTestApp({ DATABASE_REPLICA_URLS: replica, REPLICA_MAX_LAG_MS: '600000' }, { databaseUrl: url });
    cached = await startTestApp({ DATABASE_REPLICA_URLS: replica, REPLICA_MAX_LAG_MS: '600000', SESSION_CACHE_MS: '600000' }, { databaseUrl: url });
    admin = await patient.adminToken();
    reader = await signedInUser(patient, admin, 'replica.reader', 'COUNTY_OFFICE', '220104');
    const seeded = await seedPair(patient, admin, '220104');
    enterprise = { id: seeded.enterpriseId, version: seeded.enterpriseVersion };
    await standbyCaughtUp();
    standby = await connect(replica);
  }, 180_000);

  afterAll(async () => {
    await standby?.query(`select pg_wal_replay_resume()`).catch(() => undefined);
    await another?.close();
    await cached?.close();
    await strict?.close();
    await patient?.close();
  }, 60_000);

  it('sends a write to the primary and another user\'s read to the replica, and shows the writer its own write at once', async () => {
    await standby.query(`select pg_wal_replay_pause()`);
    await eventually(async () => (await standby.query(`select pg_get_wal_replay_pause_state() as state`)).rows[0].state, (state) => state === 'paused');
    const before = await nameOn(standby);
    await rename('复制延迟测试有限公司');
    // the write is on the primary; the paused standby still has the old name
    expect((await patient.sql(`select name from enterprise where id = $1`, [enterprise.id]))[0].name).toBe('复制延迟测试有限公司');
    expect(await nameOn(standby)).toBe(before);
    // the writer reads its own write (the standby has not replayed it: the primary answers)
    expect(await nameRead(patient, admin)).toBe('复制延迟测试有限公司');
    // another user, who wrote nothing since, is answered by the standby: the old name
    expect(await nameRead(patient, reader)).toBe(before);
    // on another instance too: the writer sees the write (its session row holds the position), the other user the standby's
    expect(await nameRead(another, admin)).toBe('复制延迟测试有限公司');
    expect(await nameRead(another, reader)).toBe(before);

    // an instance that allows 300 ms of lag stops reading from the paused standby: the new name,
    // while the standby still holds the old one
    const seen = await eventually(() => nameRead(strict, reader), (name) => name === '复制延迟测试有限公司', 30_000);
    expect(seen).toBe('复制延迟测试有限公司');
    expect(await nameOn(standby)).toBe(before);
    expect((await standby.query(`select pg_get_wal_replay_pause_state() as state`)).rows[0].state).toBe('paused');

    await standby.query(`select pg_wal_replay_resume()`);
    const caughtUp = await eventually(() => nameRead(patient, reader), (name) => name === '复制延迟测试有限公司', 30_000);
    expect(caughtUp).toBe('复制延迟测试有限公司');
  });

  it('shows each write to its writer on the very next read while the replica streams', async () => {
    const replicas = replicasOf(patient);
    const before = replicas.counts.replica;
    const stale: string[] = [];
    for (let round = 0; round < 20; round += 1) {
      const name = `读己之写有限公司${round}`;
      await rename(name);
      const read = await nameRead(patient, admin);
      if (read !== name) stale.push(`${name} read as ${read}`);
      // and a read of the other user
      await nameRead(patient, reader);
    }
    expect(stale).toEqual([]);
    // the replica did answer reads in the meantime (at least the other user's)
    expect(replicas.counts.replica - before).toBeGreaterThanOrEqual(20);
  });

  it('shows a dashboard figure that counts a write at once, whoever asks, while the replica is paused', async () => {
    const COVERAGE = `query($r: String!, $y: Int!) { coverage(regionCode: $r, year: $y) { largeMediumTotal } }`;
    const total = async (token: string) => {
      const answer = await patient.graphql(COVERAGE, { r: '220104', y: chinaYear() }, token);
      expect(answer.errors).toBeUndefined();
      return answer.data!.coverage.largeMediumTotal as number;
    };
    await standbyCaughtUp();
    const before = await total(reader);
    await standby.query(`select pg_wal_replay_pause()`);
    await eventually(async () => (await standby.query(`select pg_get_wal_replay_pause_state() as state`)).rows[0].state, (state) => state === 'paused');
    try {
      // another user's write: the reader's own position does not ask for it, the refreshed roll-up does
      const created = await patient.graphql(CREATE_ENTERPRISE, { input: enterpriseInput({ regionCode: '220104', creditCode: creditCode('220104') }) }, admin);
      expect(created.errors).toBeUndefined();
      expect(await total(reader)).toBe(before + 1);
      expect(await total(admin)).toBe(before + 1);
    } finally {
      await standby.query(`select pg_wal_replay_resume()`);
    }
  });

  it('shows an upload to its uploader at once while the replica is paused (the job row is written as the owner)', async () => {
    await standby.query(`select pg_wal_replay_pause()`);
    await eventually(async () => (await standby.query(`select pg_get_wal_replay_pause_state() as state`)).rows[0].state, (state) => state === 'paused');
    try {
      const client = new ImportClient(patient.baseUrl, admin);
      const uploaded = await client.upload('coordinators', 'replica.xlsx', await workbook('coordinators', { 协调员: [] }));
      expect(uploaded.status).toBe(202);
      const job = await client.json(`/api/imports/${uploaded.body.id}`);
      expect(job.status).toBe(200);
      expect(job.body.id).toBe(uploaded.body.id);
      // the paused standby does not have it: the uploader's read went to the primary
      expect((await standby.query(`select count(*)::int as n from import_job where id = $1`, [uploaded.body.id])).rows[0].n).toBe(0);
    } finally {
      await standby.query(`select pg_wal_replay_resume()`);
    }
  });

  it('shows a write to its writer on another instance that had the session cached, while the replica is paused', async () => {
    await standby.query(`select pg_wal_replay_pause()`);
    await eventually(async () => (await standby.query(`select pg_get_wal_replay_pause_state() as state`)).rows[0].state, (state) => state === 'paused');
    try {
      const before = await nameRead(cached, admin);
      // the session is now in that instance's cache, with the position before the write
      await rename('缓存会话复制测试有限公司');
      expect(await nameOn(standby)).toBe(before);
      const seen = await eventually(() => nameRead(cached, admin), (name) => name === '缓存会话复制测试有限公司', 15_000);
      expect(seen).toBe('缓存会话复制测试有限公司');
      // the standby was still paused: the primary answered, told by the dropped cache entry
      expect(await nameOn(standby)).toBe(before);
    } finally {
      await standby.query(`select pg_wal_replay_resume()`);
    }
  });

  it('shows an import its background job committed to the uploader at once, on every instance, while the replica is paused', async () => {
    const TOTAL = `query { coordinators(offset: 0, limit: 1) { total } }`;
    const total = async (t: TestApp) => {
      const answer = await t.graphql(TOTAL, {}, admin);
      expect(answer.errors).toBeUndefined();
      return answer.data!.coordinators.total as number;
    };
    await standbyCaughtUp();
    const [{ credit_code: employer }] = await patient.sql<{ credit_code: string }>(`select credit_code from enterprise where id = $1`, [enterprise.id]);
    const before = await total(patient);
    await standby.query(`select pg_wal_replay_pause()`);
    await eventually(async () => (await standby.query(`select pg_get_wal_replay_pause_state() as state`)).rows[0].state, (state) => state === 'paused');
    try {
      const client = new ImportClient(patient.baseUrl, admin);
      const row = {
        name: '复制导入', idNumber: makeIdNumber('220104', '1986-06-06', 31, 'FEMALE'), region: '220104', category: 1, tripartite: '否',
        enterpriseCode: employer, joinedOn: '2022-03-01',
      };
      const job = await client.dryRun('coordinators', 'replica-import.xlsx', await workbook('coordinators', { 协调员: [row] }));
      expect(job.status).toBe('VALIDATED');
      expect(await total(cached)).toBe(before);
      const committed = await client.commit(job.id, 'ALL_OR_NOTHING');
      expect(committed.job?.status).toBe('COMMITTED');
      // the standby has not replayed the import
      expect((await standby.query(`select count(*)::int as n from coordinator where name = '复制导入'`)).rows[0].n).toBe(0);
      // the uploader's next read counts it, on the instance polled and on one that had the session cached
      expect(await total(patient)).toBe(before + 1);
      expect(await eventually(() => total(cached), (count) => count === before + 1, 15_000)).toBe(before + 1);
      expect(await total(another)).toBe(before + 1);
    } finally {
      await standby.query(`select pg_wal_replay_resume()`);
    }
  });

  it('loses no request when the replica is killed under a loop of reads', async () => {
    const replicas = replicasOf(patient);
    await standbyCaughtUp();
    const expected = await nameOn(standby);
    const LIST = `query { enterprises(filter: { regionCode: "220104" }) { total items { id name } } }`;
    const [{ enterprises }] = await patient.sql(`select count(*)::int as enterprises from enterprise where region_code = '220104'`);
    const failures: string[] = [];
    let done = 0;
    let killedAt: number | null = null;
    let servedByReplicaBeforeKill = 0;
    const startCount = replicas.counts.replica;
    const worker = async () => {
      // until 40 requests have completed after the kill
      while (killedAt === null || done < killedAt + 40) {
        const which = done % 2;
        const answer = await patient.graphql(which === 0 ? ENTERPRISE : LIST, which === 0 ? { id: enterprise.id } : {}, reader).catch((error) => ({ errors: [{ message: String(error) }] }) as never);
        const ok = !answer.errors && (which === 0 ? answer.data?.enterprise?.name === expected : answer.data?.enterprises?.total === enterprises);
        if (!ok) failures.push(JSON.stringify(answer).slice(0, 300));
        done += 1;
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, worker));
    await eventually(async () => replicas.counts.replica - startCount, (count) => count >= 30, 30_000);
    servedByReplicaBeforeKill = replicas.counts.replica - startCount;
    // requests are running on the standby's connections right now
    expect((await standby.query(`select count(*)::int as n from pg_stat_activity where application_name = 'registry-replica'`)).rows[0].n).toBeGreaterThan(0);
    await standby.end().catch(() => undefined);
    clients.splice(clients.indexOf(standby), 1);
    killedAt = done;
    await pair!.standby.stop('immediate');
    await load;
    console.log(`reads before the kill answered by the replica: ${servedByReplicaBeforeKill}; requests: ${done}, after the kill: ${done - killedAt}; retried on the primary: ${replicas.counts.retriedOnPrimary}`);
    expect(failures).toEqual([]);
    expect(servedByReplicaBeforeKill).toBeGreaterThanOrEqual(30);
    expect(done - killedAt).toBeGreaterThanOrEqual(40);
    // and the requests after it are answered by the primary
    const after = replicas.counts.replica;
    expect(await nameRead(patient, reader)).toBe(expected);
    expect(replicas.counts.replica).toBe(after);
  }, 120_000);
});
