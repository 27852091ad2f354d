// 四(一) of 吉三方〔2021〕1号: who may be nominated as a gold, silver or bronze coordinator.
// Every verdict carries the clause it comes from and a reason in Chinese with the numbers,
// because the offices show it to the person and must be able to defend it.
import { addYears, compareDates, cumulativeService, formatYearsMonths, hasServiceYears, parseIsoDate } from '../dates';
import type { IsoDate } from '../dates';
import {
  DEFAULT_ELIGIBILITY_TABLES,
  isRelatedMajor,
  isRelatedOccupation,
  isSkillLevel,
  normalizeName,
  SKILL_LEVEL_NUMERALS,
  titleLevel,
} from './tables';
import type { EligibilityTables, SkillLevel } from './tables';

export type AwardTier = 'GOLD' | 'SILVER' | 'BRONZE';

export const AWARD_TIER_LABELS: Record<AwardTier, string> = {
  GOLD: '金牌', // 金牌 gold
  SILVER: '银牌', // 银牌 silver
  BRONZE: '铜牌', // 铜牌 bronze
};

export type EducationLevel = 'SECONDARY_OR_BELOW' | 'JUNIOR_COLLEGE' | 'BACHELOR' | 'MASTER' | 'DOCTOR';

export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, string> = {
  SECONDARY_OR_BELOW: '中专及以下',
  JUNIOR_COLLEGE: '大专', // 大学专科
  BACHELOR: '本科',
  MASTER: '硕士研究生',
  DOCTOR: '博士研究生',
};

const EDUCATION_RANK: Record<EducationLevel, number> = {
  SECONDARY_OR_BELOW: 0,
  JUNIOR_COLLEGE: 1,
  BACHELOR: 2,
  MASTER: 3,
  DOCTOR: 4,
};

export type HonorLevel = 'NATIONAL' | 'PROVINCIAL' | 'CITY' | 'COUNTY';

export const HONOR_LEVEL_LABELS: Record<HonorLevel, string> = {
  NATIONAL: '国家级',
  PROVINCIAL: '省级',
  CITY: '市级',
  COUNTY: '县级',
};

const HONOR_RANK: Record<HonorLevel, number> = { COUNTY: 1, CITY: 2, PROVINCIAL: 3, NATIONAL: 4 };

export interface EligibilityCertificate {
  occupation: string;
  level?: number | null;
  title?: string | null;
  issuedOn: IsoDate;
}

export interface EligibilityEducation {
  level: EducationLevel;
  major: string;
  graduatedOn?: IsoDate | null;
}

export interface EligibilityFacts {
  /** 协调劳动关系三方成员单位工作人员 or 基层乡镇（街道、社区）劳动关系协调员: opens path d. */
  tripartiteOrGrassroots: boolean;
  certificates: EligibilityCertificate[];
  educations: EligibilityEducation[];
  workPeriods: { start: IsoDate; end: IsoDate | null; occupation: string }[];
  honors: { title: string; level: HonorLevel; awardedOn: IsoDate }[];
  disciplinaryRecords: { kind: string; occurredOn: IsoDate }[];
  employerIncidents: { kind: string; occurredOn: IsoDate }[];
  /** What the recommending unit has confirmed; `clause` is a key of pendingAttestations. */
  attestations?: { clause: string; attestedBy: string; attestedOn: IsoDate }[];
}

export interface ConditionResult {
  clause: string;
  met: boolean;
  reason: string;
}

export interface EligibilityResult {
  /** Every checkable basic standard holds and at least one path holds. */
  eligible: boolean;
  /** Gold path e: named directly and not counted in the local quota (不计入各地推荐名额). */
  quotaExempt: boolean;
  conditions: ConditionResult[];
  /** Keys the recommending unit must still confirm: '四(一)1(1)', '四(一)1(5)', '工作业绩'. */
  pendingAttestations: string[];
  serviceYears: { years: number; months: number };
}

/** Attestation keys; an attestation in the facts with the same clause satisfies it. */
export const ATTESTATION_CONDUCT = '四(一)1(1)';
export const ATTESTATION_LOCAL_ROLE = '四(一)1(5)';
export const ATTESTATION_WORK_RESULTS = '工作业绩';

