import { JILIN_REGIONS } from '@registry/domain';
import ExcelJS from 'exceljs';
import type { GraphQLResponse, TestApp } from '../support/test-app';
import { maskIdNumber } from '@registry/domain';
import { REGISTERED_ELSEWHERE } from '../../api/src/coordinators/id-number-probes.service';
import { ImportClient, workbook, type Row } from '../fixtures/imports/helpers';
import { inBatches, seedPair, signedInUser, type Seeded } from './access-helpers';

// Every operation (reads, lists, updates, deactivations, reveals, xlsx exports) × {own,
// sibling, parent, foreign} jurisdiction: the cross-jurisdiction attempts must all fail (null,
// NOT_FOUND, an unknown region, FORBIDDEN or an empty file); the own-jurisdiction reads and
// exports are the control showing that the same calls do succeed where they should. Run on the
// app as it is (isolation.test.ts), behind a transaction-pooling PgBouncer (pgbouncer.test.ts)
// and reading from a replica (replica.test.ts): the users' requests run side by side, 24 at a time.

const PATH = new Map(JILIN_REGIONS.map((region) => [region.code, region.path]));
const OBJECTS_PER_REGION = 4;
const REGIONS = ['220104', '220104001', '220104002', '220102', '220100', '220202', '220200'];
const USERS = [
  { username: 'iso.chaoyang', role: 'COUNTY_OFFICE', regionCode: '220104' },
  { username: 'iso.qianjin', role: 'TOWNSHIP_PLATFORM', regionCode: '220104001' },
  { username: 'iso.nanguan', role: 'COUNTY_OFFICE', regionCode: '220102' },
  { username: 'iso.jilin', role: 'CITY_OFFICE', regionCode: '220200' },
];

type Relation = 'own' | 'sibling' | 'parent' | 'foreign';

function relation(userRegion: string, objectRegion: string): Relation {
  const scope = PATH.get(userRegion)!;
  const path = PATH.get(objectRegion)!;
  if (path.startsWith(scope)) return 'own';
  if (scope.startsWith(path)) return 'parent';
  const parentScope = scope.slice(0, scope.slice(0, -1).lastIndexOf('/') + 1);
  return path.startsWith(parentScope) ? 'sibling' : 'foreign';
}

interface Attempt {
  relation: Relation;
  operation: string;
  run: () => Promise<GraphQLResponse>;
  /** did the call reach data it must not? */
  succeeded: (response: GraphQLResponse) => boolean;
}

