import { chinaYear, FOURTEENTH_FIVE_YEAR_TARGET, projectCoverage, todayIsoDate } from '@registry/domain';
import { CREATE_COORDINATOR, CREATE_ENTERPRISE, coordinatorInput, enterpriseInput, idNumber } from '../support/fixtures';
import { expectedCoverageOn } from '../support/effective-dated';
import { startTestApp, type TestApp } from '../support/test-app';

// Every dashboard figure against an independent count over the base tables, on a small
// registry spread over two counties of 长春 with dated joins, departures and registrations.
const COUNTY = '220104'; // 朝阳区
const OTHER_COUNTY = '220102'; // 南关区
const UNIT = '220100';
const PROVINCE = '220000';
const THIS_YEAR = chinaYear();
// China's day, as the server counts it (the machine's UTC date differs from 16:00 to 24:00)
const TODAY = todayIsoDate();
const YEARS = Array.from({ length: THIS_YEAR - 2021 + 1 }, (_, index) => 2021 + index);

const SIZES = {
  LARGE: { employees: 1200, revenue: 50000 },
  MEDIUM: { employees: 500, revenue: 5000 },
  SMALL: { employees: 50, revenue: 500 },
  MICRO: { employees: 5, revenue: 50 },
};

const COVERAGE_FIELDS = `regionCode year asOf largeMediumTotal largeMediumCovered socialOrganizationTotal socialOrganizationCovered
  smallMicroTotal smallMicroCovered smallMicroCoveredOwn targetTotal targetCovered largeMediumUncovered largeMediumRate`;

