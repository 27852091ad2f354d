import { Client } from 'pg';
import { createTestDatabase } from '../support/test-database';
import { ADMIN_CHANGED_PASSWORD, ADMIN_PASSWORD, type GraphQLResponse } from '../support/test-app';
import { eventually } from '../support/eventually';
import { startBuiltApi, startHaproxy, type RunningServer } from '../support/servers';

// Two instances of the built server (dist/api) on one database behind HAProxy. The session
// cache is set to a minute, so that an instance refusing a revoked session at once shows the
// NOTIFY-driven eviction, not the cache expiring.

const LEADER_LOCK = 74_050_002;
const ME = `{ me { username } }`;
const LIST = `{ coordinators(limit: 20) { total items { id name } } }`;

async function graphql(port: number, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

async function login(port: number, username: string, password: string): Promise<GraphQLResponse> {
  return graphql(port, `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`, { u: username, p: password });
}

describe('several API instances behind HAProxy', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: Client;
  const instances: RunningServer[] = [];
  let balancer: RunningServer;
  let env: Record<string, string>;
  let adminToken: string;

  beforeAll(async () => {
    database = await createTestDatabase('registry_instances');
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    env = {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      ADMIN_PASSWORD,
      DEMO_MODE: 'false',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      WEB_DIST_DIR: 'does-not-exist',
      SESSION_CACHE_MS: '60000',
    };
    instances.push(await startBuiltApi(env));
    instances.push(await startBuiltApi(env));
    balancer = await startHaproxy(instances.map((instance) => instance.port));
    const first = await login(instances[0].port, 'admin', ADMIN_PASSWORD);
    const token = first.data!.login.accessToken as string;
    const changed = await graphql(instances[1].port, `mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`, { o: ADMIN_PASSWORD, n: ADMIN_CHANGED_PASSWORD }, token);
    expect(changed.errors).toBeUndefined();
    adminToken = token;
  }, 180_000);

  afterAll(async () => {
    await balancer?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    await sql?.end();
    await database?.drop();
  }, 60_000);

  it('serves a session made through one instance on the other, and ends it on both at logout', async () => {
    const made = await login(instances[0].port, 'admin', ADMIN_CHANGED_PASSWORD);
    const token = made.data!.login.accessToken as string;
    // both instances now hold the session in their cache
    for (const instance of instances) expect((await graphql(instance.port, ME, {}, token)).data?.me.username).toBe('admin');
    expect((await graphql(balancer.port, ME, {}, token)).data?.me.username).toBe('admin');
    const loggedOut = await graphql(instances[0].port, `mutation { logout }`, {}, token);
    expect(loggedOut.errors).toBeUndefined();
    const started = Date.now();
    const refused = await eventually(
      async () => (await graphql(instances[1].port, ME, {}, token)).errors?.[0]?.extensions?.code,
      (code) => code === 'UNAUTHENTICATED',
      10_000,
    );
    expect(refused).toBe('UNAUTHENTICATED');
    // far sooner than the minute the other instance would have kept it cached
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('ends the other sessions on every instance at a password change and a disabled account', async () => {
    const created = await graphql(
      instances[0].port,
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { username: 'multi.county', password: 'Initial#2025', role: 'COUNTY_OFFICE', regionCode: '220104' } },
      adminToken,
    );
    expect(created.errors).toBeUndefined();
    const userId = created.data!.createUser.id as string;
    const first = (await login(instances[0].port, 'multi.county', 'Initial#2025')).data!.login.accessToken as string;
    const second = (await login(instances[1].port, 'multi.county', 'Initial#2025')).data!.login.accessToken as string;
    for (const instance of instances) expect((await graphql(instance.port, ME, {}, second)).data?.me.username).toBe('multi.county');
    // a password change through instance 1 ends the other session on instance 2 (and 1)
    const changed = await graphql(instances[0].port, `mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`, { o: 'Initial#2025', n: 'Better#2025x' }, first);
    expect(changed.errors).toBeUndefined();
    for (const instance of instances) {
      const code = await eventually(async () => (await graphql(instance.port, ME, {}, second)).errors?.[0]?.extensions?.code, (value) => value === 'UNAUTHENTICATED', 10_000);
      expect(code).toBe('UNAUTHENTICATED');
    }
    // the account disabled through instance 1: the remaining session ends on instance 2
    expect((await graphql(instances[1].port, ME, {}, first)).data?.me.username).toBe('multi.county');
    const disabled = await graphql(instances[0].port, `mutation($id: ID!) { setUserActive(id: $id, active: false) { id } }`, { id: userId }, adminToken);
    expect(disabled.errors).toBeUndefined();
    const code = await eventually(async () => (await graphql(instances[1].port, ME, {}, first)).errors?.[0]?.extensions?.code, (value) => value === 'UNAUTHENTICATED', 10_000);
    expect(code).toBe('UNAUTHENTICATED');
  });

  it('counts failed logins across instances: five wrong passwords on two instances lock the account', async () => {
    const created = await graphql(
      instances[0].port,
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { username: 'multi.locked', password: 'Initial#2025', role: 'COUNTY_OFFICE', regionCode: '220104' } },
      adminToken,
    );
    expect(created.errors).toBeUndefined();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await login(instances[attempt % 2].port, 'multi.locked', 'Wrong#password1');
      expect(wrong.data ?? null).toBeNull();
    }
    // locked: the right password is refused on both (answered like a wrong one, by design)
    for (const instance of instances) {
      const right = await login(instance.port, 'multi.locked', 'Initial#2025');
      expect(right.data ?? null).toBeNull();
      expect(right.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const [account] = (await sql.query(`select locked_until > now() as locked from app_user where username = 'multi.locked'`)).rows;
    expect(account.locked).toBe(true);
  });

  it('counts login attempts across instances: the 11th attempt within a minute is refused on either', async () => {
    // ten attempts for one username from this address, alternating instances, then one more on each
    const codes: (string | undefined)[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      codes.push((await login(instances[attempt % 2].port, 'multi.sprayed', 'Wrong#password1')).errors?.[0]?.extensions?.code as string | undefined);
    }
    expect(codes).toEqual([...Array(10).fill('UNAUTHENTICATED'), 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });

  /** The pid of the process whose listener connection holds the refresher's leadership, or null. */
  async function leaderPid(): Promise<number | null> {
    const { rows } = await sql.query(
      `select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
       where l.locktype = 'advisory' and l.objid = $1 and l.granted and l.database = (select oid from pg_database where datname = current_database())`,
      [LEADER_LOCK],
    );
    if (rows.length > 1) throw new Error(`${rows.length} refresher leaders`);
    return rows.length ? Number(String(rows[0].application_name).split(':')[1]) : null;
  }

  it('runs the analytics refresher on exactly one instance, and another takes over within seconds when it is killed', async () => {
    const pids = instances.map((instance) => instance.process.pid);
    const leader = await eventually(leaderPid, (pid) => pid !== null, 10_000);
    expect(pids).toContain(leader);
    const index = pids.indexOf(leader!);
    const killedAt = Date.now();
    await instances[index].stop('SIGKILL');
    const next = await eventually(leaderPid, (pid) => pid !== null && pid !== leader, 15_000);
    console.log(`refresher taken over by the other instance ${Date.now() - killedAt} ms after the leader was killed`);
    expect(next).toBe(pids[1 - index]);
    // the killed instance comes back on its port (HAProxy's health check lets it in again)
    instances[index] = await startBuiltApi(env, instances[index].port);
    expect(await leaderPid()).toBe(next);
  }, 90_000);

  it('loses no request under load while one instance is killed midway (queries retried by the client)', async () => {
    // both instances up again (HAProxy checks every 500 ms)
    const healthy = () => Promise.all(instances.map((instance) => fetch(`http://127.0.0.1:${instance.port}/health`).then((response) => response.ok, () => false)));
    expect(await eventually(healthy, (states) => states.every(Boolean), 20_000)).toEqual([true, true]);
    const token = (await login(balancer.port, 'admin', ADMIN_CHANGED_PASSWORD)).data!.login.accessToken as string;
    let sent = 0;
    let retried = 0;
    const failures: string[] = [];
    const stopAt = Date.now() + 8_000;
    let killed = false;
    /** a query is idempotent: a network error or a 502/503/504 from the balancer is retried, with a growing pause */
    const request = async () => {
      for (let attempt = 0; ; attempt += 1) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        try {
          const response = await fetch(`http://127.0.0.1:${balancer.port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: LIST }),
          });
          if ([502, 503, 504].includes(response.status) && attempt < 5) {
            retried += 1;
            continue;
          }
          const body = (await response.json()) as GraphQLResponse;
          if (body.errors) throw new Error(JSON.stringify(body.errors));
          return;
        } catch (error) {
          if (attempt < 5 && !(error instanceof Error && error.message.startsWith('['))) {
            retried += 1;
            continue;
          }
          throw error;
        }
      }
    };
    const worker = async () => {
      while (Date.now() < stopAt) {
        sent += 1;
        await request().catch((error) => failures.push(String(error).slice(0, 200)));
        if (!killed && Date.now() > stopAt - 5_000) {
          killed = true;
          void instances[1].stop('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    console.log(`load through HAProxy with an instance killed midway: ${sent} requests, ${retried} retried, ${failures.length} failed`);
    expect(killed).toBe(true);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(50);
  }, 60_000);
});