/** An export as a pseudo GraphQL answer: data.rows = data rows in the workbook, or the HTTP error. */
async function exportRows(t: TestApp, token: string, kind: string, regionCode: string): Promise<GraphQLResponse> {
  const response = await fetch(`${t.baseUrl}/api/exports/${kind}.xlsx?filter=${encodeURIComponent(JSON.stringify({ regionCode }))}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) return { errors: [{ message: await response.text(), extensions: { code: `HTTP_${response.status}` } }] };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  const sheet = workbook.worksheets[0];
  return { data: { rows: Math.max(0, (sheet?.actualRowCount ?? 1) - 1) } };
}

const returned = (field: string) => (response: GraphQLResponse) => response.data?.[field] != null;
const listed = (field: string) => (response: GraphQLResponse) =>
  !response.errors && (response.data?.[field]?.total > 0 || response.data?.[field]?.items?.length > 0);

/** The jurisdiction isolation checks on the app `start` gives (and `stop` ends). */
/**
 * `imports`: also the import lookups (not behind PgBouncer, where the job queue needs a session of its own).
 * `settled`: awaited after the seeding (a replica catching up); `checked`: after the checks, with what they cost (replica.test.ts).
 */
export function describeJurisdictionIsolation(
  title: string,
  start: () => Promise<TestApp>,
  options: { imports?: boolean; settled?: (t: TestApp) => Promise<void>; checked?: (t: TestApp, operations: string[]) => Promise<void> } = {},
): void {
describe(title, () => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  const objects = new Map<string, Seeded[]>();

  beforeAll(async () => {
    t = await start();
    const admin = await t.adminToken();
    await Promise.all(
      USERS.map(async (user) => tokens.set(user.username, await signedInUser(t, admin, user.username, user.role, user.regionCode))),
    );
    const seeded = await inBatches(
      REGIONS.flatMap((region) => Array.from({ length: OBJECTS_PER_REGION }, () => async () => ({ region, pair: await seedPair(t, admin, region) }))),
      8,
    );
    for (const region of REGIONS) objects.set(region, seeded.filter((entry) => entry.region === region).map((entry) => entry.pair));
    await options.settled?.(t);
  }, 300_000);
  afterAll(async () => t?.close());

  function attemptsFor(user: (typeof USERS)[number]): Attempt[] {
    const token = tokens.get(user.username)!;
    const attempts: Attempt[] = [];
    for (const region of REGIONS) {
      const where = relation(user.regionCode, region);
      const add = (operation: string, run: () => Promise<GraphQLResponse>, succeeded: Attempt['succeeded']) =>
        attempts.push({ relation: where, operation, run, succeeded });
      add('coordinators(regionCode)', () => t.graphql(`query($r: String) { coordinators(filter: { regionCode: $r }) { total items { id } } }`, { r: region }, token), listed('coordinators'));
      add('enterprises(regionCode)', () => t.graphql(`query($r: String) { enterprises(filter: { regionCode: $r }) { total items { id } } }`, { r: region }, token), listed('enterprises'));
      add('export coordinators.xlsx(regionCode)', () => exportRows(t, token, 'coordinators', region), (response) => (response.data?.rows ?? 0) > 0);
      add('export enterprises.xlsx(regionCode)', () => exportRows(t, token, 'enterprises', region), (response) => (response.data?.rows ?? 0) > 0);
      for (const seeded of objects.get(region)!) {
        add('coordinator(id)', () => t.graphql(`query($id: ID!) { coordinator(id: $id) { id name } }`, { id: seeded.coordinatorId }, token), returned('coordinator'));
        add('enterprise(id)', () => t.graphql(`query($id: ID!) { enterprise(id: $id) { id name } }`, { id: seeded.enterpriseId }, token), returned('enterprise'));
        // Writes and reveals only across jurisdictions: the own records stay as they are.
        if (where === 'own') continue;
        add(
          'updateCoordinator',
          () =>
            t.graphql(`mutation($input: UpdateCoordinatorInput!) { updateCoordinator(input: $input) { id } }`, {
              input: { id: seeded.coordinatorId, version: seeded.coordinatorVersion, name: '越权修改' },
            }, token),
          returned('updateCoordinator'),
        );
        add(
          'updateEnterprise',
          () =>
            t.graphql(`mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }`, {
              input: { id: seeded.enterpriseId, version: seeded.enterpriseVersion, name: '越权修改有限公司' },
            }, token),
          returned('updateEnterprise'),
        );
        add(
          'deactivateCoordinator',
          () =>
            t.graphql(`mutation($input: DeactivateCoordinatorInput!) { deactivateCoordinator(input: $input) { id } }`, {
              input: { id: seeded.coordinatorId, version: seeded.coordinatorVersion },
            }, token),
          returned('deactivateCoordinator'),
        );
        add(
          'deactivateEnterprise',
          () =>
            t.graphql(`mutation($id: ID!, $v: Int!) { deactivateEnterprise(id: $id, version: $v) { id } }`, {
              id: seeded.enterpriseId,
              v: seeded.enterpriseVersion,
            }, token),
          returned('deactivateEnterprise'),
        );
        add(
          'revealIdNumber',
          () => t.graphql(`mutation($id: ID!) { revealIdNumber(coordinatorId: $id, reason: "核对信息") }`, { id: seeded.coordinatorId }, token),
          returned('revealIdNumber'),
        );
      }
    }
    return attempts;
  }

  it('lets no user read, list, change, deactivate or reveal anything outside its jurisdiction', async () => {
    const attempts = USERS.flatMap((user) => attemptsFor(user));
    const responses = await inBatches(attempts.map((attempt) => () => attempt.run()), 24);
    const outcomes = attempts.map((attempt, index) => ({ ...attempt, response: responses[index], success: attempt.succeeded(responses[index]) }));

    const cross = outcomes.filter((outcome) => outcome.relation !== 'own');
    const leaked = cross.filter((outcome) => outcome.success);
    const own = outcomes.filter((outcome) => outcome.relation === 'own');
    console.log(`cross-jurisdiction attempts: ${cross.length}, succeeded: ${leaked.length}`);

    expect(leaked.map((outcome) => `${outcome.relation} ${outcome.operation}: ${JSON.stringify(outcome.response)}`)).toEqual([]);
    expect(cross.length).toBeGreaterThanOrEqual(500);
    for (const kind of ['sibling', 'parent', 'foreign'] as Relation[]) expect(cross.some((outcome) => outcome.relation === kind)).toBe(true);
    // Refusals look like absence, never like a server fault.
    const codes = new Set(cross.flatMap((outcome) => (outcome.response.errors ?? []).map((error) => error.extensions?.code)));
    expect([...codes].sort()).toEqual(expect.arrayContaining(['NOT_FOUND']));
    expect(codes.has('INTERNAL_SERVER_ERROR')).toBe(false);
    expect([...codes].filter((code) => String(code).startsWith('HTTP_5'))).toEqual([]);
    // The control: the same calls within the jurisdiction do reach the data.
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((outcome) => !outcome.success)).toEqual([]);
    // And nothing outside any user's scope changed in the database.
    const [changed] = await t.sql(
      `select (select count(*)::int from coordinator where version <> 1 or status <> 'ACTIVE') as coordinators,
              (select count(*)::int from enterprise where version <> 1 or not active) as enterprises`,
    );
    expect(changed).toEqual({ coordinators: 0, enterprises: 0 });
    await options.checked?.(t, attempts.map((attempt) => attempt.operation));
  }, 300_000);
  // Imports look records up by 记录编号 + masked number (main and sub-record sheets) and by full
  // number: a record outside the uploader's jurisdiction must answer exactly like a missing one,
  // and a full number only as "registered elsewhere".
  // not behind PgBouncer: the job queue (pg-boss) needs a session of its own there, so the suite leaves it out
  if (options.imports !== false) it('answers every import lookup of a record outside the jurisdiction like a missing one', async () => {
    const MISSING_REF = '999999990';
    const lookups: { user: string; relation: Relation; lookup: string; toldApart: boolean; detail: string }[] = [];
    await Promise.all(
      USERS.map(async (user) => {
        const client = new ImportClient(t.baseUrl, tokens.get(user.username)!);
        const main: Row[] = [];
        const certificates: Row[] = [];
        const cases: { relation: Relation; lookup: string; sheet: string; row: number; ref: string | null }[] = [];
        const base = { name: '核对', region: user.regionCode, tripartite: '否', unitName: '隔离测试单位' };
        const addMasked = (relation: Relation, seeded: Seeded | null) => {
          const ref = seeded?.coordinatorId ?? MISSING_REF;
          const idNumber = maskIdNumber(seeded?.idNumber ?? objects.get(REGIONS[0])![0].idNumber);
          main.push({ ...base, idNumber, ref });
          cases.push({ relation, lookup: '记录编号+脱敏身份证号', sheet: '协调员', row: main.length + 1, ref });
          certificates.push({ idNumber, ref, certOccupation: '劳动关系协调员', certLevel: 3, certIssuedOn: '1901-01-01' });
          cases.push({ relation, lookup: '附表（证书）记录编号+脱敏身份证号', sheet: '证书', row: certificates.length + 1, ref });
        };
        addMasked('own', null); // the control: a record that does not exist
        const fullNumbers: { relation: Relation; row: number }[] = [];
        for (const region of REGIONS) {
          const where = relation(user.regionCode, region);
          if (where === 'own') continue;
          for (const seeded of objects.get(region)!) addMasked(where, seeded);
          // one full number per region (the daily budget of such answers is 20)
          main.push({ ...base, idNumber: objects.get(region)![0].idNumber });
          fullNumbers.push({ relation: where, row: main.length + 1 });
        }
        const job = await client.dryRun('coordinators', 'isolation.xlsx', await workbook('coordinators', { 协调员: main, 证书: certificates }));
        if (job.status !== 'VALIDATED') throw new Error(`dry run of ${user.username}: ${job.status} ${job.message}`);
        const errors = await client.errors(job.id);
        const answer = (sheet: string, row: number, ref: string | null) =>
          errors
            .filter((error) => error.sheet === sheet && error.row === row)
            .map((error) => `${error.column}:${ref ? error.reason.replaceAll(ref, 'REF') : error.reason}`)
            .sort()
            .join('|');
        const missing = new Map(cases.filter((c) => c.ref === MISSING_REF).map((c) => [c.sheet, answer(c.sheet, c.row, c.ref)]));
        for (const c of cases.filter((c) => c.ref !== MISSING_REF)) {
          const got = answer(c.sheet, c.row, c.ref);
          lookups.push({ user: user.username, relation: c.relation, lookup: c.lookup, toldApart: got !== missing.get(c.sheet), detail: got });
        }
        for (const full of fullNumbers) {
          const got = answer('协调员', full.row, null);
          lookups.push({ user: user.username, relation: full.relation, lookup: '完整身份证号', toldApart: got !== `身份证号:${REGISTERED_ELSEWHERE}`, detail: got });
        }
      }),
    );
    const toldApart = lookups.filter((lookup) => lookup.toldApart);
    console.log(`import cross-jurisdiction lookups: ${lookups.length}, told apart from missing: ${toldApart.length}`);
    expect(toldApart.map((lookup) => `${lookup.user} ${lookup.relation} ${lookup.lookup}: ${lookup.detail}`)).toEqual([]);
    expect(lookups.length).toBeGreaterThanOrEqual(150);
    for (const kind of ['sibling', 'parent', 'foreign'] as Relation[]) expect(lookups.some((lookup) => lookup.relation === kind)).toBe(true);
  }, 120_000);
});
}