export function attestationLabel(key: string, tier: AwardTier): string {
  switch (key) {
    case ATTESTATION_CONDUCT:
      return '四(一)1(1) 拥护党的领导、品德端正、遵纪守法、群众认可度高';
    case ATTESTATION_LOCAL_ROLE:
      return '四(一)1(5) 在创新劳动关系政策措施、处置重大劳动关系事件、指导小微企业规范用工等方面发挥重要作用';
    case ATTESTATION_WORK_RESULTS:
      return `${TIER_RULES[tier].clause} ${TIER_RULES[tier].workResults}`;
    default:
      return key;
  }
}

interface TierRule {
  clause: string;
  /** Highest level number that still qualifies (lower number = higher level). */
  certificateLevel: SkillLevel;
  years: number;
  /** Path c needs fewer years because it asks for both the degree and the certificate. */
  combinedYears: number;
  workResults: string;
  /** Lowest honor level that satisfies the work-results requirement. */
  honorLevel: HonorLevel;
}

const TIER_RULES: Record<AwardTier, TierRule> = {
  BRONZE: { clause: '四(一)2(1)', certificateLevel: 4, years: 3, combinedYears: 2, workResults: '取得较好工作业绩', honorLevel: 'COUNTY' },
  SILVER: { clause: '四(一)2(2)', certificateLevel: 3, years: 5, combinedYears: 3, workResults: '取得良好工作业绩或获得劳动关系领域相关荣誉', honorLevel: 'COUNTY' },
  GOLD: { clause: '四(一)2(3)', certificateLevel: 2, years: 7, combinedYears: 5, workResults: '工作业绩突出，或获得县级以上劳动关系领域相关荣誉', honorLevel: 'COUNTY' },
};

const BASIC_SERVICE_YEARS = 3;
// 四(一)1(3)/(4): "5年内". A record blocks while fewer than 5 full years have passed by asOf:
// one dated exactly 5 years before asOf (2016-11-30 for 2021-11-30) no longer blocks, one a
// day later does. Records dated after asOf are outside an as-of evaluation and only noted.
const CLEAN_RECORD_YEARS = 5;

/** Level a certificate stands for: its own level, else the title table by title, then by occupation. */
export function effectiveCertificateLevel(
  certificate: EligibilityCertificate,
  tables: EligibilityTables = DEFAULT_ELIGIBILITY_TABLES,
): SkillLevel | null {
  if (isSkillLevel(certificate.level)) return certificate.level;
  return titleLevel(certificate.title, tables) ?? titleLevel(certificate.occupation, tables);
}

function describeCertificate(certificate: EligibilityCertificate, level: SkillLevel | null): string {
  const occupation = certificate.occupation.trim();
  if (level === null) return `${occupation}证书（未注明等级）`;
  if (isSkillLevel(certificate.level)) return `${occupation}${SKILL_LEVEL_NUMERALS[level]}级证书`;
  const title = (certificate.title ?? '').trim();
  const bridged = title !== '' && normalizeName(title) !== normalizeName(occupation) ? `${title}，` : '';
  return `${occupation}（${bridged}相当于${SKILL_LEVEL_NUMERALS[level]}级）证书`;
}

function describeEducation(education: EligibilityEducation): string {
  return `${education.major.trim()}专业${EDUCATION_LEVEL_LABELS[education.level]}学历`;
}

function isOnOrBefore(date: IsoDate, asOf: IsoDate): boolean {
  return compareDates(date, asOf) <= 0;
}

/** Records that fall inside the 5-year window ending at asOf. */
function recentRecords<T extends { occurredOn: IsoDate }>(records: readonly T[], asOf: IsoDate): { recent: T[]; later: T[] } {
  const recent: T[] = [];
  const later: T[] = [];
  for (const record of records) {
    if (compareDates(record.occurredOn, asOf) > 0) later.push(record);
    else if (compareDates(addYears(record.occurredOn, CLEAN_RECORD_YEARS), asOf) > 0) recent.push(record);
  }
  return { recent, later };
}

function listRecords(records: readonly { kind: string; occurredOn: IsoDate }[]): string {
  return [...records]
    .sort((left, right) => compareDates(left.occurredOn, right.occurredOn))
    .map((record) => `${record.kind.trim() || '未注明类型'}（${record.occurredOn}）`)
    .join('、');
}