describe('coverage and workforce analytics', () => {
  let t: TestApp;
  let admin: string;
  let countyReader: string;
  let township: string;
  let otherTownship: string;
  const enterprises: Record<string, string> = {};

  async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, token = admin): Promise<T> {
    const result = await t.graphql<T>(query, variables, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  async function enterprise(key: string, size: keyof typeof SIZES, regionCode: string, extra: Record<string, unknown> = {}) {
    const data = await ok(CREATE_ENTERPRISE, { input: enterpriseInput({ ...SIZES[size], regionCode, ...extra }) });
    enterprises[key] = data.createEnterprise.id;
    expect(data.createEnterprise.sizeClass).toBe(size);
  }

  async function coordinator(extra: Record<string, unknown>): Promise<{ id: string; version: number }> {
    const data = await ok(CREATE_COORDINATOR, { input: coordinatorInput(extra) });
    return data.createCoordinator;
  }

  /** The independent count: plain SQL over the effective-dated tables, written apart from the roll-up's. */
  async function expectedCoverage(scopePath: string, year: number) {
    const [{ code }] = await t.sql(`select code from region where path = $1`, [scopePath]);
    return expectedCoverageOn(t.sql, code, year);
  }

  async function pathOf(code: string): Promise<string> {
    const [row] = await t.sql(`select path from region where code = $1`, [code]);
    return row.path;
  }

  async function coverage(regionCode: string, year: number, token = admin) {
    return (await ok(`query($r: String!, $y: Int!) { coverage(regionCode: $r, year: $y) { ${COVERAGE_FIELDS} } }`, { r: regionCode, y: year }, token)).coverage;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const townships = await ok(`{ a: regions(parentCode: "${COUNTY}") { code } b: regions(parentCode: "${OTHER_COUNTY}") { code } }`);
    township = townships.a[0].code;
    otherTownship = townships.b[0].code;

    // 朝阳区
    await enterprise('coveredLarge', 'LARGE', COUNTY, { registeredOn: '2020-01-10', publicOwned: true });
    await enterprise('uncoveredMedium', 'MEDIUM', COUNTY, { registeredOn: '2020-05-01' });
    await enterprise('lateLarge', 'LARGE', township, { registeredOn: '2022-03-01' });
    await enterprise('socialOrganization', 'LARGE', COUNTY, { registeredOn: '2021-02-01', socialOrganization: true });
    await enterprise('smallSocial', 'SMALL', township, { registeredOn: '2021-02-01', socialOrganization: true });
    await enterprise('townshipSmall', 'SMALL', township, { registeredOn: '2020-01-01' });
    await enterprise('countyMicro', 'MICRO', COUNTY, { registeredOn: '2020-01-01' });
    await enterprise('ownSmall', 'SMALL', COUNTY, { registeredOn: '2020-01-01' });
    await enterprise('closedLarge', 'LARGE', COUNTY, { registeredOn: '2020-01-01' });
    // 南关区
    await enterprise('otherLarge', 'LARGE', OTHER_COUNTY, { registeredOn: '2020-01-01' });
    await enterprise('otherMedium', 'MEDIUM', otherTownship, { registeredOn: '2020-01-01' });
    await enterprise('otherSmall', 'SMALL', otherTownship, { registeredOn: '2020-01-01' });

    await coordinator({ regionCode: COUNTY, enterpriseId: enterprises.coveredLarge, joinedOn: '2020-06-01', category: 1 });
    await coordinator({ regionCode: township, enterpriseId: enterprises.lateLarge, joinedOn: '2023-05-01', idNumber: idNumber('1995-02-01', 'MALE') });
    await coordinator({ regionCode: COUNTY, enterpriseId: enterprises.socialOrganization, joinedOn: '2021-03-01', educations: [{ level: 'MASTER', major: '法学' }] });
    await coordinator({ regionCode: COUNTY, enterpriseId: enterprises.ownSmall, joinedOn: '2022-07-01', certificates: [{ occupation: '企业人力资源管理师', level: 2, issuedOn: '2022-09-09' }] });
    await coordinator({ regionCode: township, tripartiteOrGrassroots: true, joinedOn: '2021-08-01', idNumber: idNumber('1960-03-03', 'MALE'), certificates: [] });
    await coordinator({ regionCode: COUNTY, enterpriseId: enterprises.closedLarge, joinedOn: '2021-01-01' });
    await coordinator({
      regionCode: OTHER_COUNTY,
      enterpriseId: enterprises.otherLarge,
      joinedOn: '2021-05-01',
      trainings: [{ course: '劳动关系协调实务', hours: 24, completedOn: `${THIS_YEAR - 1}-04-02`, subsidyKind: 'SKILL_UPGRADE', subsidyAmount: 1200 }],
    });
    const leaver = await coordinator({ regionCode: otherTownship, enterpriseId: enterprises.otherMedium, joinedOn: '2021-03-01' });
    const left = await t.graphql(
      `mutation($i: DeactivateCoordinatorInput!) { deactivateCoordinator(input: $i) { status } }`,
      { i: { id: leaver.id, version: leaver.version, leftOn: `${THIS_YEAR - 1}-06-30`, reason: '调离' } },
      admin,
    );
    expect(left.errors).toBeUndefined();
    const [closed] = await t.sql(`select version from enterprise where id = $1`, [enterprises.closedLarge]);
    const deactivated = await t.graphql(
      `mutation($id: ID!, $v: Int!) { deactivateEnterprise(id: $id, version: $v) { active } }`,
      { id: enterprises.closedLarge, v: closed.version },
      admin,
    );
    if (deactivated.errors) await t.sql(`update enterprise set active = false where id = $1`, [enterprises.closedLarge]);

    await ok(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { username: 'chaoyang.office', password: 'Initial#2025', role: 'COUNTY_OFFICE', regionCode: COUNTY },
    });
    const first = await t.login('chaoyang.office', 'Initial#2025');
    await ok(`mutation { changePassword(oldPassword: "Initial#2025", newPassword: "Chaoyang#2025x") }`, {}, first);
    countyReader = first;
  });
  afterAll(async () => t?.close());

  it('answers coverage for every region level and year exactly as an independent count', async () => {
    for (const code of [PROVINCE, UNIT, COUNTY, township, OTHER_COUNTY]) {
      const path = await pathOf(code);
      for (const year of YEARS) {
        const figure = await coverage(code, year);
        const expected = await expectedCoverage(path, year);
        expect({ code, year, ...figure }).toMatchObject({ code, year, ...expected, regionCode: code });
        expect(figure.largeMediumUncovered).toBe(expected.largeMediumTotal - expected.largeMediumCovered);
      }
    }
    // the dated data makes the years differ: the late enterprise appears in 2022, its coordinator in 2023
    const early = await coverage(COUNTY, 2021);
    const now = await coverage(COUNTY, THIS_YEAR);
    expect(early.largeMediumTotal).toBe(4); // the one closed today counts in the years it was open; the late one is not there yet
    expect(now.largeMediumTotal).toBe(4); // the closed one is gone, the late one came
    expect(now.largeMediumCovered).toBe(3);
    expect(now.smallMicroCovered).toBe(3); // own coordinator, and the two in the grassroots coordinator's township
    expect(now.asOf).toBe(TODAY);
    expect(early.asOf).toBe('2021-12-31');
  });

  it('lists exactly the uncovered large and medium enterprises: total − covered', async () => {
    for (const code of [PROVINCE, COUNTY, OTHER_COUNTY]) {
      const figure = await coverage(code, THIS_YEAR);
      const list = await ok(`query($r: String!) { uncoveredEnterprises(regionCode: $r, limit: 100) { total items { id sizeClass } } }`, { r: code });
      expect(list.uncoveredEnterprises.total).toBe(figure.largeMediumTotal - figure.largeMediumCovered);
      expect(list.uncoveredEnterprises.items).toHaveLength(list.uncoveredEnterprises.total);
      expect(list.uncoveredEnterprises.items.every((item: { sizeClass: string }) => ['LARGE', 'MEDIUM'].includes(item.sizeClass))).toBe(true);
    }
    const county = await ok(`{ uncoveredEnterprises(regionCode: "${COUNTY}") { items { id } } }`);
    expect(county.uncoveredEnterprises.items.map((item: { id: string }) => item.id)).toEqual([enterprises.uncoveredMedium]);
  });

  it('shows a county reader its county only: other counties and the province answer like unknown codes', async () => {
    const own = await coverage(COUNTY, THIS_YEAR, countyReader);
    expect(own).toMatchObject(await expectedCoverage(await pathOf(COUNTY), THIS_YEAR));
    for (const code of [OTHER_COUNTY, PROVINCE, UNIT]) {
      const refused = await t.graphql(`{ coverage(regionCode: "${code}", year: ${THIS_YEAR}) { largeMediumTotal } }`, {}, countyReader);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
      const unknown = await t.graphql(`{ coverage(regionCode: "999999", year: ${THIS_YEAR}) { largeMediumTotal } }`, {}, countyReader);
      expect(refused.errors?.[0].message).toBe(unknown.errors?.[0].message.replace('999999', code));
    }
    const distribution = await ok(`{ distribution(regionCode: "${COUNTY}", year: ${THIS_YEAR}) { regionCode coordinators } }`, {}, countyReader);
    const otherTownships = await t.sql(`select code from region where parent_code = $1`, [OTHER_COUNTY]);
    const codes = distribution.distribution.map((row: { regionCode: string }) => row.regionCode);
    expect(codes).toContain(township);
    expect(codes.some((code: string) => otherTownships.some((row) => row.code === code))).toBe(false);
    const list = await ok(`{ uncoveredEnterprises(regionCode: "${COUNTY}") { total } }`, {}, countyReader);
    expect(list.uncoveredEnterprises.total).toBe(own.largeMediumUncovered);
  });

  it('refuses years outside 2021 to now, naming the field', async () => {
    for (const year of [2020, THIS_YEAR + 1]) {
      const result = await t.graphql(`{ coverage(regionCode: "${PROVINCE}", year: ${year}) { largeMediumTotal } }`, {}, admin);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    }
  });

  it('distributes figures over child regions that add up to the parent, with the per-100 ratio', async () => {
    const parent = await coverage(UNIT, THIS_YEAR);
    const rows = (await ok(`{ distribution(regionCode: "${UNIT}", year: ${THIS_YEAR}) { regionCode own coordinators largeMediumTotal largeMediumCovered perHundredLargeMedium } }`))
      .distribution as { regionCode: string; coordinators: number; largeMediumTotal: number; largeMediumCovered: number; perHundredLargeMedium: number | null }[];
    expect(rows.reduce((sum, row) => sum + row.largeMediumTotal, 0)).toBe(parent.largeMediumTotal);
    expect(rows.reduce((sum, row) => sum + row.largeMediumCovered, 0)).toBe(parent.largeMediumCovered);
    const [people] = await t.sql(`select count(*)::int as count from coordinator where region_path like $1 || '%' and status = 'ACTIVE'`, [await pathOf(COUNTY)]);
    const county = rows.find((row) => row.regionCode === COUNTY)!;
    expect(county.coordinators).toBe(people.count);
    expect(county.perHundredLargeMedium).toBeCloseTo((people.count * 100) / county.largeMediumTotal, 6);
  });

  it('breaks the workforce down by every dimension, and each slice drills down to the same number of people', async () => {
    const year = THIS_YEAR - 1;
    const slices = (await ok(`{ workforceStructure(regionCode: "${UNIT}", year: ${year}) { dimension bucket count } }`)).workforceStructure as {
      dimension: string;
      bucket: string;
      count: number;
    }[];
    const date = `${year}-12-31`;
    const active = `c.region_path like '${await pathOf(UNIT)}%' and c.joined_on <= '${date}' and (c.left_on is null or c.left_on > '${date}')`;
    const [{ count: total }] = await t.sql(`select count(*)::int as count from coordinator c where ${active}`);
    expect(slices.find((slice) => slice.dimension === 'TOTAL')!.count).toBe(total);
    const genders = await t.sql(`select gender as bucket, count(*)::int as count from coordinator c where ${active} group by 1 order by 1`);
    expect(slices.filter((slice) => slice.dimension === 'GENDER').map(({ bucket, count }) => ({ bucket, count }))).toEqual(genders);
    const levels = await t.sql(
      `select coalesce(min(k.level)::text, 'NONE') as bucket from coordinator c
       left join certificate k on k.coordinator_id = c.id and k.issued_on <= '${date}' and k.level is not null where ${active} group by c.id`,
    );
    const levelCounts = new Map<string, number>();
    for (const row of levels) levelCounts.set(row.bucket, (levelCounts.get(row.bucket) ?? 0) + 1);
    for (const slice of slices.filter((item) => item.dimension === 'CERT_LEVEL')) expect(slice.count).toBe(levelCounts.get(slice.bucket));
    for (const dimension of ['CATEGORY', 'AGE_BAND', 'EDUCATION', 'OWNERSHIP', 'SIZE_CLASS', 'AFFILIATION']) {
      const sum = slices.filter((slice) => slice.dimension === dimension).reduce((acc, slice) => acc + slice.count, 0);
      expect({ dimension, sum }).toEqual({ dimension, sum: total });
    }
    for (const slice of slices) {
      const list = await ok(
        `query($r: String!, $y: Int!, $d: WorkforceDimension!, $b: String) { workforceCoordinators(regionCode: $r, year: $y, dimension: $d, bucket: $b) { total } }`,
        { r: UNIT, y: year, d: slice.dimension, b: slice.bucket },
      );
      expect({ ...slice, listed: list.workforceCoordinators.total }).toEqual({ ...slice, listed: slice.count });
    }
  });

  it('counts people per year end, joiners, leavers and training exactly', async () => {
    const trend = (await ok(`{ workforceTrend(regionCode: "${PROVINCE}") { activeNow years { year activeAtYearEnd joined left newlyCertified peopleTrained trainingHours subsidies { kind people amount } } } }`))
      .workforceTrend;
    for (const entry of trend.years) {
      const date = `${entry.year}-12-31`;
      const [row] = await t.sql(
        `select
           count(*) filter (where ${entry.year === THIS_YEAR ? `status = 'ACTIVE'` : `joined_on <= '${date}' and (left_on is null or left_on > '${date}')`})::int as active,
           count(*) filter (where date_part('year', joined_on) = $1)::int as joined,
           count(*) filter (where date_part('year', left_on) = $1)::int as left
         from coordinator`,
        [entry.year],
      );
      expect({ year: entry.year, active: entry.activeAtYearEnd, joined: entry.joined, left: entry.left }).toEqual({ year: entry.year, ...row });
    }
    const [{ count }] = await t.sql(`select count(*)::int as count from coordinator where status = 'ACTIVE'`);
    expect(trend.activeNow).toBe(count);
    const lastYear = trend.years.find((entry: { year: number }) => entry.year === THIS_YEAR - 1);
    expect(lastYear).toMatchObject({ peopleTrained: 1, trainingHours: 24, left: 1, subsidies: [{ kind: 'SKILL_UPGRADE', people: 1, amount: 1200 }] });
  });

  it('draws the progress line: the straight path to 100% at the end of 2025 and the projection of the domain lib', async () => {
    const progress = (await ok(`{ coverageProgress(regionCode: "${PROVINCE}") { baseYear targetYear neededPerYear projectedYear onTrack remaining
      years { year total covered rate targetRate } projection { year rate } } }`)).coverageProgress;
    expect(progress.years.map((entry: { year: number }) => entry.year)).toEqual(YEARS);
    expect(progress.years.find((entry: { year: number }) => entry.year === 2025).targetRate).toBeCloseTo(1, 9);
    const first = progress.years[0];
    expect(first.targetRate).toBeCloseTo(first.rate ?? 0, 9);
    for (const entry of progress.years) {
      const expected = await expectedCoverage(await pathOf(PROVINCE), entry.year);
      expect({ year: entry.year, total: entry.total, covered: entry.covered }).toEqual({ year: entry.year, total: expected.targetTotal, covered: expected.targetCovered });
    }
    const domain = projectCoverage(progress.years.map((entry: { year: number; total: number; covered: number }) => entry), FOURTEENTH_FIVE_YEAR_TARGET, TODAY);
    expect(progress).toMatchObject({ remaining: domain.remaining, projectedYear: domain.projectedYear, neededPerYear: domain.neededPerYear, onTrack: domain.onTrack });
  });

  it('counts award nominees and named per tier against the quota, with the non-public and small/medium shares', async () => {
    const [admin] = await t.sql(`select id from app_user where username = 'admin'`);
    const people = await t.sql(`select c.id, c.region_path, e.public_owned, e.size_class from coordinator c
      left join enterprise e on e.id = c.enterprise_id where c.status = 'ACTIVE' order by c.id limit 3`);
    const year = THIS_YEAR;
    await t.sql(`insert into award_campaign (year, reference_date, submission_start, submission_end) values ($1, $2, $2, $2)`, [year, `${year}-10-31`]);
    await t.sql(`insert into award_quota (year, region_code, tier, places) values ($1, '220100', 'GOLD', 5), ($1, '220200', 'GOLD', 4)`, [year]);
    const states = ['NAMED', 'NAMED', 'UNDER_REVIEW'];
    for (const [index, person] of people.entries()) {
      await t.sql(
        `insert into nomination (campaign_year, coordinator_id, tier, state, region_path, reporting_unit_code, review_chain, eligibility, nominated_by)
         values ($1, $2, 'GOLD', $3, $4, '220100', '{220104,220100,220000}', '{}', $5)`,
        [year, person.id, states[index], person.region_path, admin.id],
      );
    }
    const figures = (await ok(`{ awardFigures(regionCode: "${PROVINCE}") { year goldTarget nonPublicShare smallMediumShare
      tiers { tier nominees named quota namedNonPublic namedSmallMedium } } }`)).awardFigures;
    const entry = figures.find((item: { year: number }) => item.year === year);
    const gold = entry.tiers.find((tier: { tier: string }) => tier.tier === 'GOLD');
    const named = people.slice(0, 2);
    expect(gold).toMatchObject({ nominees: 3, named: 2, quota: 9 });
    expect(gold.namedNonPublic).toBe(named.filter((person) => person.public_owned === false).length);
    expect(gold.namedSmallMedium).toBe(named.filter((person) => ['MEDIUM', 'SMALL', 'MICRO'].includes(person.size_class)).length);
    expect(entry.goldTarget).toBe(100);
    expect(entry.nonPublicShare).toBeCloseTo(gold.namedNonPublic / 2, 9);
    // the county reader sees only nominations of its county, and no province target
    const county = (await ok(`{ awardFigures(regionCode: "${COUNTY}") { year goldTarget tiers { tier nominees named quota } } }`, {}, countyReader)).awardFigures;
    const countyGold = county.find((item: { year: number }) => item.year === year).tiers.find((tier: { tier: string }) => tier.tier === 'GOLD');
    const countyPath = await pathOf(COUNTY);
    expect(countyGold.nominees).toBe(people.filter((person) => person.region_path.startsWith(countyPath)).length);
    expect(county.find((item: { year: number }) => item.year === year).goldTarget).toBeNull();
  });

  it('reflects a write within 5 seconds', async () => {
    const before = await coverage(COUNTY, THIS_YEAR);
    const started = Date.now();
    await coordinator({ regionCode: COUNTY, enterpriseId: enterprises.uncoveredMedium });
    let after = await coverage(COUNTY, THIS_YEAR);
    while (after.largeMediumCovered === before.largeMediumCovered && Date.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await coverage(COUNTY, THIS_YEAR);
    }
    expect(after.largeMediumCovered).toBe(before.largeMediumCovered + 1);
    expect(Date.now() - started).toBeLessThan(5000);
    const province = await coverage(PROVINCE, THIS_YEAR);
    expect(province).toMatchObject(await expectedCoverage(await pathOf(PROVINCE), THIS_YEAR));
    const list = await ok(`{ uncoveredEnterprises(regionCode: "${COUNTY}") { total } }`);
    expect(list.uncoveredEnterprises.total).toBe(0);
  });

  it('picks up a change written straight to the database (an import, a seed) within 5 seconds', async () => {
    const before = await coverage(COUNTY, THIS_YEAR);
    const started = Date.now();
    await t.sql(`update enterprise set size_override = 'LARGE', size_override_reason = '批量导入测试' where id = $1`, [enterprises.townshipSmall]);
    let after = await coverage(COUNTY, THIS_YEAR);
    while (after.largeMediumTotal === before.largeMediumTotal && Date.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await coverage(COUNTY, THIS_YEAR);
    }
    expect(Date.now() - started).toBeLessThan(5000);
    expect(after).toMatchObject(await expectedCoverage(await pathOf(COUNTY), THIS_YEAR));
    expect(after.largeMediumTotal).toBe(before.largeMediumTotal + 1);
    const province = await coverage(PROVINCE, THIS_YEAR);
    expect(province).toMatchObject(await expectedCoverage(await pathOf(PROVINCE), THIS_YEAR));
  });

  it('keeps every roll-up row equal to a rebuild from scratch after writes to every kind of record, recomputing only the people written', async () => {
    const rollups = async () => ({
      leaf: await t.sql(`select region_code, year, dimension, bucket, value from analytics_coordinator_leaf where value <> 0 order by 1, 2, 3, 4`),
      node: await t.sql(`select node_code, year, dimension, bucket, value from analytics_coordinator_node where value <> 0 order by 1, 2, 3, 4`),
      enterprises: await t.sql(`select * from analytics_enterprise_node order by node_code, year, size_class, social_organization, public_owned`),
    });
    const settled = async () => {
      const started = Date.now();
      while (Date.now() - started < 10000) {
        const status = (await ok(`{ analyticsStatus { pending } }`)).analyticsStatus;
        if (!status.pending) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('roll-ups still pending after 10 s');
    };
    await settled();
    const doomed = await coordinator({ regionCode: OTHER_COUNTY, enterpriseId: enterprises.otherSmall, certificates: [{ occupation: '劳动关系协调员', level: 3, issuedOn: '2023-03-03' }] });
    await settled();
    const [moved] = await t.sql(`select id from coordinator where region_code = $1 and enterprise_id = $2`, [COUNTY, enterprises.socialOrganization]);
    const [trained] = await t.sql(`select coordinator_id as id from training limit 1`);
    const [certified] = await t.sql(`select coordinator_id as id from certificate where occupation = '企业人力资源管理师' limit 1`);
    const [grassroots] = await t.sql(`select id from coordinator where affiliation = 'GRASSROOTS' limit 1`);
    // one transaction like an import's: a move to another county, sub-records added, changed and
    // removed, an employer that grows, a departure and a deletion
    await t.sql(`begin`);
    await t.sql(
      `update coordinator set region_code = $2::varchar, region_path = (select path from region where code = $2::varchar), gender = case gender when 'MALE' then 'FEMALE' else 'MALE' end,
         category = 4 where id = $1`,
      [moved.id, otherTownship],
    );
    await t.sql(`insert into certificate (coordinator_id, occupation, level, issued_on) values ($1, '劳动关系协调员', 1, '2024-06-01'), ($1, '人力资源管理师', null, '2021-01-05')`, [moved.id]);
    await t.sql(`update education set level = 'DOCTOR' where coordinator_id = $1`, [moved.id]);
    await t.sql(`delete from certificate where coordinator_id = $1`, [certified.id]);
    await t.sql(`insert into training (coordinator_id, course, hours, completed_on, subsidy_kind, subsidy_amount) values ($1, '调解技巧', 8.5, '2022-10-10', 'LIVING_ALLOWANCE', 300)`, [trained.id]);
    await t.sql(`update training set hours = hours + 1 where coordinator_id = $1 and course <> '调解技巧'`, [trained.id]);
    await t.sql(`update enterprise set size_override = 'LARGE', size_override_reason = '扩产' where id = $1`, [enterprises.ownSmall]);
    await t.sql(`update coordinator set status = 'LEFT', left_on = '2024-02-29' where id = $1`, [grassroots.id]);
    await t.sql(`delete from coordinator where id = $1`, [doomed.id]);
    await t.sql(`commit`);
    await settled();
    const employed = await t.sql(`select id from coordinator where enterprise_id = $1`, [enterprises.ownSmall]);
    const written = new Set([moved.id, trained.id, certified.id, grassroots.id, doomed.id, ...employed.map((row: { id: string }) => row.id)]);
    const [state] = await t.sql(`select last_refresh_people from analytics_state`);
    // the people written (and the growing employer's people), not everyone
    expect(state.last_refresh_people).toBe(written.size);
    const incremental = await rollups();
    expect(incremental.leaf.some((row: { region_code: string }) => row.region_code === otherTownship)).toBe(true);

    await t.sql(`update analytics_state set built_on = null`);
    await settled();
    const [rebuilt] = await t.sql(`select last_refresh_people, (select count(*)::int from coordinator) as everyone from analytics_state`);
    expect(rebuilt.last_refresh_people).toBe(rebuilt.everyone);
    expect(incremental).toEqual(await rollups());
  });

  it('marks nothing for a change no figure depends on (a phone number, a post), and the people of an employer whose size changes', async () => {
    const marks = async () => (await t.sql(`select (select count(*) from analytics_dirty_region)::int as regions, (select count(*) from analytics_dirty_coordinator)::int as people`))[0];
    // inside one transaction the statement triggers' marks are visible before any refresh takes them
    await t.sql(`begin`);
    try {
      const before = await marks();
      await t.sql(`update coordinator set phone = '13900000000', post = '人事专员' where region_code = $1`, [COUNTY]);
      expect(await marks()).toEqual(before);
      await t.sql(`update coordinator set category = 5 where region_code = $1 and enterprise_id = $2`, [COUNTY, enterprises.coveredLarge]);
      const after = await marks();
      expect(after.regions).toBe(before.regions); // coverage does not depend on the category
      expect(after.people).toBe(before.people + 1);
      await t.sql(`update enterprise set employees = employees + 1 where id = $1`, [enterprises.coveredLarge]);
      expect(await marks()).toEqual(after); // still large
      const [{ count }] = await t.sql(`select count(*)::int as count from coordinator where enterprise_id = $1`, [enterprises.coveredLarge]);
      await t.sql(`update enterprise set public_owned = not public_owned where id = $1`, [enterprises.coveredLarge]);
      expect(await marks()).toEqual({ regions: after.regions + 1, people: after.people + count });
    } finally {
      await t.sql(`rollback`);
    }
  });
});
