import { startTestApp, type TestApp } from '../support/test-app';
import { seedPair, signedInUser, type Seeded } from './access-helpers';

// The bureaus' clean-up list: each rule counted per child region, with drill-down to the records
// (the same query, so list and count agree), a score per region, rules as data the province can
// change, and nothing of another jurisdiction.
const REPORT = `query($r: String) { dataQuality(regionCode: $r) {
  regionCode regionName score records failures
  rules { code entity severity description enabled version count }
  children { regionCode regionName own score records failures counts { rule count } } } }`;
const RECORDS = `query($rule: String!, $r: String, $o: Int, $l: Int) { dataQualityRecords(rule: $rule, regionCode: $r, offset: $o, limit: $l) {
  total offset limit items { entity id name regionCode regionPathName detail link } } }`;
const UPDATE = `mutation($input: UpdateDataQualityRuleInput!) { updateDataQualityRule(input: $input) { code severity enabled version } }`;

type Report = {
  regionCode: string;
  score: number;
  records: number;
  failures: number;
  rules: { code: string; severity: string; enabled: boolean; version: number; count: number }[];
  children: { regionCode: string; regionName: string; own: boolean; score: number; records: number; counts: { rule: string; count: number }[] }[];
};

describe('data quality', () => {
  let t: TestApp;
  let admin: string;
  let chaoyang: string;
  const own: Seeded[] = [];
  let foreign: Seeded;

  const report = async (token: string, regionCode?: string): Promise<Report> => {
    const result = await t.graphql<{ dataQuality: Report }>(REPORT, { r: regionCode ?? null }, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.dataQuality;
  };
  const ruleCount = (r: Report, code: string) => r.rules.find((rule) => rule.code === code)!.count;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    chaoyang = await signedInUser(t, admin, 'quality.chaoyang', 'COUNTY_OFFICE', '220104');
    own.push(await seedPair(t, admin, '220104001'), await seedPair(t, admin, '220104002'), await seedPair(t, admin, '220104002'));
    foreign = await seedPair(t, admin, '220102001');
    // 朝阳区: the second person shares the first one's name and birth date (another ID number);
    // the third one's employer closed; a fourth record left without a date.
    await t.sql(`update coordinator set name = a.name, birth_date = a.birth_date from coordinator a where a.id = $1 and coordinator.id = $2`, [own[0].coordinatorId, own[1].coordinatorId]);
    await t.sql(`update enterprise set active = false where id = $1`, [own[2].enterpriseId]);
    await t.sql(`update coordinator set phone = '13800000000' where id = $1`, [own[0].coordinatorId]);
    // 南关区: the same faults, which 朝阳区 must not see
    await t.sql(`update coordinator set status = 'LEFT', left_on = null where id = $1`, [foreign.coordinatorId]);
    await t.sql(`update enterprise set size_override = case when derived_size_class = 'MICRO' then 'LARGE' else 'MICRO' end, size_override_reason = '集团认定' where id = $1`, [foreign.enterpriseId]);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('counts each rule for a county office within its county, per township, as independent SQL does', async () => {
    const r = await report(chaoyang);
    expect(r.regionCode).toBe('220104');
    const [expected] = await t.sql(
      `select
         (select count(*)::int from coordinator where region_code like '220104%' and status = 'ACTIVE' and coalesce(trim(phone), '') = '') as phone,
         (select count(*)::int from coordinator c where region_code like '220104%' and exists (select 1 from coordinator o where o.name = c.name and o.birth_date = c.birth_date and o.id <> c.id)) as duplicates,
         (select count(*)::int from coordinator c join enterprise e on e.id = c.enterprise_id where c.region_code like '220104%' and c.status = 'ACTIVE' and not e.active) as closed,
         (select count(*)::int from coordinator where region_code like '220104%' and status = 'ACTIVE') + (select count(*)::int from enterprise where region_code like '220104%' and active) as records`,
    );
    expect(ruleCount(r, 'MISSING_PHONE')).toBe(expected.phone);
    expect(expected.phone).toBe(2);
    expect(ruleCount(r, 'DUPLICATE_PERSON')).toBe(2);
    expect(ruleCount(r, 'EMPLOYER_CLOSED')).toBe(expected.closed);
    expect(expected.closed).toBe(1);
    expect(r.records).toBe(expected.records);
    // 南关区's faults are not 朝阳区's
    expect(ruleCount(r, 'LEFT_WITHOUT_DATE')).toBe(0);
    expect(ruleCount(r, 'SIZE_OVERRIDE_CONTRADICTS')).toBe(0);
    // per township: 220104001 has one person, 220104002 two
    const townships = new Map(r.children.map((child) => [child.regionCode, child]));
    expect(townships.get('220104002')!.counts).toEqual(expect.arrayContaining([{ rule: 'DUPLICATE_PERSON', count: 1 }, { rule: 'EMPLOYER_CLOSED', count: 1 }]));
    expect(townships.get('220104001')!.counts).toEqual(expect.arrayContaining([{ rule: 'DUPLICATE_PERSON', count: 1 }]));
    // worst score first; a township without faults scores higher than one with errors
    const scores = r.children.map((child) => child.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThan(100);
  });

  it('drills down to the records behind a count, with the region path and the page to fix each', async () => {
    const list = await t.graphql(RECORDS, { rule: 'DUPLICATE_PERSON' }, chaoyang);
    expect(list.errors).toBeUndefined();
    const page = list.data!.dataQualityRecords;
    expect(page.total).toBe(2);
    expect(page.items.map((item: { id: string }) => item.id).sort()).toEqual([own[0].coordinatorId, own[1].coordinatorId].sort());
    expect(page.items[0]).toMatchObject({ entity: 'COORDINATOR', link: `/coordinators/${page.items[0].id}/edit` });
    expect(page.items[0].regionPathName).toMatch(/^长春市 · 朝阳区 · /);
    // the detail names the other record by its masked ID number only
    expect(page.items[0].detail).toMatch(/^同名同出生日期：\d{4}\*+\d{3}[\dX]$/);
    const closed = (await t.graphql(RECORDS, { rule: 'EMPLOYER_CLOSED', r: '220104002' }, chaoyang)).data!.dataQualityRecords;
    expect(closed.items).toEqual([expect.objectContaining({ id: own[2].coordinatorId })]);
    // paging past the end keeps the total
    const past = (await t.graphql(RECORDS, { rule: 'MISSING_PHONE', o: 10, l: 5 }, chaoyang)).data!.dataQualityRecords;
    expect(past).toMatchObject({ total: 2, items: [] });
  });

  it('answers a region outside the jurisdiction like an unknown one, and an unknown rule by name', async () => {
    for (const query of [REPORT, RECORDS]) {
      const outside = await t.graphql(query, { r: '220102', rule: 'MISSING_PHONE' }, chaoyang);
      expect(outside.errors?.[0]).toMatchObject({ message: expect.stringContaining('地区代码 220102 不存在'), extensions: { code: 'BAD_USER_INPUT', field: 'regionCode' } });
    }
    const unknown = await t.graphql(RECORDS, { rule: 'NO_SUCH_RULE' }, chaoyang);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rule' });
  });

  it('shows the province every county, 南关区 with its own faults', async () => {
    const changchun = await report(admin, '220100');
    const counties = new Map(changchun.children.map((child) => [child.regionCode, child]));
    expect(counties.get('220102')!.counts).toEqual(expect.arrayContaining([{ rule: 'SIZE_OVERRIDE_CONTRADICTS', count: 1 }, { rule: 'LEFT_WITHOUT_DATE', count: 1 }]));
    expect(counties.get('220104')!.counts).toEqual(expect.arrayContaining([{ rule: 'EMPLOYER_CLOSED', count: 1 }]));
    // a county without records is listed with a full score
    const empty = changchun.children.find((child) => child.records === 0 && child.counts.length === 0);
    expect(empty?.score).toBe(100);
  });

  it('lets the province switch a rule off or change its severity (audited, versioned); others may not', async () => {
    const before = await report(chaoyang);
    const rule = before.rules.find((entry) => entry.code === 'MISSING_PHONE')!;
    const refused = await t.graphql(UPDATE, { input: { code: 'MISSING_PHONE', version: rule.version, enabled: false } }, chaoyang);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const off = await t.graphql(UPDATE, { input: { code: 'MISSING_PHONE', version: rule.version, enabled: false } }, admin);
    expect(off.data?.updateDataQualityRule).toEqual({ code: 'MISSING_PHONE', severity: 'WARNING', enabled: false, version: rule.version + 1 });
    const stale = await t.graphql(UPDATE, { input: { code: 'MISSING_PHONE', version: rule.version, severity: 'ERROR' } }, admin);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const after = await report(chaoyang);
    expect(ruleCount(after, 'MISSING_PHONE')).toBe(0);
    expect(after.score).toBeGreaterThan(before.score);
    const [audit] = await t.sql(`select detail from audit_log where action = 'DATA_QUALITY_RULE_UPDATE'`);
    expect(audit.detail).toEqual({ before: { severity: 'WARNING', enabled: true }, after: { severity: 'WARNING', enabled: false } });
  });
});
