import { addDays, todayIsoDate } from '@registry/domain';
import { startTestApp, type TestApp } from '../support/test-app';
import { seedPair, signedInUser, type Seeded } from './access-helpers';

// 批量离岗 (issue 14): one date and one reason for the selected people, within the jurisdiction,
// all or none, one audit row per person.
const BATCH = `mutation($input: BatchDeactivateCoordinatorsInput!) { deactivateCoordinators(input: $input) }`;

let t: TestApp;
let admin: string;
let county: string;
let leader: string;
let first: Seeded;
let second: Seeded;
let third: Seeded;
let foreign: Seeded;

const statusOf = async (id: string) =>
  (await t.sql<{ status: string; left_on: string | null }>(`select status, to_char(left_on, 'YYYY-MM-DD') as left_on from coordinator where id = $1`, [id]))[0];
const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.adminToken();
  county = await signedInUser(t, admin, 'chaoyang.office', 'COUNTY_OFFICE', '220104');
  leader = await signedInUser(t, admin, 'chaoyang.leader', 'LEADER', '220104');
  first = await seedPair(t, admin, '220104');
  second = await seedPair(t, admin, '220104');
  third = await seedPair(t, admin, '220104');
  foreign = await seedPair(t, admin, '220202');
});
afterAll(async () => t?.close());

it('refuses the whole batch when one person is outside the jurisdiction', async () => {
  const result = await t.graphql(BATCH, { input: { ids: [first.coordinatorId, foreign.coordinatorId], reason: '单位撤销' } }, county);
  expect(code(result)).toBe('NOT_FOUND');
  await expect(statusOf(first.coordinatorId)).resolves.toMatchObject({ status: 'ACTIVE' });
  await expect(statusOf(foreign.coordinatorId)).resolves.toMatchObject({ status: 'ACTIVE' });
});

it('refuses a date in the future and readers', async () => {
  const tomorrow = addDays(todayIsoDate(), 1);
  expect(code(await t.graphql(BATCH, { input: { ids: [first.coordinatorId], leftOn: tomorrow } }, county))).toBe('BAD_USER_INPUT');
  expect(code(await t.graphql(BATCH, { input: { ids: [first.coordinatorId] } }, leader))).toBe('FORBIDDEN');
});

it('lets the selected people leave on one date with one reason, audited per person', async () => {
  const leftOn = todayIsoDate();
  const result = await t.graphql<{ deactivateCoordinators: string[] }>(BATCH, { input: { ids: [first.coordinatorId, second.coordinatorId], leftOn, reason: '单位撤销' } }, county);
  expect(result.errors).toBeUndefined();
  expect([...result.data!.deactivateCoordinators].sort()).toEqual([first.coordinatorId, second.coordinatorId].sort());
  await expect(statusOf(first.coordinatorId)).resolves.toEqual({ status: 'LEFT', left_on: leftOn });
  await expect(statusOf(second.coordinatorId)).resolves.toEqual({ status: 'LEFT', left_on: leftOn });
  const audits = await t.sql<{ object_id: string; detail: { reason: string; leftOn: string; batch: number } }>(
    `select object_id, detail from audit_log where action = 'COORDINATOR_DEACTIVATE' and username = 'chaoyang.office' order by object_id`,
  );
  expect(audits.map((entry) => [entry.object_id, entry.detail.reason, entry.detail.leftOn, entry.detail.batch])).toEqual(
    [first.coordinatorId, second.coordinatorId].sort().map((id) => [id, '单位撤销', leftOn, 2]),
  );
});

it('changes nobody when one of the selected has already left', async () => {
  const result = await t.graphql(BATCH, { input: { ids: [third.coordinatorId, first.coordinatorId] } }, county);
  expect(code(result)).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.message).toContain('已离岗');
  await expect(statusOf(third.coordinatorId)).resolves.toMatchObject({ status: 'ACTIVE' });
});

it('lists and exports only the selected records (导出所选), and a selected id outside the jurisdiction matches nothing', async () => {
  const ids = [first.coordinatorId, second.coordinatorId, foreign.coordinatorId];
  const listed = await t.graphql(`query($f: CoordinatorFilter) { coordinators(filter: $f) { total items { id } } }`, { f: { ids } }, county);
  expect(listed.data?.coordinators.items.map((item: { id: string }) => item.id).sort()).toEqual([first.coordinatorId, second.coordinatorId].sort());
  const response = await fetch(`${t.baseUrl}/api/exports/coordinators.xlsx?filter=${encodeURIComponent(JSON.stringify({ ids }))}`, { headers: { authorization: `Bearer ${county}` } });
  expect(response.status).toBe(200);
  const bad = await t.graphql(`query($f: CoordinatorFilter) { coordinators(filter: $f) { total } }`, { f: { ids: ['1; drop table coordinator'] } }, county);
  expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});
