import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  ATTESTATION_CONDUCT,
  ATTESTATION_LOCAL_ROLE,
  ATTESTATION_WORK_RESULTS,
  certificateNumber,
  compareDates,
  defaultSubmissionWindow,
  evaluateEligibility,
  publicityWindow,
  reportingUnitOf,
  reviewChain,
  type AwardTier,
  type EligibilityFacts,
  type EligibilityResult,
  type EligibilityTables,
  type NominationState,
} from '@registry/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AwardSettingsService } from './award-settings.service';
import { DEMO_GOLD_QUOTA } from './campaigns.service';
import { AwardCertificatesService } from './certificates/award-certificates.service';

// Demo data of the campaigns before this year, so that the public named list and certificate
// verification have something to show: 2021 (the notice's first, 20–30 November) up to last
// year, each published on 20 December with gold, silver and bronze coordinators named among more
// candidates (差额), certificate numbers and verification tokens; and the current year's
// campaign as it stands in the middle of its season (nominated, in publicity, under review at
// each level). Every nominee is eligible by the real 四(一) rules as of that year's reference
// date (libs/domain evaluateEligibility on the stored facts), had joined the registry by then
// and has not left since. Nobody is nominated twice. Idempotent: a year that has a campaign is
// left alone.

const FIRST_YEAR = 2021;
const TIERS: AwardTier[] = ['GOLD', 'SILVER', 'BRONZE'];
const QUOTA_FACTOR: Record<AwardTier, number> = { GOLD: 1, SILVER: 1.5, BRONZE: 2 };
/** coordinators looked at (a seeded sample): enough for every year, few enough to evaluate quickly */
const POOL_SIZE = 2500;
const ATTESTATION_KEYS = [ATTESTATION_CONDUCT, ATTESTATION_LOCAL_ROLE, ATTESTATION_WORK_RESULTS];
const ACHIEVEMENTS = [
  '扎根基层一线，年均调解劳动争议 40 余件，调解成功率 95% 以上，指导辖区小微企业规范签订劳动合同。',
  '推动企业建立劳动争议调解委员会和职工代表大会制度，组织工资集体协商，连续三年无劳动纠纷群体性事件。',
  '深入车间班组开展劳动法律法规宣传 60 余场，化解欠薪隐患，帮助职工追回劳动报酬。',
  '牵头开展区域性行业性集体协商，覆盖企业 120 余家，职工 8000 余人。',
  '在企业改制中做好职工安置和劳动关系处理，妥善化解矛盾，未发生重大信访事件。',
];

/** Named per tier in a year (grows year by year, as the corps does); the province picks among 25% more. */
function namedTarget(tier: AwardTier, year: number): number {
  const step = Math.max(0, year - FIRST_YEAR);
  return { GOLD: 12 + 4 * step, SILVER: 16 + 5 * step, BRONZE: 20 + 6 * step }[tier];
}

function campaignWindow(year: number): { start: string; end: string } {
  // 六(一): 2021年度报送时间为11月20日至11月30日; later years by the end of October
  return year === 2021 ? { start: '2021-11-20', end: '2021-11-30' } : defaultSubmissionWindow(year);
}

