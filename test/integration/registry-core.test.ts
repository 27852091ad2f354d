import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { CREATE_COORDINATOR, CREATE_ENTERPRISE, coordinatorInput, enterpriseInput, idNumber } from '../support/fixtures';

describe('registry core through the GraphQL contract', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => t?.close());

  it('answers /health', async () => {
    const response = await fetch(`${t.baseUrl}/health`);
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ status: 'ok' });
  });

  it('refuses everything but changePassword to a user who must change the password', async () => {
    await t.graphql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { username: 'fresh.county', password: 'Initial#2025', role: 'COUNTY_OFFICE', regionCode: '220104' } },
      admin,
    );
    const login = await t.graphql(`mutation { login(username: "fresh.county", password: "Initial#2025") { accessToken mustChangePassword } }`);
    expect(login.data?.login.mustChangePassword).toBe(true);
    const token = login.data!.login.accessToken;
    const refused = await t.graphql(`{ coordinators { total } }`, {}, token);
    expect(refused.errors?.[0].extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await t.graphql(`mutation { changePassword(oldPassword: "Initial#2025", newPassword: "Better#2025x") }`, {}, token);
    expect(changed.data?.changePassword).toBe(true);
    const allowed = await t.graphql(`{ coordinators { total } }`, {}, token);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.coordinators.total).toBe(0);
  });

  it('does not tell a wrong password from an unknown user', async () => {
    const wrong = await t.graphql(`mutation { login(username: "admin", password: "nope") { accessToken } }`);
    const unknown = await t.graphql(`mutation { login(username: "nobody-here", password: "nope") { accessToken } }`);
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(ADMIN_PASSWORD).not.toBe('nope');
  });

  it('lists the 11 reporting units under the province, 梅河口 and 长白山 among them', async () => {
    const result = await t.graphql(`{ regions(parentCode: "220000") { code name level parentCode } }`, {}, admin);
    const units = result.data!.regions;
    expect(units).toHaveLength(11);
    expect(units.map((unit: { code: string }) => unit.code)).toEqual(expect.arrayContaining(['220100', '220581', '229900', '222400']));
    expect(units.every((unit: { level: string; parentCode: string }) => unit.level === 'UNIT' && unit.parentCode === '220000')).toBe(true);
    const townships = await t.graphql(`{ regions(parentCode: "220104") { code level } }`, {}, admin);
    expect(townships.data!.regions.length).toBeGreaterThan(3);
    expect(townships.data!.regions[0].level).toBe('TOWNSHIP');
  });

  it('creates an enterprise with its size class derived from the 2017 table', async () => {
    const result = await t.graphql(CREATE_ENTERPRISE, { input: enterpriseInput({ employees: 1200, revenue: 50000 }) }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data!.createEnterprise).toMatchObject({ sizeClass: 'LARGE', derivedSizeClass: 'LARGE', regionCode: '220104', version: 1 });
  });

  it('refuses a bad credit code naming the field, and writes nothing', async () => {
    const before = await t.sql(`select count(*)::int as count from enterprise`);
    const input = enterpriseInput();
    const broken = input.creditCode.slice(0, 17) + (input.creditCode[17] === '0' ? '1' : '0');
    const result = await t.graphql(CREATE_ENTERPRISE, { input: { ...input, creditCode: broken } }, admin);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    const after = await t.sql(`select count(*)::int as count from enterprise`);
    expect(after[0].count).toBe(before[0].count);
  });

  it('requires a reason for a size override', async () => {
    const result = await t.graphql(CREATE_ENTERPRISE, { input: enterpriseInput({ sizeOverride: 'MEDIUM' }) }, admin);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sizeOverrideReason' });
  });

  it('creates a coordinator with sub-records, derives birth date and gender, and masks the ID number', async () => {
    const id = idNumber('1983-02-28', 'MALE');
    const result = await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: id, name: '张建国' }) }, admin);
    expect(result.errors).toBeUndefined();
    const created = result.data!.createCoordinator;
    expect(created).toMatchObject({ name: '张建国', gender: 'MALE', birthDate: '1983-02-28', status: 'ACTIVE' });
    expect(created.idNumber).toBe(`${id.slice(0, 4)}**********${id.slice(14)}`);
    const detail = await t.graphql(
      `query($id: ID!) { coordinator(id: $id) { name region { name } certificates { occupation level issuedOn } educations { level major } workPeriods { start end occupation } } }`,
      { id: created.id },
      admin,
    );
    expect(detail.data!.coordinator).toMatchObject({
      region: { name: '朝阳区' },
      certificates: [{ occupation: '劳动关系协调员', level: 3, issuedOn: '2019-05-10' }],
      educations: [{ level: 'BACHELOR', major: '人力资源管理' }],
      workPeriods: [{ start: '2015-03-01', end: null, occupation: '劳动关系协调员' }],
    });
    const stored = await t.sql(`select id_number_cipher from coordinator where id = $1`, [created.id]);
    expect(stored[0].id_number_cipher).not.toContain(id);
  });

  it.each([
    ['idNumber', { idNumber: '220104198302281234' }],
    ['regionCode', { regionCode: '999999' }],
    ['workPeriods[0].end', { workPeriods: [{ start: '2020-01-01', end: '2019-01-01', occupation: '劳动关系协调员' }] }],
    ['certificates[0].level', { certificates: [{ occupation: '劳动关系协调员', level: 7, issuedOn: '2019-01-01' }] }],
  ])('refuses a coordinator with a bad %s and writes nothing', async (field, overrides) => {
    const before = await t.sql(`select count(*)::int as count from coordinator`);
    const result = await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput(overrides) }, admin);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const after = await t.sql(`select count(*)::int as count from coordinator`);
    expect(after[0].count).toBe(before[0].count);
  });

  it('refuses the same person twice', async () => {
    const id = idNumber('1990-01-01');
    await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: id }) }, admin);
    const again = await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: id, regionCode: '220102' }) }, admin);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber' });
  });

  it('filters coordinators by region subtree and enterprises by coverage', async () => {
    const enterprise = await t.graphql(CREATE_ENTERPRISE, { input: enterpriseInput({ regionCode: '220202', name: '吉林化纤集团测试' }) }, admin);
    const enterpriseId = enterprise.data!.createEnterprise.id;
    const uncovered = await t.graphql(
      `query($f: EnterpriseFilter) { enterprises(filter: $f) { total items { id covered } } }`,
      { f: { regionCode: '220200', sizeClasses: ['LARGE', 'MEDIUM'], covered: false } },
      admin,
    );
    expect(uncovered.data!.enterprises.items.map((item: { id: string }) => item.id)).toContain(enterpriseId);
    await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ regionCode: '220202', enterpriseId }) }, admin);
    const covered = await t.graphql(
      `query($f: EnterpriseFilter) { enterprises(filter: $f) { total items { id covered coordinatorCount } } }`,
      { f: { regionCode: '220200', covered: true } },
      admin,
    );
    expect(covered.data!.enterprises.items).toEqual([{ id: enterpriseId, covered: true, coordinatorCount: 1 }]);
    const jilin = await t.graphql(`{ coordinators(filter: { regionCode: "220200" }) { total items { regionCode enterprise { name } } } }`, {}, admin);
    expect(jilin.data!.coordinators.total).toBe(1);
    expect(jilin.data!.coordinators.items[0]).toMatchObject({ regionCode: '220202', enterprise: { name: '吉林化纤集团测试' } });
  });

  it('answers a list row the same whatever fields, aliases and fragments the query selects', async () => {
    const full = await t.graphql(
      `{ coordinators(order: { field: JOINED, direction: DESC }) { items { id name gender birthDate age idNumber phone category affiliation
          tripartiteOrGrassroots enterpriseId unitName regionCode post status joinedOn leftOn version createdAt updatedAt
          region { code name } enterprise { id creditCode name sizeClass publicOwned revenue registeredOn industryName covered } } } }`,
      {},
      admin,
    );
    expect(full.errors).toBeUndefined();
    const rows = full.data!.coordinators.items as Record<string, any>[];
    expect(rows.some((row) => row.enterprise)).toBe(true);
    const narrow = await t.graphql(
      `{ coordinators(order: { field: JOINED, direction: DESC }) { items { who: name ...Joined enterprise { ... on Enterprise { sizeClass } } } } }
       fragment Joined on Coordinator { joinedOn age }`,
      {},
      admin,
    );
    expect(narrow.errors).toBeUndefined();
    expect(narrow.data!.coordinators.items).toEqual(
      rows.map((row) => ({ who: row.name, joinedOn: row.joinedOn, age: row.age, enterprise: row.enterprise ? { sizeClass: row.enterprise.sizeClass } : null })),
    );
    // a field without an employer: no join, and the rows are the same people
    const ids = await t.graphql(`{ coordinators(order: { field: JOINED, direction: DESC }) { items { id certificates { occupation } } } }`, {}, admin);
    expect(ids.data!.coordinators.items.map((row: { id: string }) => row.id)).toEqual(rows.map((row) => row.id));
  });

  it('refuses a stale update with CONFLICT naming the current version, and keeps the newer data', async () => {
    const created = await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput() }, admin);
    const { id } = created.data!.createCoordinator;
    const first = await t.graphql(`mutation($i: UpdateCoordinatorInput!) { updateCoordinator(input: $i) { version post } }`, { i: { id, version: 1, post: '人事主管' } }, admin);
    expect(first.data!.updateCoordinator).toEqual({ version: 2, post: '人事主管' });
    const stale = await t.graphql(`mutation($i: UpdateCoordinatorInput!) { updateCoordinator(input: $i) { version } }`, { i: { id, version: 1, post: '覆盖' } }, admin);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const [row] = await t.sql(`select post, version from coordinator where id = $1`, [id]);
    expect(row).toEqual({ post: '人事主管', version: 2 });
  });

  it('deactivates a coordinator (离岗) with a date', async () => {
    const created = await t.graphql(CREATE_COORDINATOR, { input: coordinatorInput() }, admin);
    const { id, version } = created.data!.createCoordinator;
    const result = await t.graphql(
      `mutation($i: DeactivateCoordinatorInput!) { deactivateCoordinator(input: $i) { status leftOn version } }`,
      { i: { id, version, leftOn: '2025-06-30' } },
      admin,
    );
    expect(result.data!.deactivateCoordinator).toEqual({ status: 'LEFT', leftOn: '2025-06-30', version: version + 1 });
  });

  it('caps the page size', async () => {
    const result = await t.graphql(`{ coordinators(limit: 100000) { total } }`, {}, admin);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });

  it('records every write in the audit trail', async () => {
    const rows = await t.sql(`select action, count(*)::int as count from audit_log group by action`);
    const actions = Object.fromEntries(rows.map((row: { action: string; count: number }) => [row.action, row.count]));
    expect(actions.COORDINATOR_CREATE).toBeGreaterThan(0);
    expect(actions.ENTERPRISE_CREATE).toBeGreaterThan(0);
    expect(actions.LOGIN_FAILURE).toBeGreaterThan(0);
  });
});
