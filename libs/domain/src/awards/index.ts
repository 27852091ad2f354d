// The nomination workflow of 四(二) of 吉三方〔2021〕1号 as a small state machine: which step
// may follow which, and the review chain a nomination climbs. Pure data and functions, shared
// by the api (which enforces it) and the web (which only offers the allowed actions).
import { countyOf, findRegion, PROVINCE_CODE, reportingUnitOf } from '../regions';
import type { AwardTier } from '../eligibility';

export type NominationState =
  | 'NOMINATED' // 自荐/推荐 recorded, not yet publicised
  | 'IN_PUBLICITY' // 公示中 at the unit
  | 'UNDER_REVIEW' // 申报: at an office (county, city/unit or province) for review
  | 'RETURNED' // 退回 to the nominator with a reason; may be resubmitted
  | 'NAMED' // 命名 in the published decision, certificate number issued
  | 'NOT_NAMED' // 差额: reached the province, not named
  | 'WITHDRAWN'; // 撤回, or an upheld objection

export type NominationAction =
  | 'START_PUBLICITY'
  | 'DECLARE'
  | 'FORWARD'
  | 'RETURN'
  | 'RESUBMIT'
  | 'NAME'
  | 'NOT_NAME'
  | 'WITHDRAW';

export const NOMINATION_STATE_LABELS: Record<NominationState, string> = {
  NOMINATED: '已推荐',
  IN_PUBLICITY: '公示中',
  UNDER_REVIEW: '审核中',
  RETURNED: '已退回',
  NAMED: '已命名',
  NOT_NAMED: '未命名',
  WITHDRAWN: '已撤回',
};

export const NOMINATION_ACTION_LABELS: Record<NominationAction, string> = {
  START_PUBLICITY: '开始公示',
  DECLARE: '申报',
  FORWARD: '审核上报',
  RETURN: '退回',
  RESUBMIT: '重新申报',
  NAME: '命名',
  NOT_NAME: '不予命名',
  WITHDRAW: '撤回',
};

const TRANSITIONS: Record<NominationAction, { from: NominationState[]; to: NominationState }> = {
  START_PUBLICITY: { from: ['NOMINATED'], to: 'IN_PUBLICITY' },
  DECLARE: { from: ['IN_PUBLICITY'], to: 'UNDER_REVIEW' },
  FORWARD: { from: ['UNDER_REVIEW'], to: 'UNDER_REVIEW' },
  RETURN: { from: ['UNDER_REVIEW'], to: 'RETURNED' },
  RESUBMIT: { from: ['RETURNED'], to: 'UNDER_REVIEW' },
  NAME: { from: ['UNDER_REVIEW'], to: 'NAMED' },
  NOT_NAME: { from: ['UNDER_REVIEW'], to: 'NOT_NAMED' },
  WITHDRAW: { from: ['NOMINATED', 'IN_PUBLICITY', 'RETURNED'], to: 'WITHDRAWN' },
};

/** The state after `action`, or null when the action is not allowed from `state`. */
export function nextNominationState(state: NominationState, action: NominationAction): NominationState | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(state) ? rule.to : null;
}

export function allowedNominationActions(state: NominationState): NominationAction[] {
  return (Object.keys(TRANSITIONS) as NominationAction[]).filter((action) => TRANSITIONS[action].from.includes(state));
}

/** Plain-Chinese refusal for an out-of-order step, or null when it is allowed. */
export function nominationTransitionProblem(state: NominationState, action: NominationAction): string | null {
  if (nextNominationState(state, action)) return null;
  const allowedFrom = TRANSITIONS[action].from.map((from) => NOMINATION_STATE_LABELS[from]).join('、');
  return `推荐当前状态为“${NOMINATION_STATE_LABELS[state]}”，不能“${NOMINATION_ACTION_LABELS[action]}”（仅限${allowedFrom}状态）`;
}

export const FINAL_NOMINATION_STATES: NominationState[] = ['NAMED', 'NOT_NAMED', 'WITHDRAWN'];

// ── Routing (四(二)1) ───────────────────────────────────────────────────────────────────

export interface RoutingSubject {
  /** Region the coordinator is filed under. */
  regionCode: string;
  /** Staff of a tripartite member unit (三方成员单位工作人员) go to the same-level office. */
  tripartiteStaff: boolean;
}

/**
 * The offices that review a nomination, first to last: tripartite member-unit staff start at
 * the office of their own region's level (county, city/unit or province); employers and
 * township platforms start at their county office (梅河口/长白山 act as their own county).
 * From there: the reporting unit, then the province. Empty for an unknown region.
 */
export function reviewChain(subject: RoutingSubject): string[] {
  const region = findRegion(subject.regionCode);
  if (!region) return [];
  let first: string;
  if (region.level === 'PROVINCE') first = region.code;
  else if (subject.tripartiteStaff && region.level !== 'TOWNSHIP') first = region.code;
  else first = countyOf(region.code)?.code ?? region.code;
  const chain = [first];
  const unit = reportingUnitOf(first);
  if (unit && unit.code !== first) chain.push(unit.code);
  if (first !== PROVINCE_CODE) chain.push(PROVINCE_CODE);
  return chain;
}

export type OfficeLevel = 'COUNTY' | 'UNIT' | 'PROVINCE';

export function officeLevel(code: string): OfficeLevel {
  if (code === PROVINCE_CODE) return 'PROVINCE';
  return findRegion(code)?.level === 'UNIT' ? 'UNIT' : 'COUNTY';
}

// ── Certificates and quotas ───────────────────────────────────────────────────────────────

export const AWARD_TIER_LETTERS: Record<AwardTier, 'G' | 'S' | 'B'> = { GOLD: 'G', SILVER: 'S', BRONZE: 'B' };

/** Certificate number <year>-<G|S|B>-<sequence>, the sequence zero-padded to 3 digits (4 from 1000). */
export function certificateNumber(year: number, tier: AwardTier, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) throw new RangeError(`证书序号应为 1–9999，收到 ${sequence}`);
  return `${year}-${AWARD_TIER_LETTERS[tier]}-${String(sequence).padStart(3, '0')}`;
}

export interface QuotaUse {
  places: number | null; // null: no quota at this office (unlimited)
  used: number;
}

/** Why forwarding one more (non-exempt) nomination would exceed the quota, or null. */
export function quotaProblem(quota: QuotaUse, quotaExempt: boolean, tierLabel: string): string | null {
  if (quotaExempt || quota.places === null) return null;
  if (quota.used + 1 > quota.places) {
    return `${tierLabel}推荐名额已用完（名额 ${quota.places} 个，已上报 ${quota.used} 个）；不占名额的仅限金牌 e 类（构建和谐劳动关系先进个人）`;
  }
  return null;
}

/** 差额评审: the province names fewer than it has candidates (exempt candidates aside). */
export function competitiveSelectionProblem(candidates: number, selected: number, tierLabel: string): string | null {
  if (selected === 0) return null;
  if (selected >= candidates) {
    return `${tierLabel}应差额评审：候选 ${candidates} 人，拟命名 ${selected} 人，命名人数须少于候选人数`;
  }
  return null;
}

/** Default submission window of a campaign: cities report to the province in late October. */
export function defaultSubmissionWindow(year: number): { start: string; end: string } {
  return { start: `${year}-10-20`, end: `${year}-10-31` };
}
