// 六(三) 工作情况: what coordinators do, as dated records (docs/decisions/0910-work-records.md).
import { addDays, addMonths, isValidIsoDate, type IsoDate } from '../dates';

export type WorkRecordKind =
  | 'DISPUTE_MEDIATED' // 调解劳动争议
  | 'POLICY_PUBLICITY' // 政策宣传
  | 'EMPLOYMENT_GUIDANCE' // 用工指导
  | 'COLLECTIVE_NEGOTIATION' // 集体协商
  | 'TRAINING_GIVEN' // 培训授课
  | 'CONSULTATION' // 咨询接待
  | 'OTHER'; // 其他

export const WORK_RECORD_KINDS: WorkRecordKind[] = [
  'DISPUTE_MEDIATED',
  'POLICY_PUBLICITY',
  'EMPLOYMENT_GUIDANCE',
  'COLLECTIVE_NEGOTIATION',
  'TRAINING_GIVEN',
  'CONSULTATION',
  'OTHER',
];

export const WORK_RECORD_KIND_LABELS: Record<WorkRecordKind, string> = {
  DISPUTE_MEDIATED: '调解劳动争议',
  POLICY_PUBLICITY: '政策宣传',
  EMPLOYMENT_GUIDANCE: '用工指导',
  COLLECTIVE_NEGOTIATION: '集体协商',
  TRAINING_GIVEN: '培训授课',
  CONSULTATION: '咨询接待',
  OTHER: '其他',
};

/** The outcome of a mediation (调解劳动争议 only). */
export type WorkRecordOutcome = 'MEDIATED' | 'NOT_MEDIATED' | 'REFERRED_TO_ARBITRATION' | 'WITHDRAWN';
export const WORK_RECORD_OUTCOMES: WorkRecordOutcome[] = ['MEDIATED', 'NOT_MEDIATED', 'REFERRED_TO_ARBITRATION', 'WITHDRAWN'];
export const WORK_RECORD_OUTCOME_LABELS: Record<WorkRecordOutcome, string> = {
  MEDIATED: '调解成功',
  NOT_MEDIATED: '调解未成功',
  REFERRED_TO_ARBITRATION: '转仲裁',
  WITHDRAWN: '当事人撤回',
};

/** A record is dated to the day, or only to a month (then held as the month's first day). */
export type WorkRecordPrecision = 'DAY' | 'MONTH';
export const WORK_RECORD_PRECISION_LABELS: Record<WorkRecordPrecision, string> = { DAY: '按日', MONTH: '按月' };

/** Silent (未开展工作): no recorded work in the 12 months up to the figure's date. */
export const SILENT_AFTER_MONTHS = 12;

/** The first day of the window of recorded work that makes a coordinator active on `asOf`. */
export function activityWindowStart(asOf: IsoDate): IsoDate {
  return addDays(addMonths(asOf, -SILENT_AFTER_MONTHS), 1);
}

/** The day a record is held at: the date itself, or the month's first day ("2025-03" or any day in it). */
export function workRecordDay(value: string, precision: WorkRecordPrecision): IsoDate | null {
  const text = value.trim();
  if (precision === 'MONTH') {
    const month = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(text);
    if (!month) return null;
    const day = `${month[1]}-${month[2]}-01`;
    return isValidIsoDate(day) ? day : null;
  }
  return isValidIsoDate(text) ? text : null;
}

/** Per 100: one decimal, null without a denominator. */
export function perHundred(count: number, base: number): number | null {
  return base > 0 ? Math.round((count * 1000) / base) / 10 : null;
}

/** Per coordinator: two decimals, null without coordinators. */
export function perCoordinator(count: number, coordinators: number): number | null {
  return coordinators > 0 ? Math.round((count * 100) / coordinators) / 100 : null;
}