export function evaluateEligibility(
  facts: EligibilityFacts,
  tier: AwardTier,
  asOf: IsoDate,
  tables: EligibilityTables = DEFAULT_ELIGIBILITY_TABLES,
): EligibilityResult {
  parseIsoDate(asOf);
  const rule = TIER_RULES[tier];
  const conditions: ConditionResult[] = [];
  const pendingAttestations: string[] = [];
  const attestations = facts.attestations ?? [];
  const findAttestation = (...keys: string[]) => attestations.find((attestation) => keys.includes(attestation.clause.trim()));

  // Years count only periods in this or a related occupation, overlaps once, up to asOf.
  const relatedPeriods = facts.workPeriods.filter((period) => isRelatedOccupation(period.occupation, tables));
  const unrelatedCount = facts.workPeriods.length - relatedPeriods.length;
  const service = cumulativeService(relatedPeriods, asOf);
  const serviceText = formatYearsMonths(service);
  const meetsYears = (years: number) => hasServiceYears(relatedPeriods, asOf, years);
  const yearsReason = (years: number) =>
    relatedPeriods.length === 0
      ? `无本职业或相关职业工作经历，不足${years}年`
      : `相关职业累计工作年限 ${serviceText}，${meetsYears(years) ? '满' : '不足'}${years}年`;

  // ---- 1. 基本标准 (basic standards, every tier)
  const conduct = findAttestation(ATTESTATION_CONDUCT);
  if (conduct) {
    conditions.push({ clause: ATTESTATION_CONDUCT, met: true, reason: `推荐单位已确认（${conduct.attestedBy}，${conduct.attestedOn}）` });
  } else {
    pendingAttestations.push(ATTESTATION_CONDUCT);
  }

  const serviceMet = meetsYears(BASIC_SERVICE_YEARS);
  const unrelatedNote = unrelatedCount > 0 ? `（另有 ${unrelatedCount} 段非相关职业经历未计入）` : '';
  conditions.push({ clause: '四(一)1(2)', met: serviceMet, reason: yearsReason(BASIC_SERVICE_YEARS) + unrelatedNote });

  const windowStart = addYears(asOf, -CLEAN_RECORD_YEARS);
  const discipline = recentRecords(facts.disciplinaryRecords, asOf);
  const disciplineLater = discipline.later.length > 0 ? `；评定基准日 ${asOf} 之后的记录 ${discipline.later.length} 条未计入` : '';
  conditions.push({
    clause: '四(一)1(3)',
    met: discipline.recent.length === 0,
    reason:
      discipline.recent.length === 0
        ? `${windowStart} 之后5年内无违法违纪、处分问责或失信惩戒记录${disciplineLater}`
        : `5年内（${windowStart} 之后）有违法违纪、处分问责或失信记录：${listRecords(discipline.recent)}${disciplineLater}`,
  });

  const incidents = recentRecords(facts.employerIncidents, asOf);
  const incidentsLater = incidents.later.length > 0 ? `；评定基准日 ${asOf} 之后的事件 ${incidents.later.length} 起未计入` : '';
  conditions.push({
    clause: '四(一)1(4)',
    met: incidents.recent.length === 0,
    reason:
      incidents.recent.length === 0
        ? `所在单位 ${windowStart} 之后5年内无重大劳动关系群体性、突发性事件和重大信访事件${incidentsLater}`
        : `所在单位5年内（${windowStart} 之后）发生重大事件：${listRecords(incidents.recent)}${incidentsLater}`,
  });

  if (facts.tripartiteOrGrassroots) {
    const localRole = findAttestation(ATTESTATION_LOCAL_ROLE);
    if (localRole) {
      conditions.push({ clause: ATTESTATION_LOCAL_ROLE, met: true, reason: `推荐单位已确认（${localRole.attestedBy}，${localRole.attestedOn}）` });
    } else {
      pendingAttestations.push(ATTESTATION_LOCAL_ROLE);
    }
  } else {
    conditions.push({ clause: ATTESTATION_LOCAL_ROLE, met: true, reason: '非三方成员单位工作人员或基层协调员，本项不适用' });
  }

  // 1(1) and 1(5) are attestations: listed as pending, they never block `eligible`.
  const basicMet = serviceMet && discipline.recent.length === 0 && incidents.recent.length === 0;

  // ---- 2. 必备条件 (per tier): the work-results requirement, then paths a–e
  const fieldHonors = facts.honors
    .filter((honor) => isOnOrBefore(honor.awardedOn, asOf))
    .filter((honor) => HONOR_RANK[honor.level] >= HONOR_RANK[rule.honorLevel])
    .filter((honor) => tables.fieldHonorKeywords.some((keyword) => normalizeName(honor.title).includes(normalizeName(keyword))))
    .sort((left, right) => HONOR_RANK[right.level] - HONOR_RANK[left.level] || compareDates(left.awardedOn, right.awardedOn));
  const workResults = findAttestation(ATTESTATION_WORK_RESULTS, rule.clause);
  if (fieldHonors.length > 0) {
    const honor = fieldHonors[0];
    conditions.push({
      clause: rule.clause,
      met: true,
      reason: `获得劳动关系领域荣誉：${HONOR_LEVEL_LABELS[honor.level]}${honor.title.trim()}（${honor.awardedOn}），满足“${rule.workResults}”`,
    });
  } else if (workResults) {
    conditions.push({
      clause: rule.clause,
      met: true,
      reason: `“${rule.workResults}”已由推荐单位确认（${workResults.attestedBy}，${workResults.attestedOn}）`,
    });
  } else {
    pendingAttestations.push(ATTESTATION_WORK_RESULTS);
  }

  const certificateFinding = findCertificate(facts.certificates, rule.certificateLevel, asOf, tables);
  const educationFinding = findEducation(facts.educations, asOf, tables);
  const paths: ConditionResult[] = [];

  // a. certificate + years
  {
    const yearsMet = meetsYears(rule.years);
    const met = certificateFinding.qualifying !== null && yearsMet;
    paths.push({
      clause: `${rule.clause}a`,
      met,
      reason: certificateFinding.qualifying
        ? `持有${certificateFinding.qualifying}，${yearsMet ? '' : '但'}${yearsReason(rule.years)}`
        : certificateFinding.missing,
    });
  }
  // b. degree + years
  {
    const yearsMet = meetsYears(rule.years);
    paths.push({
      clause: `${rule.clause}b`,
      met: educationFinding.qualifying !== null && yearsMet,
      reason: educationFinding.qualifying
        ? `具有${educationFinding.qualifying}，${yearsMet ? '' : '但'}${yearsReason(rule.years)}`
        : educationFinding.missing,
    });
  }
  // c. degree + certificate + fewer years
  {
    const yearsMet = meetsYears(rule.combinedYears);
    const met = educationFinding.qualifying !== null && certificateFinding.qualifying !== null && yearsMet;
    const reason =
      educationFinding.qualifying && certificateFinding.qualifying
        ? `具有${educationFinding.qualifying}并持有${certificateFinding.qualifying}，${yearsMet ? '' : '但'}${yearsReason(rule.combinedYears)}`
        : [educationFinding.qualifying ? null : educationFinding.missing, certificateFinding.qualifying ? null : certificateFinding.missing]
            .filter((part): part is string => part !== null)
            .join('；');
    paths.push({ clause: `${rule.clause}c`, met, reason });
  }
  // d. tripartite member-unit staff or grassroots coordinator + years
  {
    const yearsMet = meetsYears(rule.years);
    paths.push({
      clause: `${rule.clause}d`,
      met: facts.tripartiteOrGrassroots && yearsMet,
      reason: facts.tripartiteOrGrassroots
        ? `属三方成员单位工作人员或基层乡镇（街道、社区）劳动关系协调员，${yearsMet ? '' : '但'}${yearsReason(rule.years)}`
        : '非协调劳动关系三方成员单位工作人员或基层乡镇（街道、社区）劳动关系协调员',
    });
  }
  // e. (gold only) national or provincial 构建和谐劳动关系先进个人: directly, outside the quota
  let quotaPathMet = false;
  if (tier === 'GOLD') {
    const harmonyHonors = facts.honors.filter(
      (honor) =>
        isOnOrBefore(honor.awardedOn, asOf) &&
        tables.harmonyHonorKeywords.some((keyword) => normalizeName(honor.title).includes(normalizeName(keyword))),
    );
    const qualifying = harmonyHonors
      .filter((honor) => honor.level === 'NATIONAL' || honor.level === 'PROVINCIAL')
      .sort((left, right) => HONOR_RANK[right.level] - HONOR_RANK[left.level] || compareDates(left.awardedOn, right.awardedOn))[0];
    quotaPathMet = qualifying !== undefined;
    const lowerLevel = harmonyHonors.find((honor) => honor.level === 'CITY' || honor.level === 'COUNTY');
    paths.push({
      clause: `${rule.clause}e`,
      met: quotaPathMet,
      reason: qualifying
        ? `获评${HONOR_LEVEL_LABELS[qualifying.level]}${qualifying.title.trim()}（${qualifying.awardedOn}），可直接推荐为金牌劳动关系协调员，不计入各地推荐名额`
        : `无国家级或省级构建和谐劳动关系先进个人荣誉` +
          (lowerLevel ? `（${HONOR_LEVEL_LABELS[lowerLevel.level]}${lowerLevel.title.trim()}不属国家级或省级）` : ''),
    });
  }
  conditions.push(...paths);

  const eligible = basicMet && paths.some((path) => path.met);
  return {
    eligible,
    quotaExempt: eligible && quotaPathMet,
    conditions,
    pendingAttestations,
    serviceYears: { years: service.years, months: service.months },
  };
}

