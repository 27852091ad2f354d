import { MAX_FAILED_LOGINS } from '@registry/domain';
import { startTestApp, type TestApp } from '../support/test-app';
import { signedInUser, USER_PASSWORD } from './access-helpers';

// User administration beyond create/disable (issue 14): edit (display name, role within the
// rules), password reset (forces a change at the next login, audited) and unlock after the
// lockout, each within the administrator's jurisdiction.
const USER_FIELDS = 'id username displayName role version mustChangePassword lockedUntil';
const UPDATE = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { ${USER_FIELDS} } }`;
const RESET = `mutation($id: ID!, $password: String!) { resetUserPassword(id: $id, password: $password) { ${USER_FIELDS} } }`;
const UNLOCK = `mutation($id: ID!) { unlockUser(id: $id) { ${USER_FIELDS} } }`;
const ME = `{ me { username role } }`;

let t: TestApp;
let admin: string;
let county: string;
let township: string;
let foreignId: string;

const account = async (username: string) =>
  (await t.sql<{ id: string; version: number; role: string }>(`select id::text as id, version, role from app_user where username = $1`, [username]))[0];
const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  county = await signedInUser(t, admin, 'chaoyang.office', 'COUNTY_OFFICE', '220104');
  const [foreignTownship] = await t.sql<{ code: string }>(`select code from region where code like '220202%' and level = 'TOWNSHIP' order by code limit 1`);
  const [ownTownship] = await t.sql<{ code: string }>(`select code from region where code like '220104%' and level = 'TOWNSHIP' order by code limit 1`);
  township = await signedInUser(t, county, 'qianjin.platform', 'TOWNSHIP_PLATFORM', ownTownship.code);
  await signedInUser(t, county, 'chaoyang.leader', 'LEADER', '220104');
  // a fresh account for the reset: the lockout test's failed logins are rate-limited per username
  await signedInUser(t, county, 'qianjin.clerk', 'TOWNSHIP_PLATFORM', ownTownship.code);
  await signedInUser(t, admin, 'jilin.platform', 'TOWNSHIP_PLATFORM', foreignTownship.code);
  foreignId = (await account('jilin.platform')).id;
});
afterAll(async () => t?.close());

describe('editing an account', () => {
  it('renames an account in the jurisdiction, audited with before and after', async () => {
    const target = await account('qianjin.platform');
    const result = await t.graphql(UPDATE, { input: { id: target.id, version: target.version, displayName: '前进街道 · 王芳' } }, county);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ updateUser: { displayName: '前进街道 · 王芳', role: 'TOWNSHIP_PLATFORM' } });
    const [entry] = await t.sql<{ username: string; detail: unknown }>(`select username, detail from audit_log where action = 'USER_UPDATE' and object_id = $1`, [target.id]);
    expect(entry).toEqual({ username: 'chaoyang.office', detail: { changes: { displayName: { before: 'qianjin.platform', after: '前进街道 · 王芳' } } } });
  });

  it('changes a role only to one the administrator may create and the region level allows, and ends the sessions', async () => {
    const leader = await account('chaoyang.leader');
    const leaderToken = await t.login('chaoyang.leader', USER_PASSWORD);
    const tooHigh = await t.graphql(UPDATE, { input: { id: leader.id, version: leader.version, role: 'PROVINCE_ADMIN' } }, county);
    expect(code(tooHigh)).toBe('BAD_USER_INPUT');
    const township = await account('qianjin.platform');
    const wrongLevel = await t.graphql(UPDATE, { input: { id: township.id, version: township.version, role: 'COUNTY_OFFICE' } }, county);
    expect(code(wrongLevel)).toBe('BAD_USER_INPUT');
    expect(wrongLevel.errors?.[0]?.message).toContain('前进');

    const changed = await t.graphql(UPDATE, { input: { id: leader.id, version: leader.version, role: 'COUNTY_OFFICE' } }, county);
    expect(changed.errors).toBeUndefined();
    await expect(account('chaoyang.leader')).resolves.toMatchObject({ role: 'COUNTY_OFFICE' });
    expect(code(await t.graphql(ME, {}, leaderToken))).toBe('UNAUTHENTICATED');
    // the version read is the one that counts
    const stale = await t.graphql(UPDATE, { input: { id: leader.id, version: leader.version, displayName: '晚到的修改' } }, county);
    expect(code(stale)).toBe('CONFLICT');
  });

  it('does not see accounts outside the jurisdiction, and a township platform may not administer', async () => {
    const foreign = await account('jilin.platform');
    expect(code(await t.graphql(UPDATE, { input: { id: foreign.id, version: foreign.version, displayName: 'x' } }, county))).toBe('NOT_FOUND');
    expect(code(await t.graphql(RESET, { id: foreignId, password: 'Another#2026x' }, county))).toBe('NOT_FOUND');
    expect(code(await t.graphql(UNLOCK, { id: foreignId }, county))).toBe('NOT_FOUND');
    const self = await account('qianjin.platform');
    expect(code(await t.graphql(UNLOCK, { id: self.id }, township))).toBe('FORBIDDEN');
  });
});

describe('lockout and unlock', () => {
  it(`unlocks an account locked by ${MAX_FAILED_LOGINS} failed logins, audited`, async () => {
    const target = await account('qianjin.platform');
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt++) {
      await expect(t.login('qianjin.platform', 'Wrong#2026pw')).rejects.toThrow();
    }
    await expect(t.login('qianjin.platform', USER_PASSWORD)).rejects.toThrow();
    const unlocked = await t.graphql(UNLOCK, { id: target.id }, county);
    expect(unlocked.errors).toBeUndefined();
    expect(unlocked.data).toMatchObject({ unlockUser: { lockedUntil: null } });
    await expect(t.login('qianjin.platform', USER_PASSWORD)).resolves.toEqual(expect.any(String));
    const entries = await t.sql<{ username: string }>(`select username from audit_log where action = 'USER_UNLOCK' and object_id = $1`, [target.id]);
    expect(entries).toEqual([{ username: 'chaoyang.office' }]);
  });
});

describe('password reset', () => {
  it('sets a new initial password the account must change at its next login, ends its sessions, and keeps the password out of the trail', async () => {
    const target = await account('qianjin.clerk');
    const before = await t.login('qianjin.clerk', USER_PASSWORD);
    expect(code(await t.graphql(RESET, { id: target.id, password: 'weak' }, county))).toBe('BAD_USER_INPUT');
    const reset = await t.graphql(RESET, { id: target.id, password: 'Reset#2026new' }, county);
    expect(reset.errors).toBeUndefined();
    expect(reset.data).toMatchObject({ resetUserPassword: { mustChangePassword: true } });
    expect(code(await t.graphql(ME, {}, before))).toBe('UNAUTHENTICATED');
    await expect(t.login('qianjin.clerk', USER_PASSWORD)).rejects.toThrow();
    const after = await t.login('qianjin.clerk', 'Reset#2026new');
    expect(code(await t.graphql(`{ coordinators { total } }`, {}, after))).toBe('PASSWORD_CHANGE_REQUIRED');
    const entries = await t.sql<{ username: string; detail: unknown }>(`select username, detail from audit_log where action = 'PASSWORD_RESET' and object_id = $1`, [target.id]);
    expect(entries).toEqual([{ username: 'chaoyang.office', detail: { mustChangePassword: true } }]);
    const trail = await t.sql<{ text: string }>(`select coalesce(string_agg(detail::text, ' '), '') as text from audit_log`);
    expect(trail[0].text).not.toContain('Reset#2026new');
  });

  it('refuses to reset your own password (that is 修改密码)', async () => {
    const self = await account('chaoyang.office');
    expect(code(await t.graphql(RESET, { id: self.id, password: 'Another#2026x' }, county))).toBe('BAD_USER_INPUT');
  });
});
