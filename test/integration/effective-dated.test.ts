import { todayIsoDate, addDays } from '@registry/domain';
import { expectedChildrenOn, expectedCoordinatorIdsOn, expectedCoverageOn, figureDate } from '../support/effective-dated';
import { CREATE_COORDINATOR, CREATE_ENTERPRISE, coordinatorInput, enterpriseInput, idNumber } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { signedInUser } from './access-helpers';

// Figures that keep their year (issue 12): after each kind of later change — an employer move, a
// coordinator's move to another region, new enterprise figures, a closure, a county moved to
// another city — every earlier year's coverage, distribution and drill-down lists are what they
// were, and every year's figure equals an independent count over the effective-dated tables.
const TODAY = todayIsoDate();
const THIS_YEAR = Number(TODAY.slice(0, 4));
const LAST_YEAR = THIS_YEAR - 1;
const YEARS = Array.from({ length: THIS_YEAR - 2021 + 1 }, (_, index) => 2021 + index);
const PROVINCE = '220000';
const CHANGCHUN = '220100';
const SIPING = '220300';
const CHAOYANG = '220104'; // 朝阳区
const NANGUAN = '220102'; // 南关区
const LISHU = '220322'; // 梨树县 (四平), moved to 长春 in this test
const REGIONS = [PROVINCE, CHANGCHUN, SIPING, CHAOYANG, NANGUAN, LISHU];
const SIZES = { LARGE: { employees: 1200, revenue: 50000 }, MEDIUM: { employees: 500, revenue: 5000 }, SMALL: { employees: 50, revenue: 500 } };
const COVERAGE_FIELDS = `largeMediumTotal largeMediumCovered socialOrganizationTotal socialOrganizationCovered smallMicroTotal smallMicroCovered
  smallMicroCoveredOwn targetTotal targetCovered`;

