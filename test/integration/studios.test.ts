import { todayIsoDate, addDays } from '@registry/domain';
import { Client } from 'pg';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/test-app';
import { seedPair, signedInUser, type Seeded } from './access-helpers';

// 六(四): the registry of 金牌劳动关系协调员工作室 and 协调劳动关系指导站, as an office uses it: filed in
// its own jurisdiction with the staff and served enterprises, listed, edited with a version
// check, counted per region; a studio elsewhere is exactly as missing as one that never existed.

const STUDIO_FIELDS = `id name kind hostKind hostPlatformName regionCode openedOn status version
  region { code name } hostEnterprise { id name } coordinators { id name } coordinatorCount servedEnterprises { id name } servedEnterpriseCount`;
const CREATE = `mutation($input: StudioInput!) { createStudio(input: $input) { ${STUDIO_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateStudioInput!) { updateStudio(input: $input) { ${STUDIO_FIELDS} } }`;
const TODAY = todayIsoDate();
const MISSING_ID = '987654321';

describe('studios and guidance stations', () => {
  let t: TestApp;
  let admin: string;
  let county: string;
  let own: Seeded;
  let ownSecond: Seeded;
  let foreign: Seeded;
  let township: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    county = await signedInUser(t, admin, 'chaoyang.studios', 'COUNTY_OFFICE', '220104');
    const [first] = await t.sql(`select code from region where parent_code = '220104' and level = 'TOWNSHIP' order by code limit 1`);
    township = first.code;
    own = await seedPair(t, admin, township);
    ownSecond = await seedPair(t, admin, '220104');
    // 南关区, the neighbouring county of the same city
    foreign = await seedPair(t, admin, '220102');
  });
  afterAll(async () => t?.close());

  const studioInput = (overrides: Record<string, unknown> = {}) => ({
    kind: 'GOLD_STUDIO',
    name: `朝阳区金牌劳动关系协调员工作室${Math.random().toString(36).slice(2, 7)}`,
    hostKind: 'ENTERPRISE',
    hostEnterpriseId: own.enterpriseId,
    regionCode: township,
    openedOn: '2023-05-01',
    coordinatorIds: [own.coordinatorId],
    servedEnterpriseIds: [ownSecond.enterpriseId],
    ...overrides,
  });

  it('an office files a studio hosted by an enterprise, with its staff; the detail shows host, staff and served enterprises', async () => {
    const created = await t.graphql(CREATE, { input: studioInput({ name: '一汽劳动关系协调员工作室' }) }, county);
    expect(created.errors).toBeUndefined();
    const studio = created.data!.createStudio;
    expect(studio).toMatchObject({
      kind: 'GOLD_STUDIO',
      hostKind: 'ENTERPRISE',
      regionCode: township,
      status: 'ACTIVE',
      version: 1,
      hostEnterprise: { id: own.enterpriseId },
      coordinators: [{ id: own.coordinatorId }],
      coordinatorCount: 1,
      servedEnterpriseCount: 2,
    });
    // the host first
    expect(studio.servedEnterprises.map((e: { id: string }) => e.id)).toEqual([own.enterpriseId, ownSecond.enterpriseId]);
    const read = await t.graphql(`query($id: ID!) { studio(id: $id) { ${STUDIO_FIELDS} } }`, { id: studio.id }, county);
    expect(read.data!.studio).toEqual(studio);
    const [audit] = await t.sql(`select username, action, detail from audit_log where object_type = 'studio' and object_id = $1`, [studio.id]);
    expect(audit).toMatchObject({ username: 'chaoyang.studios', action: 'STUDIO_CREATE', detail: { name: '一汽劳动关系协调员工作室' } });
  });

  it('a guidance station on a grassroots platform needs the platform name; a date after today and a same name are refused', async () => {
    const noPlatform = await t.graphql(CREATE, { input: studioInput({ kind: 'GUIDANCE_STATION', hostKind: 'GRASSROOTS_PLATFORM', hostEnterpriseId: null }) }, county);
    expect(noPlatform.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hostPlatformName' });
    const station = await t.graphql(
      CREATE,
      { input: studioInput({ kind: 'GUIDANCE_STATION', name: '朝阳区协调劳动关系指导站', hostKind: 'GRASSROOTS_PLATFORM', hostEnterpriseId: null, hostPlatformName: '朝阳区党群服务中心', regionCode: '220104' }) },
      county,
    );
    expect(station.errors).toBeUndefined();
    expect(station.data!.createStudio).toMatchObject({ hostEnterprise: null, hostPlatformName: '朝阳区党群服务中心', servedEnterpriseCount: 1 });
    const tomorrow = addDays(TODAY, 1);
    const future = await t.graphql(CREATE, { input: studioInput({ openedOn: tomorrow }) }, county);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'openedOn' });
    const again = await t.graphql(
      CREATE,
      { input: studioInput({ kind: 'GUIDANCE_STATION', name: '朝阳区协调劳动关系指导站', hostKind: 'GRASSROOTS_PLATFORM', hostEnterpriseId: null, hostPlatformName: '另一平台', regionCode: '220104' }) },
      county,
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('an edit checks the version: a stale one answers CONFLICT and changes nothing', async () => {
    const created = (await t.graphql(CREATE, { input: studioInput() }, county)).data!.createStudio;
    const input = { ...studioInput({ name: created.name, status: 'SUSPENDED', coordinatorIds: [], servedEnterpriseIds: [] }), id: created.id, version: 1 };
    const saved = await t.graphql(UPDATE, { input }, county);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateStudio).toMatchObject({ status: 'SUSPENDED', version: 2, coordinatorCount: 0, servedEnterpriseCount: 1 });
    const stale = await t.graphql(UPDATE, { input: { ...input, status: 'CLOSED' } }, county);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    const [row] = await t.sql(`select status, version from studio where id = $1`, [created.id]);
    expect(row).toEqual({ status: 'SUSPENDED', version: 2 });
    const [audit] = await t.sql(`select detail from audit_log where action = 'STUDIO_UPDATE' and object_id = $1`, [created.id]);
    expect(audit.detail.changes).toMatchObject({ status: { before: 'ACTIVE', after: 'SUSPENDED' } });
  });

  it('lists with search, kind, sorting and paging; the total counts the whole filtered set', async () => {
    const names = ['甲', '乙', '丙'].map((suffix) => `排序测试工作室${suffix}`);
    for (const name of names) expect((await t.graphql(CREATE, { input: studioInput({ name }) }, county)).errors).toBeUndefined();
    const page = await t.graphql(
      `{ studios(filter: { search: "排序测试" }, order: { field: NAME, direction: DESC }, limit: 2) { total items { name } } }`,
      {},
      county,
    );
    expect(page.data!.studios.total).toBe(3);
    expect(page.data!.studios.items.map((s: { name: string }) => s.name)).toEqual([...names].sort().reverse().slice(0, 2));
    const stations = await t.graphql(`{ studios(filter: { kind: GUIDANCE_STATION }) { items { kind } } }`, {}, county);
    expect(stations.errors).toBeUndefined();
    expect(new Set(stations.data!.studios.items.map((s: { kind: string }) => s.kind))).toEqual(new Set(['GUIDANCE_STATION']));
    const none = await t.graphql(`{ studios(filter: { search: "没有这样的工作室" }) { total items { id } } }`, {}, county);
    expect(none.data!.studios).toEqual({ total: 0, items: [] });
    const tooMany = await t.graphql(`{ studios(limit: 100000) { total } }`, {}, county);
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  it('figures per child region count studios in operation by kind, their staff, and the enterprises and townships served', async () => {
    const figures = await t.graphql(
      `{ studioFigures(regionCode: "220104") { regionCode total { goldStudios guidanceStations coordinators servedEnterprises servedTownships }
          children { regionCode goldStudios guidanceStations servedEnterprises servedTownships } } }`,
      {},
      county,
    );
    expect(figures.errors).toBeUndefined();
    const [expected] = await t.sql(
      `select count(*) filter (where kind = 'GOLD_STUDIO')::int as gold, count(*) filter (where kind = 'GUIDANCE_STATION')::int as stations
       from studio where status = 'ACTIVE' and region_path like '220000/220100/220104/%'`,
    );
    const { total, children } = figures.data!.studioFigures;
    expect(total).toMatchObject({ goldStudios: expected.gold, guidanceStations: expected.stations, coordinators: 1, servedEnterprises: 2, servedTownships: 1 });
    const row = children.find((child: { regionCode: string }) => child.regionCode === township);
    expect(row).toMatchObject({ goldStudios: expected.gold, guidanceStations: 0, servedTownships: 1 });
    expect(children.reduce((sum: number, child: { guidanceStations: number }) => sum + child.guidanceStations, 0)).toBe(0);
  });

  describe('outside the jurisdiction', () => {
    let foreignStudio: { id: string; version: number };

    beforeAll(async () => {
      const created = await t.graphql(
        CREATE,
        { input: studioInput({ name: '南关区工作室', hostEnterpriseId: foreign.enterpriseId, regionCode: '220102', coordinatorIds: [foreign.coordinatorId], servedEnterpriseIds: [] }) },
        admin,
      );
      expect(created.errors).toBeUndefined();
      foreignStudio = created.data!.createStudio;
    });

    it('a studio in another county reads as null and is in no list or figure', async () => {
      const read = await t.graphql(`query($a: ID!, $b: ID!) { a: studio(id: $a) { id } b: studio(id: $b) { id } }`, { a: foreignStudio.id, b: MISSING_ID }, county);
      expect(read.data).toEqual({ a: null, b: null });
      const list = await t.graphql(`{ studios(filter: { search: "南关" }) { total } }`, {}, county);
      expect(list.data!.studios.total).toBe(0);
      const figures = await t.graphql(`{ studioFigures(regionCode: "220102") { total { goldStudios } } }`, {}, county);
      expect(figures.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
    });

    it('editing it answers exactly as editing a missing one, and the attempt is audited', async () => {
      const edit = (id: string) => t.graphql(UPDATE, { input: { ...studioInput({ name: '篡改' }), id, version: 1 } }, county);
      const outside = await edit(foreignStudio.id);
      const missing = await edit(MISSING_ID);
      const shape = (answer: typeof outside, typed: string) => ({ code: answer.errors?.[0].extensions?.code, message: answer.errors?.[0].message.split(typed).join('<id>') });
      expect(shape(outside, foreignStudio.id)).toEqual(shape(missing, MISSING_ID));
      expect(shape(outside, foreignStudio.id).code).toBe('NOT_FOUND');
      const rows = await eventually(
        () => t.sql(`select username, detail from audit_log where action = 'ACCESS_DENIED' and object_type = 'studio' and object_id = $1`, [foreignStudio.id]),
        (found) => found.length > 0,
      );
      expect(rows[0]).toMatchObject({ username: 'chaoyang.studios', detail: { operation: 'updateStudio' } });
      const [unchanged] = await t.sql(`select name, version from studio where id = $1`, [foreignStudio.id]);
      expect(unchanged).toEqual({ name: '南关区工作室', version: 1 });
    });

    it('a foreign region, coordinator or enterprise in a new studio answers like an unknown one', async () => {
      const answer = async (overrides: Record<string, unknown>) => (await t.graphql(CREATE, { input: studioInput(overrides) }, county)).errors?.[0];
      const region = await answer({ regionCode: '220102' });
      expect(region?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
      expect(region?.message.replace('220102', '<id>')).toBe((await answer({ regionCode: '229998' }))?.message.replace('229998', '<id>'));
      const person = await answer({ coordinatorIds: [foreign.coordinatorId] });
      expect(person?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'coordinatorIds' });
      expect(person?.message.replace(foreign.coordinatorId, '<id>')).toBe((await answer({ coordinatorIds: [MISSING_ID] }))?.message.replace(MISSING_ID, '<id>'));
      const host = await answer({ hostEnterpriseId: foreign.enterpriseId });
      expect(host?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hostEnterpriseId' });
    });

    it('row-level security: a raw select under the county scope shows none of the studio or its staff', async () => {
      const client = new Client({ connectionString: t.databaseUrl, options: '-c role=registry_app' });
      await client.connect();
      try {
        await client.query(`select set_config('app.scope_path', '220000/220100/220104/', false)`);
        const studios = (await client.query(`select id::text, region_path from studio`)).rows;
        expect(studios.length).toBeGreaterThan(0);
        expect(studios.filter((row) => !row.region_path.startsWith('220000/220100/220104/'))).toEqual([]);
        expect((await client.query(`select * from studio_coordinator where studio_id = $1`, [foreignStudio.id])).rows).toEqual([]);
        await expect(client.query(`insert into studio_enterprise (province_code, studio_id, enterprise_id) values ('22', $1, $2)`, [foreignStudio.id, own.enterpriseId])).rejects.toThrow(/row-level security/);
      } finally {
        await client.end();
      }
    });
  });
});