/** A small seeded PRNG (mulberry32): the same demo on every start. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;

interface Candidate {
  id: string;
  regionCode: string;
  regionPath: string;
  affiliation: string;
  joinedOn: string;
  leftOn: string | null;
  facts: EligibilityFacts;
}

interface Pick {
  candidate: Candidate;
  tier: AwardTier;
  result: EligibilityResult;
  chain: string[];
  unitCode: string;
}

@Injectable()
export class AwardsHistoryDemo {
  private readonly logger = new Logger('AwardsDemo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: AwardSettingsService,
    private readonly certificates: AwardCertificatesService,
  ) {}

  /**
   * At start-up the administrator is created by the root module's bootstrap, which runs after
   * this module's: wait for it (a few seconds at most), then seed.
   */
  async seedWhenReady(today: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const [admin] = await this.dataSource.query(`select 1 from app_user where username = 'admin'`);
      if (admin) {
        await this.seed(today);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    this.logger.warn('no administrator account: the past award campaigns were not seeded');
  }

  /**
   * Seeds the past campaigns from 2021 to the year before `today`, and in-progress nominations
   * of the current campaign when it has none. Needs the administrator account (the acting user
   * of the recorded steps); answers what it did.
   */
  async seed(today: string, seed = 20211110): Promise<{ years: number[]; named: number; inProgress: number }> {
    const [admin] = await this.dataSource.query(`select id::text from app_user where username = 'admin'`);
    if (!admin) return { years: [], named: 0, inProgress: 0 };
    const currentYear = Number(today.slice(0, 4));
    const tables = await this.settings.eligibilityTables();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`select pg_advisory_xact_lock(2021113)`);
      const existing = new Set((await manager.query(`select year from award_campaign`)).map((row: { year: number }) => row.year));
      const pool = await this.candidates(manager, seed);
      const taken = new Set<string>((await manager.query(`select distinct coordinator_id::text as id from nomination`)).map((row: { id: string }) => row.id));
      const next = random(seed);
      const years: number[] = [];
      let named = 0;
      for (let year = FIRST_YEAR; year < currentYear; year += 1) {
        if (existing.has(year)) continue;
        const window = campaignWindow(year);
        const picks = this.pick(pool, taken, window.end, tables, year, next);
        if (picks.length === 0) continue;
        named += await this.publishedYear(manager, admin.id, year, window, picks);
        years.push(year);
      }
      const inProgress = await this.currentYear(manager, admin.id, currentYear, today, pool, taken, tables, next);
      return { years, named, inProgress };
    });
  }

  /** A seeded sample of coordinators with their facts, one query per table. */
  private async candidates(manager: EntityManager, seed: number): Promise<Candidate[]> {
    const people: { id: string; regionCode: string; regionPath: string; affiliation: string; tripartiteOrGrassroots: boolean; enterpriseId: string | null; joinedOn: string; leftOn: string | null }[] =
      await manager.query(
        `select id::text, region_code as "regionCode", region_path as "regionPath", affiliation, tripartite_or_grassroots as "tripartiteOrGrassroots",
           enterprise_id::text as "enterpriseId", joined_on as "joinedOn", left_on as "leftOn"
         from coordinator order by md5(id::text || $1) limit $2`,
        [String(seed), POOL_SIZE],
      );
    if (people.length === 0) return [];
    const ids = people.map((person) => person.id);
    const run = <T>(sql: string, parameters: unknown[] = [ids]): Promise<T[]> => manager.query(sql, parameters);
    // one after the other: inside the transaction they share one connection
    const certificates = await run<{ c: string; occupation: string; level: number | null; title: string | null; issuedOn: string }>(
      `select coordinator_id::text as c, occupation, level, title, issued_on as "issuedOn" from certificate where coordinator_id = any($1::bigint[])`,
    );
    const educations = await run<{ c: string; level: EligibilityFacts['educations'][number]['level']; major: string; graduatedOn: string | null }>(
      `select coordinator_id::text as c, level, major, graduated_on as "graduatedOn" from education where coordinator_id = any($1::bigint[])`,
    );
    const workPeriods = await run<{ c: string; start: string; end: string | null; occupation: string }>(
      `select coordinator_id::text as c, start_on as start, end_on as "end", occupation from work_period where coordinator_id = any($1::bigint[])`,
    );
    const honors = await run<{ c: string; title: string; level: EligibilityFacts['honors'][number]['level']; awardedOn: string }>(
      `select coordinator_id::text as c, title, level, awarded_on as "awardedOn" from honor where coordinator_id = any($1::bigint[])`,
    );
    const disciplinary = await run<{ c: string; kind: string; occurredOn: string }>(
      `select coordinator_id::text as c, kind, occurred_on as "occurredOn" from disciplinary_record where coordinator_id = any($1::bigint[])`,
    );
    const incidents = await run<{ e: string; kind: string; occurredOn: string }>(
      `select enterprise_id::text as e, kind, occurred_on as "occurredOn" from enterprise_incident
       where enterprise_id in (select enterprise_id from coordinator where id = any($1::bigint[]))`,
    );
    const group = <T extends object>(rows: T[], key: (row: T) => string) => {
      const groups = new Map<string, T[]>();
      for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
      return groups;
    };
    const strip = <T extends { c: string }>(rows: T[] | undefined) => (rows ?? []).map(({ c: _c, ...rest }) => rest);
    const byCertificate = group(certificates, (row) => row.c);
    const byEducation = group(educations, (row) => row.c);
    const byWork = group(workPeriods, (row) => row.c);
    const byHonor = group(honors, (row) => row.c);
    const byDiscipline = group(disciplinary, (row) => row.c);
    const byIncident = group(incidents, (row) => row.e);
    return people.map((person) => ({
      id: person.id,
      regionCode: person.regionCode,
      regionPath: person.regionPath,
      affiliation: person.affiliation,
      joinedOn: person.joinedOn,
      leftOn: person.leftOn,
      facts: {
        tripartiteOrGrassroots: person.tripartiteOrGrassroots,
        certificates: strip(byCertificate.get(person.id)),
        educations: strip(byEducation.get(person.id)),
        workPeriods: strip(byWork.get(person.id)),
        honors: strip(byHonor.get(person.id)),
        disciplinaryRecords: strip(byDiscipline.get(person.id)),
        employerIncidents: (person.enterpriseId ? byIncident.get(person.enterpriseId) ?? [] : []).map(({ e: _e, ...rest }) => rest),
      },
    }));
  }

  /**
   * Candidates for one year: in the registry by the reference date and not gone since, the
   * highest tier they are eligible for, each reporting unit within its 附件1 places.
   */
  private pick(pool: Candidate[], taken: Set<string>, asOf: string, tables: EligibilityTables, year: number, next: () => number, limits?: Record<AwardTier, number>): Pick[] {
    const wanted: Record<AwardTier, number> = limits ?? {
      GOLD: Math.ceil(namedTarget('GOLD', year) * 1.25),
      SILVER: Math.ceil(namedTarget('SILVER', year) * 1.25),
      BRONZE: Math.ceil(namedTarget('BRONZE', year) * 1.25),
    };
    const perUnit = new Map<string, number>();
    const picks: Pick[] = [];
    const attestations = ATTESTATION_KEYS.map((clause) => ({ clause, attestedBy: '推荐单位', attestedOn: addDays(asOf, -60) }));
    const order = pool.map((candidate) => ({ candidate, key: next() })).sort((left, right) => left.key - right.key);
    for (const { candidate } of order) {
      if (TIERS.every((tier) => wanted[tier] <= 0)) break;
      if (taken.has(candidate.id)) continue;
      if (compareDates(candidate.joinedOn, addDays(asOf, -90)) > 0) continue;
      if (candidate.leftOn) continue;
      for (const tier of TIERS) {
        if (wanted[tier] <= 0) continue;
        const result = evaluateEligibility({ ...candidate.facts, attestations }, tier, asOf, tables);
        if (!result.eligible) continue;
        const chain = reviewChain({ regionCode: candidate.regionCode, tripartiteStaff: candidate.affiliation === 'TRIPARTITE' });
        const unitCode = (reportingUnitOf(chain[0]) ?? reportingUnitOf(candidate.regionCode))?.code ?? '220000';
        const unitKey = `${unitCode}|${tier}`;
        const places = Math.ceil((DEMO_GOLD_QUOTA[unitCode] ?? 2) * QUOTA_FACTOR[tier]);
        if (!result.quotaExempt && (perUnit.get(unitKey) ?? 0) >= places) continue;
        if (!result.quotaExempt) perUnit.set(unitKey, (perUnit.get(unitKey) ?? 0) + 1);
        picks.push({ candidate, tier, result, chain, unitCode });
        wanted[tier] -= 1;
        taken.add(candidate.id);
        break;
      }
    }
    return picks;
  }

  private async campaign(manager: EntityManager, year: number, window: { start: string; end: string }, published: { by: string; document: string } | null): Promise<void> {
    await manager.query(
      `insert into award_campaign (year, reference_date, submission_start, submission_end, gold_target, published_at, published_by, decision_document, created_at, updated_at)
       values ($1, $2, $3, $2, 100, $4::timestamptz, $5, $6, $7::timestamptz, coalesce($4::timestamptz, $7::timestamptz))`,
      [year, window.end, window.start, published ? at(`${year}-12-20`) : null, published?.by ?? null, published?.document ?? null, at(addDays(window.start, -50))],
    );
    for (const [code, gold] of Object.entries(DEMO_GOLD_QUOTA)) {
      await manager.query(
        `insert into award_quota (year, region_code, tier, places) values ($1, $2, 'GOLD', $3), ($1, $2, 'SILVER', $4), ($1, $2, 'BRONZE', $5)
         on conflict do nothing`,
        [year, code, gold, Math.ceil(gold * 1.5), gold * 2],
      );
    }
  }

  /** A whole past campaign: every nominee reached the province; the decision names about 4 in 5 per tier. */
  private async publishedYear(manager: EntityManager, adminId: string, year: number, window: { start: string; end: string }, picks: Pick[]): Promise<number> {
    const document = `吉三方办〔${year}〕${12 + (year % 7)}号`;
    await this.campaign(manager, year, window, { by: adminId, document });
    const namedOn = `${year}-12-20`;
    const namedIds: string[] = [];
    for (const tier of TIERS) {
      const ofTier = picks.filter((pick) => pick.tier === tier);
      // 差额: the province names fewer than its candidates, quota-exempt gold e always
      const regular = ofTier.filter((pick) => !pick.result.quotaExempt);
      const regularNamed = Math.min(namedTarget(tier, year), Math.max(0, regular.length - Math.max(1, Math.floor(regular.length / 5))));
      let sequence = 0;
      let regularSeen = 0;
      for (const pick of ofTier) {
        const isNamed = pick.result.quotaExempt || (regularSeen += 1) <= regularNamed;
        const number = isNamed ? certificateNumber(year, tier, (sequence += 1)) : null;
        const id = await this.nomination(manager, adminId, year, window, pick, isNamed ? 'NAMED' : 'NOT_NAMED', pick.chain.length - 1, {
          decision: isNamed ? 'NAME' : 'NOT_NAME',
          certificateNumber: number,
          namedOn: isNamed ? namedOn : null,
        });
        if (isNamed) namedIds.push(id);
      }
    }
    await this.certificates.issue(manager, namedIds, namedOn);
    this.logger.log(`demo: ${year} campaign published with ${namedIds.length} named (${document})`);
    return namedIds.length;
  }

  /** The current campaign mid-season: a few nominations at each step, when it has none yet. */
  private async currentYear(
    manager: EntityManager,
    adminId: string,
    year: number,
    today: string,
    pool: Candidate[],
    taken: Set<string>,
    tables: EligibilityTables,
    next: () => number,
  ): Promise<number> {
    const [campaign] = await manager.query(`select reference_date as "referenceDate", submission_start as start, submission_end as "end", published_at from award_campaign where year = $1`, [year]);
    if (!campaign || campaign.published_at) return 0;
    const [{ count }] = await manager.query(`select count(*)::int as count from nomination where campaign_year = $1`, [year]);
    if (count > 0) return 0;
    const picks = this.pick(pool, taken, campaign.referenceDate, tables, year, next, { GOLD: 12, SILVER: 10, BRONZE: 10 });
    // steps: 0 nominated, 1 in publicity, 2 at the first office, 3 one level up, 4 at the province
    const window = { start: campaign.start, end: campaign.end };
    let index = 0;
    for (const pick of picks) {
      const stage = index % 5;
      index += 1;
      const last = pick.chain.length - 1;
      if (stage === 0) await this.nomination(manager, adminId, year, window, pick, 'NOMINATED', 0, {}, today);
      else if (stage === 1) await this.nomination(manager, adminId, year, window, pick, 'IN_PUBLICITY', 0, {}, today);
      else await this.nomination(manager, adminId, year, window, pick, 'UNDER_REVIEW', Math.min(last, stage - 2), {}, today);
    }
    if (picks.length) this.logger.log(`demo: ${picks.length} nominations in progress in the ${year} campaign`);
    return picks.length;
  }

  /**
   * One nomination with the steps that led to its state, dated through the campaign's season.
   * `today` set: the current campaign, dated back from today.
   */
  private async nomination(
    manager: EntityManager,
    adminId: string,
    year: number,
    window: { start: string; end: string },
    pick: Pick,
    state: NominationState,
    step: number,
    outcome: { decision?: 'NAME' | 'NOT_NAME'; certificateNumber?: string | null; namedOn?: string | null },
    today?: string,
  ): Promise<string> {
    const nominatedOn = today ? addDays(today, -40) : addDays(window.start, -45);
    const publicityStart = today ? (state === 'IN_PUBLICITY' ? addDays(today, -2) : addDays(today, -36)) : addDays(window.start, -40);
    let publicityEnd: string | null = null;
    try {
      publicityEnd = publicityWindow(publicityStart).end;
    } catch {
      publicityEnd = addDays(publicityStart, 6); // a year the calendar does not know yet: weekdays only
    }
    const hasPublicity = state !== 'NOMINATED';
    const [{ id }] = await manager.query(
      `insert into nomination (campaign_year, coordinator_id, tier, state, region_path, reporting_unit_code, review_chain, current_step,
         quota_exempt, eligibility, attestations, achievements, publicity_start, publicity_end, province_decision, certificate_number,
         named_on, nominated_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19) returning id::text`,
      [
        year, pick.candidate.id, pick.tier, state, pick.candidate.regionPath, pick.unitCode, pick.chain, step, pick.result.quotaExempt,
        JSON.stringify({ ...pick.result, tier: pick.tier, asOf: window.end }),
        JSON.stringify(pick.result.conditions.filter((condition) => ATTESTATION_KEYS.includes(condition.clause)).map((condition) => ({ clause: condition.clause, attestedBy: '推荐单位', attestedOn: nominatedOn }))),
        ACHIEVEMENTS[Number(pick.candidate.id) % ACHIEVEMENTS.length],
        hasPublicity ? publicityStart : null, hasPublicity ? publicityEnd : null,
        outcome.decision ?? null, outcome.certificateNumber ?? null, outcome.namedOn ?? null, adminId, at(nominatedOn),
      ],
    );
    type Event = [string, NominationState | null, NominationState, string | null, string | null, string | null, string];
    const events: Event[] = [['NOMINATE', null, 'NOMINATED', null, null, null, at(nominatedOn)]];
    if (hasPublicity) events.push(['START_PUBLICITY', 'NOMINATED', 'IN_PUBLICITY', null, null, `公示 ${publicityStart} 至 ${publicityEnd}（5 个工作日）`, at(publicityStart)]);
    if (state !== 'NOMINATED' && state !== 'IN_PUBLICITY') {
      const declaredOn = addDays(publicityEnd!, 2);
      events.push(['DECLARE', 'IN_PUBLICITY', 'UNDER_REVIEW', null, pick.chain[0], null, at(declaredOn)]);
      for (let level = 0; level < step; level += 1) {
        const on = today ? addDays(declaredOn, 3 * (level + 1)) : addDays(window.start, 2 + 3 * level);
        events.push(['FORWARD', 'UNDER_REVIEW', 'UNDER_REVIEW', pick.chain[level], pick.chain[level + 1], '同意推荐', at(on)]);
      }
    }
    if (outcome.decision) {
      events.push(['DECIDE', 'UNDER_REVIEW', 'UNDER_REVIEW', '220000', '220000', outcome.decision === 'NAME' ? '拟命名' : '差额未入选', at(`${year}-12-10`)]);
      events.push(
        outcome.decision === 'NAME'
          ? ['NAME', 'UNDER_REVIEW', 'NAMED', '220000', null, `证书编号 ${outcome.certificateNumber}`, at(`${year}-12-20`)]
          : ['NOT_NAME', 'UNDER_REVIEW', 'NOT_NAMED', '220000', null, '差额评审未入选', at(`${year}-12-20`)],
      );
    }
    await manager.query(
      `insert into nomination_event (nomination_id, actor_id, actor_username, action, from_state, to_state, from_office, to_office, reason, at)
       select $1, $2, 'admin', e.action, e.from_state, e.to_state, e.from_office, e.to_office, e.reason, e.at::timestamptz
       from jsonb_to_recordset($3::jsonb) as e(action text, from_state text, to_state text, from_office text, to_office text, reason text, at text)`,
      [
        id,
        adminId,
        JSON.stringify(events.map(([action, from, to, fromOffice, toOffice, reason, when]) => ({ action, from_state: from, to_state: to, from_office: fromOffice, to_office: toOffice, reason, at: when }))),
      ],
    );
    return id;
  }
}