describe('figures that keep their year', () => {
  let t: TestApp;
  let admin: string;
  let lishuTownship: string;
  let chaoyangTownship: string;
  const enterprises: Record<string, string> = {};
  const coordinators: Record<string, string> = {};
  /** figures as first read, by `kind:region:year` */
  const recorded = new Map<string, unknown>();

  async function ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await t.graphql<T>(query, variables, admin);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  async function version(table: 'enterprise' | 'coordinator', id: string): Promise<number> {
    const [row] = await t.sql(`select version from ${table} where id = $1`, [id]);
    return row.version;
  }

  /** Every figure of every region and year, each checked against the independent count. */
  async function figures(): Promise<Map<string, unknown>> {
    const read = new Map<string, unknown>();
    for (const code of REGIONS) {
      for (const year of YEARS) {
        const { coverage } = await ok(`query($r: String!, $y: Int!) { coverage(regionCode: $r, year: $y) { ${COVERAGE_FIELDS} } }`, { r: code, y: year });
        expect({ code, year, ...coverage }).toEqual({ code, year, ...(await expectedCoverageOn(t.sql, code, year)) });
        read.set(`coverage:${code}:${year}`, coverage);

        const { distribution } = await ok(
          `query($r: String!, $y: Int!) { distribution(regionCode: $r, year: $y) { regionCode own coordinators largeMediumTotal largeMediumCovered } }`,
          { r: code, y: year },
        );
        const children = distribution.filter((row: { own: boolean }) => !row.own);
        const expectedChildren = code === PROVINCE ? null : await expectedChildrenOn(t.sql, code, year);
        if (expectedChildren) expect({ code, year, children: children.map((row: { regionCode: string }) => row.regionCode).sort() }).toEqual({ code, year, children: expectedChildren });
        // the rows with something in them, against the independent count (the empty ones sum up below)
        for (const row of children.filter((entry: { coordinators: number; largeMediumTotal: number }) => entry.coordinators > 0 || entry.largeMediumTotal > 0)) {
          const expected = await expectedCoverageOn(t.sql, row.regionCode, year);
          const people = await expectedCoordinatorIdsOn(t.sql, row.regionCode, year);
          expect({ year, ...row }).toEqual({ year, ...row, largeMediumTotal: expected.largeMediumTotal, largeMediumCovered: expected.largeMediumCovered, coordinators: people.length });
        }
        const sum = (key: 'coordinators' | 'largeMediumTotal') => distribution.reduce((total: number, row: Record<string, number>) => total + row[key], 0);
        expect({ code, year, coordinators: sum('coordinators'), largeMediumTotal: sum('largeMediumTotal') }).toEqual({
          code, year, coordinators: (await expectedCoordinatorIdsOn(t.sql, code, year)).length, largeMediumTotal: coverage.largeMediumTotal,
        });
        read.set(`distribution:${code}:${year}`, distribution);

        const { workforceCoordinators } = await ok(
          `query($r: String!, $y: Int!) { workforceCoordinators(regionCode: $r, year: $y, dimension: TOTAL, limit: 200) { total items { id } } }`,
          { r: code, y: year },
        );
        const people = workforceCoordinators.items.map((item: { id: string }) => item.id).sort((a: string, b: string) => Number(a) - Number(b));
        expect({ code, year, people }).toEqual({ code, year, people: await expectedCoordinatorIdsOn(t.sql, code, year) });
        expect(workforceCoordinators.total).toBe(people.length);
        read.set(`people:${code}:${year}`, people);

        const { uncoveredEnterprises } = await ok(
          `query($r: String!, $y: Int) { uncoveredEnterprises(regionCode: $r, year: $y, limit: 200) { total items { id } } }`,
          { r: code, y: year },
        );
        expect({ code, year, uncovered: uncoveredEnterprises.total }).toEqual({ code, year, uncovered: coverage.largeMediumTotal - coverage.largeMediumCovered });
        read.set(`uncovered:${code}:${year}`, uncoveredEnterprises.items.map((item: { id: string }) => item.id).sort());
      }
    }
    return read;
  }

  /** After a change effective in `fromYear`: every earlier year reads as recorded; the figures read now become the record. */
  async function expectEarlierYearsUnchanged(fromYear: number, change: string) {
    const now = await figures();
    for (const [key, value] of now) {
      const year = Number(key.split(':')[2]);
      if (year < fromYear) expect({ change, key, value }).toEqual({ change, key, value: recorded.get(key) });
    }
    for (const [key, value] of now) recorded.set(key, value);
  }

  async function enterprise(key: string, size: keyof typeof SIZES, regionCode: string, registeredOn: string) {
    const data = await ok(CREATE_ENTERPRISE, { input: enterpriseInput({ ...SIZES[size], regionCode, registeredOn }) });
    enterprises[key] = data.createEnterprise.id;
  }

  async function coordinator(key: string, extra: Record<string, unknown>) {
    const data = await ok(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: idNumber('1980-01-01', 'MALE'), ...extra }) });
    coordinators[key] = data.createCoordinator.id;
  }

  async function updateCoordinator(key: string, input: Record<string, unknown>) {
    return t.graphql(
      `mutation($input: UpdateCoordinatorInput!) { updateCoordinator(input: $input) { id regionCode assignments { enterprise { id } regionCode from to } } }`,
      { input: { id: coordinators[key], version: await version('coordinator', coordinators[key]), ...input } },
      admin,
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const [lishu] = await t.sql(`select code from region where parent_code = $1 order by code limit 1`, [LISHU]);
    const [chaoyang] = await t.sql(`select code from region where parent_code = $1 order by code limit 1`, [CHAOYANG]);
    lishuTownship = lishu.code;
    chaoyangTownship = chaoyang.code;

    await enterprise('chaoyangLarge', 'LARGE', CHAOYANG, '2020-01-10');
    await enterprise('nanguanMedium', 'MEDIUM', NANGUAN, '2020-03-01');
    await enterprise('lishuLarge', 'LARGE', LISHU, '2020-05-01');
    await enterprise('lishuMedium', 'MEDIUM', lishuTownship, '2022-02-01');
    await enterprise('chaoyangSmall', 'SMALL', chaoyangTownship, '2021-01-01');
    await enterprise('growing', 'SMALL', CHAOYANG, '2021-06-01');

    await coordinator('mover', { regionCode: CHAOYANG, enterpriseId: enterprises.chaoyangLarge, joinedOn: '2021-03-01' });
    await coordinator('nanguan', { regionCode: NANGUAN, enterpriseId: enterprises.nanguanMedium, joinedOn: '2021-05-01' });
    await coordinator('lishu', { regionCode: LISHU, enterpriseId: enterprises.lishuLarge, joinedOn: '2022-01-01' });
    await coordinator('grassroots', { regionCode: chaoyangTownship, tripartiteOrGrassroots: true, joinedOn: '2021-08-01' });
    await coordinator('backdated', { regionCode: CHAOYANG, enterpriseId: enterprises.growing, joinedOn: '2021-09-01' });
    for (const [key, value] of await figures()) recorded.set(key, value);
  });
  afterAll(async () => t?.close());

  it('starts a new coordinator\'s first assignment on joining, whenever the record is made', async () => {
    const { coordinator } = await ok(`query($id: ID!) { coordinator(id: $id) { assignments { enterprise { id } regionCode from to } } }`, { id: coordinators.mover });
    expect(coordinator.assignments).toEqual([{ enterprise: { id: enterprises.chaoyangLarge }, regionCode: CHAOYANG, from: '2021-03-01', to: null }]);
    expect(recorded.get(`coverage:${CHAOYANG}:2021`)).toMatchObject({ largeMediumCovered: 1 });
  });

  it('refuses an effectiveFrom before the current assignment or after today, naming it', async () => {
    for (const effectiveFrom of ['2021-02-28', `${THIS_YEAR + 1}-01-01`]) {
      const refused = await updateCoordinator('mover', { enterpriseId: enterprises.nanguanMedium, regionCode: NANGUAN, effectiveFrom });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom' });
    }
  });

  it('keeps earlier years after an employer move, and the year of a back-dated move on', async () => {
    const moved = await updateCoordinator('mover', { enterpriseId: enterprises.nanguanMedium, regionCode: NANGUAN });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateCoordinator.assignments).toEqual([
      { enterprise: { id: enterprises.chaoyangLarge }, regionCode: CHAOYANG, from: '2021-03-01', to: previousDay(TODAY) },
      { enterprise: { id: enterprises.nanguanMedium }, regionCode: NANGUAN, from: TODAY, to: null },
    ]);
    await expectEarlierYearsUnchanged(THIS_YEAR, 'employer move today');
    expect(recorded.get(`people:${NANGUAN}:${THIS_YEAR}`)).toContain(coordinators.mover);
    expect(recorded.get(`people:${CHAOYANG}:${LAST_YEAR}`)).toContain(coordinators.mover);

    const backdated = await updateCoordinator('backdated', { enterpriseId: enterprises.chaoyangLarge, effectiveFrom: `${LAST_YEAR}-07-01` });
    expect(backdated.errors).toBeUndefined();
    await expectEarlierYearsUnchanged(LAST_YEAR, 'employer move back-dated to last July');
    // the large enterprise left by the mover is covered again from last year on, by the back-dated arrival
    expect(recorded.get(`coverage:${CHAOYANG}:${LAST_YEAR}`)).toMatchObject({ largeMediumCovered: 1 });
  });

  it('gives a county office the whole list of its past figure, with a person who has since moved away shown as of that year', async () => {
    // after the employer move above: the mover counted in 朝阳区 last year and is in 南关区 now
    const chaoyangOffice = await signedInUser(t, admin, 'ed_chaoyang_office', 'COUNTY_OFFICE', CHAOYANG);
    const nanguanOffice = await signedInUser(t, admin, 'ed_nanguan_office', 'COUNTY_OFFICE', NANGUAN);
    const listOf = async (token: string, regionCode: string, year: number) => {
      const result = await t.graphql(
        `query($r: String!, $y: Int!) { coverage(regionCode: $r, year: $y) { targetCovered }
          workforceCoordinators(regionCode: $r, year: $y, dimension: TOTAL, limit: 200) { total items { id name regionCode enterpriseId phone outsideJurisdiction } } }`,
        { r: regionCode, y: year },
        token,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.workforceCoordinators as { total: number; items: { id: string; regionCode: string; enterpriseId: string | null; phone: string | null; outsideJurisdiction: boolean }[] };
    };

    const lastYear = await listOf(chaoyangOffice, CHAOYANG, LAST_YEAR);
    expect(lastYear.items.map((item) => item.id).sort((a, b) => Number(a) - Number(b))).toEqual(recorded.get(`people:${CHAOYANG}:${LAST_YEAR}`));
    expect(lastYear.total).toBe(lastYear.items.length);
    const mover = lastYear.items.find((item) => item.id === coordinators.mover)!;
    // that year's place and employer, nothing of today's
    expect(mover).toMatchObject({ regionCode: CHAOYANG, enterpriseId: enterprises.chaoyangLarge, phone: null, outsideJurisdiction: true });
    expect(lastYear.items.filter((item) => item.id !== coordinators.mover).every((item) => !item.outsideJurisdiction)).toBe(true);
    // the detail page stays closed to the old county, and today's list is today's
    const detail = await t.graphql(`query($id: ID!) { coordinator(id: $id) { id regionCode } }`, { id: coordinators.mover }, chaoyangOffice);
    expect(detail.data?.coordinator ?? null).toBeNull();
    expect((await listOf(chaoyangOffice, CHAOYANG, THIS_YEAR)).items.map((item) => item.id)).not.toContain(coordinators.mover);
    // the new county sees the mover this year, as its own, and not in its list of last year
    expect((await listOf(nanguanOffice, NANGUAN, THIS_YEAR)).items.find((item) => item.id === coordinators.mover)).toMatchObject({ outsideJurisdiction: false, regionCode: NANGUAN });
    expect((await listOf(nanguanOffice, NANGUAN, LAST_YEAR)).items.map((item) => item.id)).not.toContain(coordinators.mover);
  });

  it('keeps earlier years after a coordinator moves to another region', async () => {
    const [other] = await t.sql(`select code from region where parent_code = $1 and code <> $2 order by code limit 1`, [CHAOYANG, chaoyangTownship]);
    const moved = await updateCoordinator('grassroots', { regionCode: other.code });
    expect(moved.errors).toBeUndefined();
    await expectEarlierYearsUnchanged(THIS_YEAR, 'region move');
  });

  it('keeps earlier years after new figures: this year by default, a past year from that year on', async () => {
    const grown = await t.graphql(
      `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { sizeClass yearFigures { year sizeClass employees } } }`,
      { input: { id: enterprises.growing, version: await version('enterprise', enterprises.growing), ...SIZES.LARGE } },
      admin,
    );
    expect(grown.errors).toBeUndefined();
    expect(grown.data!.updateEnterprise.sizeClass).toBe('LARGE');
    expect(grown.data!.updateEnterprise.yearFigures.map((row: { year: number; sizeClass: string }) => [row.year, row.sizeClass])).toEqual([
      [2021, 'SMALL'],
      [THIS_YEAR, 'LARGE'],
    ]);
    await expectEarlierYearsUnchanged(THIS_YEAR, 'enterprise grows this year');

    const shrunk = await t.graphql(
      `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { sizeClass yearFigures { year sizeClass } } }`,
      { input: { id: enterprises.chaoyangLarge, version: await version('enterprise', enterprises.chaoyangLarge), ...SIZES.SMALL, figuresYear: 2023 } },
      admin,
    );
    expect(shrunk.errors).toBeUndefined();
    expect(shrunk.data!.updateEnterprise.sizeClass).toBe('SMALL'); // its latest figures are 2023's
    await expectEarlierYearsUnchanged(2023, 'enterprise figures of 2023');
    expect(recorded.get(`coverage:${CHAOYANG}:2022`)).toMatchObject({ largeMediumTotal: 1 });

    // figures of a year before the latest ones: that year's only, the enterprise keeps its latest
    const between = await t.graphql(
      `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { sizeClass yearFigures { year sizeClass } } }`,
      { input: { id: enterprises.growing, version: await version('enterprise', enterprises.growing), ...SIZES.MEDIUM, figuresYear: 2024 } },
      admin,
    );
    expect(between.errors).toBeUndefined();
    expect(between.data!.updateEnterprise.sizeClass).toBe('LARGE');
    expect(between.data!.updateEnterprise.yearFigures.map((row: { year: number; sizeClass: string }) => [row.year, row.sizeClass])).toEqual([
      [2021, 'SMALL'],
      [2024, 'MEDIUM'],
      [THIS_YEAR, 'LARGE'],
    ]);
    await expectEarlierYearsUnchanged(2024, 'enterprise figures of 2024 between');

    const refused = await t.graphql(
      `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }`,
      { input: { id: enterprises.growing, version: await version('enterprise', enterprises.growing), employees: 10, figuresYear: THIS_YEAR + 1 } },
      admin,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'figuresYear' });
  });

  it('keeps the years an enterprise was open after its closure, and counts it again from its reopening', async () => {
    const closed = await t.graphql(
      `mutation($id: ID!, $v: Int!, $on: Date) { deactivateEnterprise(id: $id, version: $v, on: $on) { active } }`,
      { id: enterprises.nanguanMedium, v: await version('enterprise', enterprises.nanguanMedium), on: `${LAST_YEAR}-03-01` },
      admin,
    );
    expect(closed.errors).toBeUndefined();
    await expectEarlierYearsUnchanged(LAST_YEAR, 'closure last March');
    expect(recorded.get(`coverage:${NANGUAN}:${LAST_YEAR - 1}`)).toMatchObject({ largeMediumTotal: 1 });
    expect(recorded.get(`coverage:${NANGUAN}:${LAST_YEAR}`)).toMatchObject({ largeMediumTotal: 0 });

    const reopened = await t.graphql(
      `mutation($id: ID!, $v: Int!) { reactivateEnterprise(id: $id, version: $v) { active } }`,
      { id: enterprises.nanguanMedium, v: await version('enterprise', enterprises.nanguanMedium) },
      admin,
    );
    expect(reopened.errors).toBeUndefined();
    await expectEarlierYearsUnchanged(THIS_YEAR, 'reopened today');
    expect(recorded.get(`coverage:${NANGUAN}:${THIS_YEAR}`)).toMatchObject({ largeMediumTotal: 1 });
  });

  it('keeps a moved county under its old city for the years before the move', async () => {
    const moved = await t.graphql(
      `mutation($input: RegionChangeInput!) { changeRegion(input: $input) { code parentCode path } }`,
      { input: { code: LISHU, parentCode: CHANGCHUN, effectiveFrom: `${THIS_YEAR}-01-01` } },
      admin,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.changeRegion).toEqual({ code: LISHU, parentCode: CHANGCHUN, path: `220000/220100/${LISHU}/` });
    const [row] = await t.sql(`select region_path from enterprise where id = $1`, [enterprises.lishuMedium]);
    expect(row.region_path).toBe(`220000/220100/${LISHU}/${lishuTownship}/`);
    await expectEarlierYearsUnchanged(THIS_YEAR, 'county moved');
    const under = (code: string, year: number) => (recorded.get(`distribution:${code}:${year}`) as { regionCode: string }[]).map((entry) => entry.regionCode);
    expect(under(SIPING, LAST_YEAR)).toContain(LISHU);
    expect(under(CHANGCHUN, LAST_YEAR)).not.toContain(LISHU);
    expect(under(CHANGCHUN, THIS_YEAR)).toContain(LISHU);
    expect(under(SIPING, THIS_YEAR)).not.toContain(LISHU);
    expect(recorded.get(`people:${SIPING}:${LAST_YEAR}`)).toContain(coordinators.lishu);
    expect(recorded.get(`people:${CHANGCHUN}:${THIS_YEAR}`)).toContain(coordinators.lishu);
  });

  it('holds 公主岭市 under 四平市 before 2020 and under 长春市 since', async () => {
    const [before] = await t.sql(`select region_path_at('220184', '2019-06-30') as path`);
    const [after] = await t.sql(`select region_path_at('220184', $1) as path`, [figureDate(2021)]);
    expect(before.path).toBe('220000/220300/220184/');
    expect(after.path).toBe('220000/220100/220184/');
  });
});

function previousDay(iso: string): string {
  return addDays(iso, -1);
}
