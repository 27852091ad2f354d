// In-app reminders: what a signed-in user must act on, derived from facts the api gathers within
// the user's jurisdiction. The rules live here so that they read as the notice does and are
// tested without a database; the api only counts.
import type { Role } from '../accounts';
import { compareDates, parseIsoDate, type IsoDate } from '../dates';
import type { AwardTier } from '../eligibility';

export type ReminderKind =
  | 'SUBMISSION_OPENING'
  | 'SUBMISSION_OPEN'
  | 'SUBMISSION_CLOSING'
  | 'PUBLICITY_ENDING'
  | 'OBJECTIONS_WAITING'
  | 'REVIEW_QUEUE'
  | 'PASSWORD_EXPIRING'
  | 'YEAR_END_SUMMARY'
  | 'YEAR_NOT_CLOSED'
  | 'CALENDAR_NEXT_YEAR'
  | 'IMPORT_FAILED';

export type ReminderSeverity = 'URGENT' | 'WARNING' | 'INFO';

export interface Reminder {
  /** stable within a day: the same reminder keeps its key (the web remembers which were seen) */
  key: string;
  kind: ReminderKind;
  severity: ReminderSeverity;
  /** the Chinese sentence; the web renders its own from kind and the fields below */
  message: string;
  /** the day by which to act, when there is one */
  dueOn: IsoDate | null;
  /** how many things wait (nominations, objections, failed imports), when it is a count */
  count: number | null;
  year: number | null;
  tier: AwardTier | null;
  /** where to act, a path of the web app */
  link: string;
}

/** How far ahead a closing submission window or a password expiry is announced. */
export const SUBMISSION_CLOSING_DAYS = 7;
export const SUBMISSION_OPENING_DAYS = 14;
export const PUBLICITY_ENDING_DAYS = 3;
export const PASSWORD_EXPIRY_NOTICE_DAYS = 14;
/** Failed imports are reminded of for a week. */
export const IMPORT_FAILURE_DAYS = 7;

const TIER_NAMES: Record<AwardTier, string> = { GOLD: '金牌', SILVER: '银牌', BRONZE: '铜牌' };

export interface ReminderFacts {
  today: IsoDate;
  role: Role;
  /** the running campaign (this year's), as seen by the user's office */
  campaign: {
    year: number;
    submissionStart: IsoDate;
    submissionEnd: IsoDate;
    published: boolean;
    /** places still unused by the user's own office, per tier (offices with a quota only) */
    placesLeft: { tier: AwardTier; left: number }[];
  } | null;
  /** nominations in the jurisdiction whose publicity ends within the notice period (or ended, not yet submitted) */
  publicityEnding: { count: number; earliestEnd: IsoDate } | null;
  /** open objections on nominations in the jurisdiction */
  objectionsOpen: number;
  /** nominations waiting at the user's own office, per tier, for the running campaign */
  reviewQueue: { tier: AwardTier; count: number }[];
  /** the last day the password is valid; null when it never expires (exempt) */
  passwordValidUntil: IsoDate | null;
  /** the user's own imports that failed within IMPORT_FAILURE_DAYS */
  failedImports: number;
  /** the year-end summary: whether the previous year has been closed (null when closing is not recorded) */
  previousYearClosed: boolean | null;
  /** whether the next year's holidays are known (the package or a confirmed province entry) */
  nextYearCalendarEntered: boolean;
}

const OFFICES: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE'];
const NOMINATORS: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE', 'TOWNSHIP_PLATFORM'];

