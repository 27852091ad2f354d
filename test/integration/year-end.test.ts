import { chinaYear, FOURTEENTH_FIVE_YEAR_TARGET, projectCoverage, todayIsoDate } from '@registry/domain';
import { eventually } from '../support/eventually';
import { CREATE_COORDINATOR, CREATE_ENTERPRISE, coordinatorInput, enterpriseInput } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue 12: coverage targets as data (十四五 shipped, the next one added by the province) and
// closed years (年度数据锁定): closing stores the year's figures as reported, while the current
// figures keep following corrections.
const COUNTY = '220104'; // 朝阳区
const UNIT = '220100'; // 长春市
const PROVINCE = '220000';
const THIS_YEAR = chinaYear();
const LAST_YEAR = THIS_YEAR - 1;

const COVERAGE_FIELDS = `regionCode year asOf largeMediumTotal largeMediumCovered socialOrganizationTotal socialOrganizationCovered
  smallMicroTotal smallMicroCovered smallMicroCoveredOwn targetTotal targetCovered largeMediumUncovered largeMediumRate targetRate`;

describe('targets and closed years', () => {
  let t: TestApp;
  let admin: string;

  async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, token = admin): Promise<T> {
    const result = await t.graphql<T>(query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  async function refused(query: string, variables: Record<string, unknown> = {}): Promise<{ code: unknown; field: unknown; message: string }> {
    const result = await t.graphql(query, variables, admin);
    expect(result.errors).toBeDefined();
    const [error] = result.errors!;
    return { code: error.extensions?.code, field: (error.extensions as { field?: unknown } | undefined)?.field, message: error.message };
  }

  async function coverage(regionCode: string, year: number, asReported?: boolean) {
    return (await ok(`query($r: String!, $y: Int!, $a: Boolean) { coverage(regionCode: $r, year: $y, asReported: $a) { ${COVERAGE_FIELDS} } }`, { r: regionCode, y: year, a: asReported ?? null })).coverage;
  }

  /** A large enterprise registered in 2020, with a coordinator since 2020 when `covered`. */
  async function lateFiledLarge(covered: boolean) {
    const created = await ok(CREATE_ENTERPRISE, { input: enterpriseInput({ regionCode: COUNTY, registeredOn: '2020-01-10' }) });
    if (covered) await ok(CREATE_COORDINATOR, { input: coordinatorInput({ regionCode: COUNTY, enterpriseId: created.createEnterprise.id, joinedOn: '2020-03-01' }) });
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    for (let index = 0; index < 3; index += 1) await lateFiledLarge(index < 2);
    const social = await ok(CREATE_ENTERPRISE, { input: enterpriseInput({ regionCode: COUNTY, registeredOn: '2021-02-01', socialOrganization: true, employees: 30, revenue: 200 }) });
    await ok(CREATE_COORDINATOR, { input: coordinatorInput({ regionCode: COUNTY, enterpriseId: social.createEnterprise.id, joinedOn: `${LAST_YEAR}-02-01` }) });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('targets as data', () => {
    const TARGET_FIELDS = 'id name endDate rate counts startYear finished running';

    it('ships 十四五 (100% of large/medium enterprises and social organizations by 2025-12-31) as the first record', async () => {
      const { coverageTargets } = await ok(`{ coverageTargets { ${TARGET_FIELDS} } }`);
      expect(coverageTargets).toEqual([
        expect.objectContaining({ name: '十四五', endDate: '2025-12-31', rate: 1, counts: ['LARGE_MEDIUM', 'SOCIAL_ORGANIZATION'], startYear: 2021, finished: todayIsoDate() > '2025-12-31' }),
      ]);
    });

    it('refuses an invalid next target, naming the field', async () => {
      const add = `mutation($i: CoverageTargetInput!) { addCoverageTarget(input: $i) { id } }`;
      await expect(refused(add, { i: { name: '十四五', endDate: '2030-12-31' } })).resolves.toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      await expect(refused(add, { i: { name: '十五五', endDate: '2030-06-30' } })).resolves.toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
      await expect(refused(add, { i: { name: '十五五', endDate: '2024-12-31' } })).resolves.toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
      await expect(refused(add, { i: { name: '十五五', endDate: '2030-12-31', rate: 1.5 } })).resolves.toMatchObject({ code: 'BAD_USER_INPUT', field: 'rate' });
      const { coverageTargets } = await ok(`{ coverageTargets { name } }`);
      expect(coverageTargets).toHaveLength(1);
    });

    it('adds 十五五 (audited), and the progress then draws its path from 2025 with the pace of whole years', async () => {
      const added = await ok(`mutation($i: CoverageTargetInput!) { addCoverageTarget(input: $i) { ${TARGET_FIELDS} } }`, { i: { name: '十五五', endDate: '2030-12-31', rate: 0.95 } });
      expect(added.addCoverageTarget).toMatchObject({ name: '十五五', endDate: '2030-12-31', rate: 0.95, startYear: 2026, finished: false, running: THIS_YEAR <= 2030 });
      const [audit] = await t.sql(`select action, detail from audit_log where action = 'COVERAGE_TARGET_ADD'`);
      expect(audit.detail).toMatchObject({ name: '十五五', endDate: '2030-12-31', rate: 0.95 });

      const { coverageProgress: progress } = await ok(`{ coverageProgress(regionCode: "${COUNTY}") {
        baseYear targetYear targetName targetEndDate targetRateToReach targetFinished pacePerYear remaining yearsLeft neededPerYear projectedYear onTrack
        years { year total covered rate targetRate } } }`);
      expect(progress).toMatchObject({ targetName: '十五五', targetEndDate: '2030-12-31', targetRateToReach: 0.95, targetYear: 2030, baseYear: 2025, targetFinished: false });
      // the path starts from the 2025 figure and is drawn to 2030 only
      expect(progress.years.filter((year: { targetRate: number | null }) => year.targetRate !== null).map((year: { year: number }) => year.year)).toEqual(
        progress.years.map((year: { year: number }) => year.year).filter((year: number) => year >= 2025),
      );
      const at2025 = progress.years.find((year: { year: number }) => year.year === 2025);
      expect(at2025.targetRate).toBeCloseTo(at2025.rate ?? 0, 10);
      // the pace counts the whole years only: the current year is left out of it
      const whole = progress.years.filter((year: { year: number }) => year.year < THIS_YEAR);
      const expectedPace = (whole[whole.length - 1].covered - whole[0].covered) / (whole[whole.length - 1].year - whole[0].year);
      expect(progress.pacePerYear).toBeCloseTo(expectedPace, 10);
      const domain = projectCoverage(progress.years, { endDate: '2030-12-31', rate: 0.95 }, todayIsoDate());
      expect(progress).toMatchObject({ remaining: domain.remaining, yearsLeft: domain.yearsLeft, neededPerYear: domain.neededPerYear, projectedYear: domain.projectedYear, onTrack: domain.onTrack });
    });
  });

  describe('closed years', () => {
    it('refuses to close the current, unfinished year or one before 2021', async () => {
      await expect(refused(`mutation { closeYear(year: ${THIS_YEAR}) { year } }`)).resolves.toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
      await expect(refused(`mutation { closeYear(year: 2020) { year } }`)).resolves.toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
      await expect(refused(`{ coverage(regionCode: "${COUNTY}", year: ${LAST_YEAR}, asReported: true) { year } }`)).resolves.toMatchObject({ code: 'BAD_USER_INPUT', field: 'asReported' });
    });

    it('freezes the as-reported figures while the current ones follow corrections', async () => {
      const before = { county: await coverage(COUNTY, LAST_YEAR), unit: await coverage(UNIT, LAST_YEAR), province: await coverage(PROVINCE, LAST_YEAR) };
      const regions = Number((await t.sql(`select count(*) from region where left(code, 2) = '22'`))[0].count);
      const closed = await ok(`mutation { closeYear(year: ${LAST_YEAR}) { year closedAt closedBy regions } }`);
      expect(closed.closeYear).toMatchObject({ year: LAST_YEAR, regions });
      await expect(refused(`mutation { closeYear(year: ${LAST_YEAR}) { year } }`)).resolves.toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
      expect(await coverage(COUNTY, LAST_YEAR, true)).toEqual(before.county);
      expect(await coverage(PROVINCE, LAST_YEAR, true)).toEqual(before.province);

      // corrections after closing: two large enterprises filed late (registered in 2020), one of them covered since 2020
      await lateFiledLarge(true);
      await lateFiledLarge(false);
      // the roll-ups take the writes within seconds
      const after = await eventually(() => coverage(COUNTY, LAST_YEAR), (figures) => figures.largeMediumTotal === before.county.largeMediumTotal + 2, 30_000);
      expect(after.largeMediumTotal).toBe(before.county.largeMediumTotal + 2);
      expect(after.largeMediumCovered).toBe(before.county.largeMediumCovered + 1);
      expect((await eventually(() => coverage(UNIT, LAST_YEAR), (figures) => figures.largeMediumTotal === before.unit.largeMediumTotal + 2, 30_000)).largeMediumTotal).toBe(
        before.unit.largeMediumTotal + 2,
      );
      // as reported: unchanged, in the county and above it
      expect(await coverage(COUNTY, LAST_YEAR, true)).toEqual(before.county);
      expect(await coverage(UNIT, LAST_YEAR, true)).toEqual(before.unit);
      expect(await coverage(PROVINCE, LAST_YEAR, true)).toEqual(before.province);

      const { reportedDifference } = await ok(`{ reportedDifference(regionCode: "${COUNTY}", year: ${LAST_YEAR}) {
        differs changedFigures changedRecords reported { largeMediumTotal } current { largeMediumTotal } } }`);
      expect(reportedDifference).toMatchObject({ differs: true, changedRecords: 3, reported: { largeMediumTotal: before.county.largeMediumTotal }, current: { largeMediumTotal: after.largeMediumTotal } });
      expect(reportedDifference.changedFigures).toEqual(expect.arrayContaining(['largeMediumTotal', 'largeMediumCovered', 'targetTotal', 'targetCovered']));
      // another county, untouched: no difference, no changed record
      const other = await ok(`{ reportedDifference(regionCode: "220102", year: ${LAST_YEAR}) { differs changedRecords } }`);
      expect(other.reportedDifference).toEqual({ differs: false, changedRecords: 0 });
      // a year not closed has no difference to show
      expect((await ok(`{ reportedDifference(regionCode: "${COUNTY}", year: 2022) { differs } }`)).reportedDifference).toBeNull();

      // the whole stored year for the summary: the same figures, the structure and the trend as they stood
      const { reportedYear } = await ok(`{ reportedYear(regionCode: "${COUNTY}", year: ${LAST_YEAR}) {
        year closedAt coverage { largeMediumTotal } distribution { regionCode largeMediumTotal } workforceStructure { dimension bucket count }
        workforceTrend { years { year activeAtYearEnd } } coverageProgress { targetName targetYear years { year covered } } } }`);
      expect(reportedYear.coverageProgress).toMatchObject({ targetName: '十五五', targetYear: 2030 });
      expect(reportedYear.coverage.largeMediumTotal).toBe(before.county.largeMediumTotal);
      expect(reportedYear.distribution.reduce((sum: number, row: { largeMediumTotal: number }) => sum + row.largeMediumTotal, 0)).toBe(before.county.largeMediumTotal);
      expect(reportedYear.closedAt).toBe(closed.closeYear.closedAt);
    });

    it('judges the finished 十四五 at its end from the closed year when 2025 is closed', async () => {
      const query = `{ targetVerdicts(regionCode: "${UNIT}") { year asReported target { name } region { regionCode covered total met shortfall } children { regionCode covered total met shortfall } } }`;
      const { targetVerdicts } = await ok(query);
      const fourteenth = targetVerdicts.find((verdict: { target: { name: string } }) => verdict.target.name === '十四五');
      expect(fourteenth).toBeDefined();
      expect(fourteenth.year).toBe(2025);
      expect(fourteenth.asReported).toBe(LAST_YEAR === 2025);
      const unitFigures = fourteenth.asReported ? await coverage(UNIT, 2025, true) : await coverage(UNIT, 2025);
      expect(fourteenth.region).toMatchObject({ covered: unitFigures.targetCovered, total: unitFigures.targetTotal, shortfall: unitFigures.targetTotal - unitFigures.targetCovered });
      expect(fourteenth.region.met).toBe(unitFigures.targetTotal > 0 ? unitFigures.targetCovered === unitFigures.targetTotal : null);
      const county = fourteenth.children.find((row: { regionCode: string }) => row.regionCode === COUNTY);
      const countyFigures = fourteenth.asReported ? await coverage(COUNTY, 2025, true) : await coverage(COUNTY, 2025);
      expect(county).toMatchObject({ covered: countyFigures.targetCovered, total: countyFigures.targetTotal, met: false });
      expect(county.shortfall).toBeGreaterThan(0);
      expect(FOURTEENTH_FIVE_YEAR_TARGET.rate).toBe(1);
    });

    it('reopens a year (audited): the stored figures are gone', async () => {
      expect((await ok(`mutation { reopenYear(year: ${LAST_YEAR}) }`)).reopenYear).toBe(true);
      await expect(refused(`{ coverage(regionCode: "${COUNTY}", year: ${LAST_YEAR}, asReported: true) { year } }`)).resolves.toMatchObject({ field: 'asReported' });
      await expect(refused(`mutation { reopenYear(year: ${LAST_YEAR}) }`)).resolves.toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
      expect((await ok(`{ closedYears { year } }`)).closedYears).toEqual([]);
      const audit = await t.sql(`select action, object_id from audit_log where action in ('YEAR_CLOSE', 'YEAR_REOPEN') order by id`);
      expect(audit).toEqual([
        { action: 'YEAR_CLOSE', object_id: String(LAST_YEAR) },
        { action: 'YEAR_REOPEN', object_id: String(LAST_YEAR) },
      ]);
    });
  });
});
