import { todayIsoDate } from '@registry/domain';
import { startTestApp, type TestApp } from '../support/test-app';
import { AwardsHistoryDemo } from '../../api/src/awards/awards-history-demo';
import { seedDemoData } from '../../api/src/database/demo/seed';

// The demo's award history: the campaigns from 2021 to last year published with gold, silver
// and bronze coordinators (certificate numbers, verification tokens), the current campaign in
// progress; every nominee eligible by 四(一) as of that year's reference date.

const TODAY = todayIsoDate();
const YEAR = Number(TODAY.slice(0, 4));

describe('award history demo data', () => {
  let t: TestApp;
  let admin: string;
  let result: { years: number[]; named: number; inProgress: number };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    await seedDemoData(t.databaseUrl, { enterprises: 3000, coordinators: 1500 }, { config: t.config });
    await t.graphql(`mutation($input: AwardCampaignInput!) { saveAwardCampaign(input: $input) { year } }`, { input: { year: YEAR, submissionEnd: `${YEAR}-12-31` } }, admin);
    result = await t.app.get(AwardsHistoryDemo).seed(TODAY);
  }, 180_000);
  afterAll(async () => t?.close());

  it('publishes every campaign from 2021 to last year with named gold, silver and bronze coordinators', async () => {
    const years = Array.from({ length: YEAR - 2021 }, (_value, index) => 2021 + index);
    expect(result.years).toEqual(years);
    const decisions = (await t.graphql(`{ namingDecisions { year decisionDocument publishedOn gold silver bronze } }`)).data!.namingDecisions;
    expect(decisions.map((decision: { year: number }) => decision.year)).toEqual([...years].reverse());
    for (const decision of decisions) {
      expect(decision.publishedOn).toBe(`${decision.year}-12-20`);
      expect(decision.decisionDocument).toContain(`〔${decision.year}〕`);
      expect(decision.gold + decision.silver + decision.bronze).toBeGreaterThan(0);
    }
    const tiers = await t.sql(`select distinct tier from award_certificate order by tier`);
    expect(tiers.map((row) => row.tier)).toEqual(['BRONZE', 'GOLD', 'SILVER']);
    // 差额: each year's province had more candidates than it named
    const [{ notNamed }] = await t.sql(`select count(*)::int as "notNamed" from nomination where state = 'NOT_NAMED'`);
    expect(notNamed).toBeGreaterThan(0);
  });

  it('names only people eligible and registered as of that year, each once, with numbered, verifiable certificates', async () => {
    const rows = await t.sql(
      `select n.id::text, n.coordinator_id::text as "coordinatorId", n.tier, n.campaign_year as year, a.reference_date as "referenceDate",
         c.joined_on as "joinedOn", k.certificate_number as number, k.verification_token as token
       from nomination n join award_campaign a on a.year = n.campaign_year join coordinator c on c.id = n.coordinator_id
         join award_certificate k on k.nomination_id = n.id
       where n.state = 'NAMED' order by n.id`,
    );
    expect(rows.length).toBe(result.named);
    expect(new Set(rows.map((row) => row.coordinatorId)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.joinedOn <= row.referenceDate).toBe(true);
      expect(row.number).toMatch(new RegExp(`^${row.year}-[GSB]-\\d{3}$`));
    }
    expect((await t.sql(`select reference_date as d from award_campaign where year = 2021`))[0].d).toBe('2021-11-30');
    // the verdict, evaluated again through the API as of the reference date, holds
    for (const row of rows.filter((_row, index) => index % Math.ceil(rows.length / 12) === 0)) {
      const verdict = await t.graphql(`query($id: ID!, $tier: AwardTier!, $asOf: Date!) { eligibility(coordinatorId: $id, tier: $tier, asOf: $asOf) { conditions { clause met } } }`, {
        id: row.coordinatorId,
        tier: row.tier,
        asOf: row.referenceDate,
      }, admin);
      const conditions: { clause: string; met: boolean }[] = verdict.data!.eligibility.conditions;
      // everything but the attestations (recorded on the nomination) holds
      expect(conditions.filter((condition) => !condition.met && !/四\(一\)1\(1\)|1\(5\)|工作业绩/.test(condition.clause)).filter((condition) => !/2\(\d\)[a-e]$/.test(condition.clause))).toEqual([]);
      expect(conditions.some((condition) => condition.met && /2\(\d\)[a-e]$/.test(condition.clause))).toBe(true);
    }
    const verification = (await t.graphql(`query($token: String!) { certificateVerification(token: $token) { valid year certificateNumber } }`, { token: rows[0].token })).data!;
    expect(verification.certificateVerification).toEqual({ valid: true, year: rows[0].year, certificateNumber: rows[0].number });
  });

  it('leaves the current campaign in progress, at every step', async () => {
    expect(result.inProgress).toBeGreaterThan(0);
    const states = await t.sql(`select state, count(*)::int as count from nomination where campaign_year = $1 group by state order by state`, [YEAR]);
    expect(states.map((row) => row.state)).toEqual(expect.arrayContaining(['NOMINATED', 'IN_PUBLICITY', 'UNDER_REVIEW']));
    const [campaign] = await t.sql(`select published_at from award_campaign where year = $1`, [YEAR]);
    expect(campaign.published_at).toBeNull();
  });

  it('seeds nothing twice', async () => {
    const [before] = await t.sql(`select count(*)::int as count from nomination`);
    await expect(t.app.get(AwardsHistoryDemo).seed(TODAY)).resolves.toEqual({ years: [], named: 0, inProgress: 0 });
    const [after] = await t.sql(`select count(*)::int as count from nomination`);
    expect(after.count).toBe(before.count);
  });
});
