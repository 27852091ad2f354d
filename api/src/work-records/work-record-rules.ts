import { compareDates, todayIsoDate, workRecordDay, WORK_RECORD_KIND_LABELS } from '@registry/domain';
import { RegistryError } from '../common/registry-error';

export interface WorkRecordFields {
  kind: string;
  count?: number | null;
  recordedOn: string;
  precision?: 'DAY' | 'MONTH' | null;
  outcome?: string | null;
}

/**
 * The rules of one work record, wherever it comes from (its own form, the coordinator's
 * sub-records, an import row): a real day or month not after today, a count ≥ 0, an outcome for
 * a mediation only. `prefix` names the field as the caller sent it ("workRecords[2].").
 * Answers the day to store (the month's 1st for MONTH).
 */
export function validateWorkRecord(record: WorkRecordFields, prefix = ''): string {
  if (!(record.kind in WORK_RECORD_KIND_LABELS)) throw RegistryError.badInput(`${prefix}kind`, '工作类型无效');
  const count = record.count ?? 1;
  if (!Number.isInteger(count) || count < 0) throw RegistryError.badInput(`${prefix}count`, '次数应为不小于 0 的整数');
  if (count > 100_000) throw RegistryError.badInput(`${prefix}count`, '次数最多 100000');
  const precision = record.precision ?? 'DAY';
  const day = typeof record.recordedOn === 'string' ? workRecordDay(record.recordedOn, precision) : null;
  if (!day) throw RegistryError.badInput(`${prefix}recordedOn`, precision === 'MONTH' ? '月份无效（如 2025-03）' : '日期无效');
  if (compareDates(day, todayIsoDate()) > 0) throw RegistryError.badInput(`${prefix}recordedOn`, `日期 ${record.recordedOn} 晚于今天`);
  if (record.outcome && record.kind !== 'DISPUTE_MEDIATED') throw RegistryError.badInput(`${prefix}outcome`, '只有“调解劳动争议”可填写调解结果');
  return day;
}