interface Finding {
  /** Description of the best qualifying item, or null. */
  qualifying: string | null;
  /** Why nothing qualifies, with the near misses. */
  missing: string;
}

function findCertificate(
  certificates: readonly EligibilityCertificate[],
  requiredLevel: SkillLevel,
  asOf: IsoDate,
  tables: EligibilityTables,
): Finding {
  const required = `${SKILL_LEVEL_NUMERALS[requiredLevel]}级`;
  const nearMisses: string[] = [];
  let best: { certificate: EligibilityCertificate; level: SkillLevel } | null = null;
  for (const certificate of certificates) {
    const level = effectiveCertificateLevel(certificate, tables);
    const description = describeCertificate(certificate, level);
    if (!isRelatedOccupation(certificate.occupation, tables)) {
      nearMisses.push(`${description}不属本职业或相关职业`);
    } else if (level === null) {
      nearMisses.push(description);
    } else if (level > requiredLevel) {
      nearMisses.push(`${description}低于${required}`);
    } else if (!isOnOrBefore(certificate.issuedOn, asOf)) {
      nearMisses.push(`${description}颁发于 ${certificate.issuedOn}，晚于评定基准日 ${asOf}`);
    } else if (
      best === null ||
      level < best.level ||
      (level === best.level && compareDates(certificate.issuedOn, best.certificate.issuedOn) < 0)
    ) {
      best = { certificate, level };
    }
  }
  if (best) {
    return { qualifying: `${describeCertificate(best.certificate, best.level)}（${best.certificate.issuedOn}）`, missing: '' };
  }
  const detail = nearMisses.length > 0 ? `（${nearMisses.join('；')}）` : '';
  return { qualifying: null, missing: `无本职业或相关职业${required}及以上证书${detail}` };
}

function findEducation(educations: readonly EligibilityEducation[], asOf: IsoDate, tables: EligibilityTables): Finding {
  const nearMisses: string[] = [];
  let best: EligibilityEducation | null = null;
  for (const education of educations) {
    const description = describeEducation(education);
    if (!isRelatedMajor(education.major, tables)) {
      nearMisses.push(`${education.major.trim()}专业不属本专业或相关专业`);
    } else if (EDUCATION_RANK[education.level] < EDUCATION_RANK.JUNIOR_COLLEGE) {
      nearMisses.push(`${description}低于大专`);
    } else if (education.graduatedOn && !isOnOrBefore(education.graduatedOn, asOf)) {
      nearMisses.push(`${description}毕业于 ${education.graduatedOn}，晚于评定基准日 ${asOf}`);
    } else if (best === null || EDUCATION_RANK[education.level] > EDUCATION_RANK[best.level]) {
      best = education;
    }
  }
  if (best) return { qualifying: describeEducation(best), missing: '' };
  const detail = nearMisses.length > 0 ? `（${nearMisses.join('；')}）` : '';
  return { qualifying: null, missing: `无本专业或相关专业大专及以上学历${detail}` };
}