function daysFrom(today: IsoDate, day: IsoDate): number {
  return Math.round((parseIsoDate(day).getTime() - parseIsoDate(today).getTime()) / 86_400_000);
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The reminders for one user, most urgent first. */
export function reminders(facts: ReminderFacts): Reminder[] {
  const { today, role } = facts;
  const out: Reminder[] = [];
  const add = (reminder: Omit<Reminder, 'year' | 'tier' | 'count' | 'dueOn'> & Partial<Pick<Reminder, 'year' | 'tier' | 'count' | 'dueOn'>>) =>
    out.push({ year: null, tier: null, count: null, dueOn: null, ...reminder });

  const campaign = facts.campaign;
  if (campaign && !campaign.published && NOMINATORS.includes(role)) {
    const left = campaign.placesLeft.filter((place) => place.left > 0);
    const leftText = left.map((place) => `${TIER_NAMES[place.tier]}尚余 ${place.left} 个名额`).join('，');
    const untilStart = daysFrom(today, campaign.submissionStart);
    const untilEnd = daysFrom(today, campaign.submissionEnd);
    const quotaMatters = role === 'TOWNSHIP_PLATFORM' || role === 'PROVINCE_ADMIN' || left.length > 0;
    if (untilStart > 0 && untilStart <= SUBMISSION_OPENING_DAYS && quotaMatters) {
      add({
        key: `SUBMISSION_OPENING:${campaign.year}`,
        kind: 'SUBMISSION_OPENING',
        severity: 'INFO',
        message: `${campaign.year} 年度评选申报将于 ${campaign.submissionStart} 开始（截止 ${campaign.submissionEnd}）${leftText ? `，${leftText}` : ''}`,
        dueOn: campaign.submissionStart,
        year: campaign.year,
        link: '/awards',
      });
    } else if (untilStart <= 0 && untilEnd >= 0 && quotaMatters) {
      const closing = untilEnd <= SUBMISSION_CLOSING_DAYS;
      add({
        key: `${closing ? 'SUBMISSION_CLOSING' : 'SUBMISSION_OPEN'}:${campaign.year}`,
        kind: closing ? 'SUBMISSION_CLOSING' : 'SUBMISSION_OPEN',
        severity: closing ? 'URGENT' : 'INFO',
        message: closing
          ? `${campaign.year} 年度评选申报将于 ${campaign.submissionEnd} 截止（还剩 ${untilEnd} 天）${leftText ? `，${leftText}` : ''}`
          : `${campaign.year} 年度评选申报进行中，截止 ${campaign.submissionEnd}${leftText ? `，${leftText}` : ''}`,
        dueOn: campaign.submissionEnd,
        year: campaign.year,
        count: left.length ? left.reduce((sum, place) => sum + place.left, 0) : null,
        link: '/awards',
      });
    }
  }

  if (facts.publicityEnding && facts.publicityEnding.count > 0 && NOMINATORS.includes(role)) {
    const { count, earliestEnd } = facts.publicityEnding;
    const ended = compareDates(earliestEnd, today) < 0;
    add({
      key: `PUBLICITY_ENDING:${earliestEnd}`,
      kind: 'PUBLICITY_ENDING',
      severity: ended ? 'URGENT' : 'WARNING',
      message: ended ? `${count} 个推荐对象公示期已结束，待申报` : `${count} 个推荐对象公示期将于 ${earliestEnd} 结束`,
      dueOn: earliestEnd,
      count,
      link: '/awards?tab=nominations',
    });
  }

  if (facts.objectionsOpen > 0 && NOMINATORS.includes(role)) {
    add({
      key: 'OBJECTIONS_WAITING',
      kind: 'OBJECTIONS_WAITING',
      severity: 'URGENT',
      message: `${facts.objectionsOpen} 条公示异议待处理`,
      count: facts.objectionsOpen,
      link: '/awards?tab=nominations',
    });
  }

  if (OFFICES.includes(role)) {
    for (const { tier, count } of facts.reviewQueue) {
      if (count <= 0) continue;
      add({
        key: `REVIEW_QUEUE:${campaign?.year ?? ''}:${tier}`,
        kind: 'REVIEW_QUEUE',
        severity: 'WARNING',
        message: `${count} 个${TIER_NAMES[tier]}推荐待本单位审核`,
        count,
        tier,
        year: campaign?.year ?? null,
        link: `/awards?tab=review&tier=${tier}`,
      });
    }
  }

  if (facts.passwordValidUntil) {
    const left = daysFrom(today, facts.passwordValidUntil);
    if (left <= PASSWORD_EXPIRY_NOTICE_DAYS) {
      add({
        key: `PASSWORD_EXPIRING:${facts.passwordValidUntil}`,
        kind: 'PASSWORD_EXPIRING',
        severity: left <= 3 ? 'URGENT' : 'WARNING',
        message: left < 0 ? '密码已过期，请立即修改' : `密码将于 ${facts.passwordValidUntil} 到期（还剩 ${left} 天），请及时修改`,
        dueOn: facts.passwordValidUntil,
        link: '/change-password',
      });
    }
  }

  // 六(五): the year's work summary is reported by 31 December.
  const year = yearOf(today);
  if (today.slice(5, 7) === '12' && (OFFICES.includes(role) || role === 'LEADER')) {
    add({
      key: `YEAR_END_SUMMARY:${year}`,
      kind: 'YEAR_END_SUMMARY',
      severity: daysFrom(today, `${year}-12-31`) <= 7 ? 'WARNING' : 'INFO',
      message: `${year} 年度工作总结应于 ${year}-12-31 前报送（六(五)）`,
      dueOn: `${year}-12-31`,
      year,
      link: '/dashboard/summary',
    });
  }
  if (role === 'PROVINCE_ADMIN' && facts.previousYearClosed === false) {
    add({
      key: `YEAR_NOT_CLOSED:${year - 1}`,
      kind: 'YEAR_NOT_CLOSED',
      severity: 'WARNING',
      message: `${year - 1} 年度数据尚未锁定（年度数据锁定）`,
      year: year - 1,
      link: '/dashboard',
    });
  }
  if (role === 'PROVINCE_ADMIN' && today.slice(5, 7) === '12' && !facts.nextYearCalendarEntered) {
    add({
      key: `CALENDAR_NEXT_YEAR:${year + 1}`,
      kind: 'CALENDAR_NEXT_YEAR',
      severity: 'WARNING',
      message: `${year + 1} 年节假日安排尚未录入，明年的公示期无法计算`,
      dueOn: `${year}-12-31`,
      year: year + 1,
      link: '/awards?tab=setup',
    });
  }

  if (facts.failedImports > 0) {
    add({
      key: `IMPORT_FAILED:${today}`,
      kind: 'IMPORT_FAILED',
      severity: 'WARNING',
      message: `近 ${IMPORT_FAILURE_DAYS} 天有 ${facts.failedImports} 个导入任务失败`,
      count: facts.failedImports,
      link: '/imports',
    });
  }

  const rank: Record<ReminderSeverity, number> = { URGENT: 0, WARNING: 1, INFO: 2 };
  return out
    .map((reminder, index) => ({ reminder, index }))
    .sort((left, right) => rank[left.reminder.severity] - rank[right.reminder.severity] || left.index - right.index)
    .map(({ reminder }) => reminder);
}
