import { Client } from 'pg';
import { DataSource } from 'typeorm';
import * as pg from 'pg';
import { startTestApp, type TestApp } from '../support/test-app';
import { seedPair, signedInUser, type Seeded } from './access-helpers';
import { eventually } from '../support/eventually';
import { RequestDatabase } from '../../api/src/auth/request-database';

const REVEAL = `mutation($id: ID!, $reason: String!) { revealIdNumber(coordinatorId: $id, reason: $reason) }`;
const AUDIT_LOGS = `query($filter: AuditLogFilter, $offset: Int, $limit: Int) {
  auditLogs(filter: $filter, offset: $offset, limit: $limit) { total items { id at username action objectType objectId regionCode detail } }
}`;

describe('access: roles, reveal, audit trail and the application database role', () => {
  let t: TestApp;
  let admin: string;
  let county: string; // COUNTY_OFFICE 朝阳区 220104
  let township: string; // TOWNSHIP_PLATFORM 前进街道 220104001
  let leader: string; // LEADER 长春市 220100
  let cityAuditor: string; // AUDITOR 长春市 220100
  let own: Seeded; // in 朝阳区
  let foreign: Seeded; // in 昌邑区 (吉林市)

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    [county, township, leader, cityAuditor] = await Promise.all([
      signedInUser(t, admin, 'chaoyang.office', 'COUNTY_OFFICE', '220104'),
      signedInUser(t, admin, 'qianjin.platform', 'TOWNSHIP_PLATFORM', '220104001'),
      signedInUser(t, admin, 'changchun.leader', 'LEADER', '220100'),
      signedInUser(t, admin, 'changchun.auditor', 'AUDITOR', '220100'),
    ]);
    own = await seedPair(t, admin, '220104');
    foreign = await seedPair(t, admin, '220202');
  });
  afterAll(async () => t?.close());

  describe('revealing an ID number', () => {
    it('shows the full number to a county office that gives a reason, and records the reason', async () => {
      const result = await t.graphql(REVEAL, { id: own.coordinatorId, reason: '核对证书信息' }, county);
      expect(result.errors).toBeUndefined();
      expect(result.data?.revealIdNumber).toBe(own.idNumber);
      const [row] = await t.sql(`select username, object_id, detail from audit_log where action = 'ID_NUMBER_REVEAL' order by id desc limit 1`);
      expect(row).toMatchObject({ username: 'chaoyang.office', object_id: own.coordinatorId, detail: { reason: '核对证书信息' } });
    });

    it('refuses a reveal without a real reason', async () => {
      const result = await t.graphql(REVEAL, { id: own.coordinatorId, reason: ' x ' }, county);
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    });

    it('answers NOT_FOUND for a coordinator outside the jurisdiction, exactly as for a missing one', async () => {
      const outside = await t.graphql(REVEAL, { id: foreign.coordinatorId, reason: '核对信息' }, county);
      const missing = await t.graphql(REVEAL, { id: '987654321', reason: '核对信息' }, county);
      expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(outside.errors?.[0].message.replace(foreign.coordinatorId, 'ID')).toBe(missing.errors?.[0].message.replace('987654321', 'ID'));
    // the attempt on an existing record is an access denial in the trail; the missing one is not
    // (written after the response, so that both answers take the same time)
    const denied = await eventually(
      () => t.sql(`select object_id from audit_log where action = 'ACCESS_DENIED' and detail->>'operation' = 'revealIdNumber' and object_id is not null`),
      (rows) => rows.length > 0,
    );
    expect(denied.map((row) => row.object_id)).toEqual([foreign.coordinatorId]);
    });

    it('refuses roles without the reveal permission and records the refusal', async () => {
      for (const token of [township, leader, cityAuditor]) {
        const result = await t.graphql(REVEAL, { id: own.coordinatorId, reason: '核对信息' }, token);
        expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      const denials = await t.sql(
        `select username from audit_log where action = 'ACCESS_DENIED' and detail->>'operation' = 'revealIdNumber' and detail->>'role' is not null
         order by username`,
      );
      expect(denials.map((row) => row.username)).toEqual(['changchun.auditor', 'changchun.leader', 'qianjin.platform']);
    });
  });

  it('records an attempt to change a record outside the jurisdiction as ACCESS_DENIED', async () => {
    const result = await t.graphql(
      `mutation($input: UpdateCoordinatorInput!) { updateCoordinator(input: $input) { id } }`,
      { input: { id: foreign.coordinatorId, version: foreign.coordinatorVersion, name: '篡改' } },
      county,
    );
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [row] = await eventually(
      () =>
        t.sql(
          `select username, object_type, object_id, detail from audit_log where action = 'ACCESS_DENIED' and object_id = $1
           and detail->>'operation' = 'updateCoordinator'`,
          [foreign.coordinatorId],
        ),
      (rows) => rows.length > 0,
    );
    expect(row).toMatchObject({ username: 'chaoyang.office', object_type: 'coordinator', detail: { operation: 'updateCoordinator' } });
    const [unchanged] = await t.sql(`select name, version from coordinator where id = $1`, [foreign.coordinatorId]);
    expect(unchanged.version).toBe(foreign.coordinatorVersion);
  });

  describe('user administration', () => {
    const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id username role regionCode mustChangePassword } }`;
    const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active) { id active } }`;

    it('lets a county office create accounts in its county only, and never above its own level', async () => {
      const made = await t.graphql(CREATE, { input: { username: 'guilin.platform', password: 'Initial#2025', role: 'TOWNSHIP_PLATFORM', regionCode: '220104002' } }, county);
      expect(made.data?.createUser).toMatchObject({ role: 'TOWNSHIP_PLATFORM', regionCode: '220104002', mustChangePassword: true });
      const higher = await t.graphql(CREATE, { input: { username: 'too.high', password: 'Initial#2025', role: 'CITY_OFFICE', regionCode: '220100' } }, county);
      expect(higher.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
      const elsewhere = await t.graphql(CREATE, { input: { username: 'elsewhere', password: 'Initial#2025', role: 'TOWNSHIP_PLATFORM', regionCode: '220102001' } }, county);
      expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
      const auditor = await t.graphql(CREATE, { input: { username: 'own.auditor', password: 'Initial#2025', role: 'AUDITOR', regionCode: '220104' } }, county);
      expect(auditor.errors?.[0].extensions?.field).toBe('role');
      const [{ count }] = await t.sql(`select count(*)::int as count from app_user where username in ('too.high', 'elsewhere', 'own.auditor')`);
      expect(count).toBe(0);
    });

    it('lists only accounts inside the jurisdiction', async () => {
      const result = await t.graphql(`{ users(limit: 200) { total items { username } } }`, {}, county);
      const names = result.data!.users.items.map((item: { username: string }) => item.username);
      expect(names).toEqual(expect.arrayContaining(['chaoyang.office', 'qianjin.platform']));
      expect(names).not.toContain('changchun.auditor');
      expect(names).not.toContain('admin');
    });

    it('disables an account in scope (ending its sessions) and cannot touch one outside', async () => {
      const platformToken = await signedInUser(t, admin, 'to.disable', 'TOWNSHIP_PLATFORM', '220104001');
      const [{ id }] = await t.sql(`select id::text as id from app_user where username = 'to.disable'`);
      const disabled = await t.graphql(SET_ACTIVE, { id, active: false }, county);
      expect(disabled.data?.setUserActive).toEqual({ id, active: false });
      const after = await t.graphql(`{ me { id } }`, {}, platformToken);
      expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const [{ id: leaderId }] = await t.sql(`select id::text as id from app_user where username = 'changchun.leader'`);
      const outside = await t.graphql(SET_ACTIVE, { id: leaderId, active: false }, county);
      expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const [{ active }] = await t.sql(`select active from app_user where id = $1`, [leaderId]);
      expect(active).toBe(true);
    });
  });

  describe('the audit log page', () => {
    it("shows a city auditor its jurisdiction's entries and nothing from another city", async () => {
      const result = await t.graphql(AUDIT_LOGS, { limit: 200 }, cityAuditor);
      expect(result.errors).toBeUndefined();
      const items = result.data!.auditLogs.items as { username: string; regionCode: string | null }[];
      expect(items.some((item) => item.username === 'chaoyang.office')).toBe(true);
      // the admin created 昌邑区 records; those entries belong to 吉林市
      const all = await t.graphql(AUDIT_LOGS, { limit: 200, filter: { objectId: foreign.coordinatorId, objectType: 'coordinator' } }, cityAuditor);
      expect(all.data!.auditLogs.items.filter((item: { action: string }) => item.action === 'COORDINATOR_CREATE')).toEqual([]);
      const province = await t.graphql(AUDIT_LOGS, { limit: 200, filter: { objectId: foreign.coordinatorId, objectType: 'coordinator' } }, admin);
      expect(province.data!.auditLogs.items.map((item: { action: string }) => item.action)).toContain('COORDINATOR_CREATE');
    });

    it('filters by user, action and time range, and pages', async () => {
      const byAction = await t.graphql(AUDIT_LOGS, { filter: { action: 'ID_NUMBER_REVEAL', username: 'chaoyang.office' } }, admin);
      expect(byAction.data!.auditLogs.total).toBe(1);
      expect(JSON.parse(byAction.data!.auditLogs.items[0].detail)).toEqual({ reason: '核对证书信息' });
      const future = await t.graphql(AUDIT_LOGS, { filter: { from: new Date(Date.now() + 3600_000).toISOString() } }, admin);
      expect(future.data!.auditLogs.total).toBe(0);
      const page1 = await t.graphql(AUDIT_LOGS, { offset: 0, limit: 2 }, admin);
      const page2 = await t.graphql(AUDIT_LOGS, { offset: 2, limit: 2 }, admin);
      expect(page1.data!.auditLogs.items).toHaveLength(2);
      expect(page2.data!.auditLogs.total).toBe(page1.data!.auditLogs.total);
      expect(page2.data!.auditLogs.items[0].id).not.toBe(page1.data!.auditLogs.items[0].id);
    });

    it('is closed to editors and leaders', async () => {
      for (const token of [county, leader]) {
        const result = await t.graphql(AUDIT_LOGS, {}, token);
        expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('the application database role (second layer)', () => {
    it('neither owns the tables nor bypasses row-level security, and cannot change the audit trail', async () => {
      const [role] = await t.sql(`select rolsuper, rolbypassrls from pg_roles where rolname = 'registry_app'`);
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
      const owned = await t.sql(`select tablename from pg_tables where schemaname = 'public' and tableowner = 'registry_app'`);
      expect(owned).toEqual([]);
      const [rights] = await t.sql(`select has_table_privilege('registry_app', 'audit_log', 'UPDATE') as update,
        has_table_privilege('registry_app', 'audit_log', 'DELETE') as delete,
        has_table_privilege('registry_app', 'audit_log', 'INSERT') as insert`);
      expect(rights).toEqual({ update: false, delete: false, insert: true });
      const [security] = await t.sql(`select relrowsecurity from pg_class where relname = 'coordinator'`);
      expect(security.relrowsecurity).toBe(true);
      // the request pool logs in as registry_app itself, not as the owner
      await t.graphql(`{ coordinators(limit: 1) { total } }`, {}, county);
      const logins = await t.sql(`select distinct usename from pg_stat_activity where datname = current_database() and application_name = 'registry-request'`);
      expect(logins).toEqual([{ usename: 'registry_app' }]);
    });

    it("shows a raw select * under one county's scope none of another county's coordinators", async () => {
      const client = new Client({ connectionString: t.databaseUrl, options: '-c role=registry_app' });
      await client.connect();
      try {
        await client.query(`select set_config('app.scope_path', '220000/220100/220104/', false)`);
        const rows = (await client.query(`select * from coordinator`)).rows;
        expect(rows.map((row) => String(row.id))).toContain(own.coordinatorId);
        expect(rows.filter((row) => !row.region_path.startsWith('220000/220100/220104/'))).toEqual([]);
        expect((await client.query(`select * from enterprise where id = $1`, [foreign.enterpriseId])).rows).toEqual([]);
        // sub-records follow their coordinator: none of another county's people shows
        const [{ outside }] = await t.sql(
          `select count(*)::int as outside from certificate k join coordinator c on c.id = k.coordinator_id where c.region_path not like '220000/220100/220104/%'`,
        );
        expect(outside).toBeGreaterThan(0);
        const visible = new Set(rows.map((row) => String(row.id)));
        for (const table of ['certificate', 'education', 'work_period', 'training', 'honor', 'disciplinary_record', 'work_record']) {
          const owners = (await client.query(`select distinct coordinator_id from ${table}`)).rows.map((row) => String(row.coordinator_id));
          expect({ table, foreign: owners.filter((id) => !visible.has(id)) }).toEqual({ table, foreign: [] });
        }
        await expect(
          client.query(`insert into certificate (coordinator_id, occupation, issued_on) values ($1, '劳动关系协调员', '2020-01-01')`, [foreign.coordinatorId]),
        ).rejects.toThrow(/row-level security/);
        // moving a row out of the scope is refused by the policy
        await expect(client.query(`update coordinator set region_path = '220000/220200/220202/' where id = $1`, [own.coordinatorId])).rejects.toThrow(
          /row-level security/,
        );
        await expect(client.query(`delete from audit_log`)).rejects.toThrow(/permission denied/);
        await expect(client.query(`update audit_log set action = 'X'`)).rejects.toThrow(/permission denied/);
        await client.query(`select set_config('app.scope_path', '', false)`);
        expect((await client.query(`select count(*)::int as count from coordinator`)).rows[0].count).toBe(0);
      } finally {
        await client.end();
      }
    });

    it('costs two SQL statements for a 20-row list page with the session lookup, one while the session is cached', async () => {
      const page = `{ coordinators(limit: 20) { total items { id name idNumber region { name } } } }`;
      // Only the request's statements count: the job queue polls on a pool of its own, and the
      // analytics refresher's tick (on the application's pool) may fall into the window under load.
      // (the request pool: registry_app's connections, see request-database.ts)
      const requestPool = ((t.app.get(RequestDatabase) as unknown as { applicationPool: DataSource }).applicationPool.driver as unknown as {
        master: { _clients: unknown[] };
      }).master;
      const counted = async (token: string) => {
        const statements: string[] = [];
        const original = pg.Client.prototype.query;
        pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
          const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
          if (requestPool._clients.includes(this) && !/analytics_/.test(String(text))) statements.push(String(text));
          return (original as (...a: unknown[]) => unknown).apply(this, args);
        } as typeof original;
        try {
          const result = await t.graphql(page, {}, token);
          expect(result.data?.coordinators.items.length).toBeGreaterThan(0);
        } finally {
          pg.Client.prototype.query = original;
        }
        return statements;
      };
      await t.graphql(page, {}, county); // warm: connections open
      await new Promise((resolve) => setTimeout(resolve, t.config.session.cacheMilliseconds + 20));
      // the session looked up, then the list; each statement carries the scope for its own
      // transaction in the same round trip (transaction-scope.ts), so none sets it apart
      const looked = await counted(county);
      console.log(`SQL statements for a 20-row coordinators page (auth + list): ${looked.length}`);
      expect(looked.map((statement) => statement.slice(0, 120))).toHaveLength(2);
      expect(looked[0]).toContain('from user_session');
      // the session cached: the list alone
      const cached = await counted(county);
      expect(cached).toHaveLength(1);
      expect(cached[0]).toContain('from coordinator c');
      // no pooled connection keeps a jurisdiction after the request
      const pool = requestPool as unknown as { _clients: pg.Client[]; _idle: { client: pg.Client }[] };
      expect(await eventually(async () => pool._idle.length === pool._clients.length, Boolean)).toBe(true);
      for (const { client } of pool._idle) {
        // past the client's own statement wrapper: what the server connection itself holds
        const query = pg.Client.prototype.query as (this: pg.Client, text: string) => Promise<pg.QueryResult>;
        const { rows } = await query.call(client, `select coalesce(current_setting('app.scope_path', true), '') as scope`);
        expect(rows[0].scope).toBe('');
      }
      const again = await counted(county);
      expect(again.length).toBeLessThanOrEqual(cached.length);
    });

    it('holds in the running app: a field resolver without its own scope check still sees no foreign row', async () => {
      // Link the county's coordinator to the foreign enterprise behind the application's back;
      // Coordinator.enterprise loads by id without a jurisdiction filter, so only RLS hides it.
      await t.sql(`update coordinator set enterprise_id = $2 where id = $1`, [own.coordinatorId, foreign.enterpriseId]);
      try {
        const query = `query($id: ID!) { coordinator(id: $id) { id enterprise { id name } } }`;
        const asCounty = await t.graphql(query, { id: own.coordinatorId }, county);
        expect(asCounty.data?.coordinator.id).toBe(own.coordinatorId);
        expect(asCounty.data?.coordinator.enterprise).toBeNull();
        const asProvince = await t.graphql(query, { id: own.coordinatorId }, admin);
        expect(asProvince.data?.coordinator.enterprise?.id).toBe(foreign.enterpriseId);
      } finally {
        await t.sql(`update coordinator set enterprise_id = $2 where id = $1`, [own.coordinatorId, own.enterpriseId]);
      }
    });
  });
});
