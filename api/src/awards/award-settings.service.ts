import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CalendarYearNotEnteredError,
  DEFAULT_ELIGIBILITY_TABLES,
  isValidIsoDate,
  normalizeName,
  publicityWindow,
  type CalendarOverride,
  type EligibilityTables,
  type PublicityWindow,
  type WorkingDayCalendar,
} from '@registry/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { EligibilityTableKind } from './dto/award-settings.input';

// The administrator's two tables behind the rules: calendar overrides (a local holiday, or a
// year chinese-days does not know yet) and additions to / exclusions from the eligibility lists.
// Both are small (tens of rows): read fresh on every evaluation, so that several app instances
// on one database never disagree.

type ListKey = Exclude<keyof EligibilityTables, 'titleLevelEquivalents'>;
const LIST_OF_KIND: Record<Exclude<EligibilityTableKind, EligibilityTableKind.TITLE_LEVEL>, ListKey> = {
  [EligibilityTableKind.RELATED_OCCUPATION]: 'relatedOccupations',
  [EligibilityTableKind.RELATED_OCCUPATION_KEYWORD]: 'relatedOccupationKeywords',
  [EligibilityTableKind.RELATED_MAJOR]: 'relatedMajors',
  [EligibilityTableKind.RELATED_MAJOR_KEYWORD]: 'relatedMajorKeywords',
  [EligibilityTableKind.HARMONY_HONOR_KEYWORD]: 'harmonyHonorKeywords',
  [EligibilityTableKind.FIELD_HONOR_KEYWORD]: 'fieldHonorKeywords',
};

export interface EligibilityTableEntry {
  kind: EligibilityTableKind;
  value: string;
  level: number | null;
  /** DEFAULT: from the notice (libs/domain); ADDED: by an administrator */
  source: 'DEFAULT' | 'ADDED';
  excluded: boolean;
}

@Injectable()
export class AwardSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ── calendar ────────────────────────────────────────────────────────────────────────────

  async calendarOverrides(): Promise<CalendarOverride[]> {
    const rows: { date: string; workday: boolean; note: string | null }[] = await this.dataSource.query(
      `select date, workday, note from calendar_override order by date`,
    );
    return rows.map((row) => ({ date: row.date, workday: row.workday, note: row.note ?? undefined }));
  }

  /** The override table and the years the province confirmed: what every working-day count takes. */
  async workingDayCalendar(): Promise<WorkingDayCalendar> {
    const [overrides, years] = await Promise.all([
      this.calendarOverrides(),
      this.dataSource.query(`select year from calendar_year order by year`) as Promise<{ year: number }[]>,
    ]);
    return { overrides, confirmedYears: years.map((row) => row.year) };
  }

  async publicityWindow(start: string): Promise<PublicityWindow> {
    if (!isValidIsoDate(start)) throw RegistryError.badInput('start', '日期无效');
    try {
      return publicityWindow(start, undefined, await this.workingDayCalendar());
    } catch (error) {
      if (error instanceof CalendarYearNotEnteredError) throw RegistryError.badInput('start', error.message, { year: error.year });
      if (error instanceof RangeError) throw RegistryError.badInput('start', error.message);
      throw error;
    }
  }

  async setCalendarOverride(user: SessionUser, date: string, workday: boolean, note: string | null): Promise<CalendarOverride> {
    if (!isValidIsoDate(date)) throw RegistryError.badInput('date', '日期无效');
    const trimmed = note?.trim() || null;
    if (trimmed && trimmed.length > 200) throw RegistryError.badInput('note', '说明不超过 200 字');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `insert into calendar_override (date, workday, note, updated_by) values ($1, $2, $3, $4)
         on conflict (date) do update set workday = excluded.workday, note = excluded.note, updated_by = excluded.updated_by, updated_at = now()`,
        [date, workday, trimmed, user.id],
      );
      await this.audit.record(user, { action: 'CALENDAR_OVERRIDE_SET', objectType: 'calendar_override', objectId: date, detail: { workday, note: trimmed } }, manager);
    });
    return { date, workday, note: trimmed ?? undefined };
  }

  async removeCalendarOverride(user: SessionUser, date: string): Promise<boolean> {
    if (!isValidIsoDate(date)) throw RegistryError.badInput('date', '日期无效');
    const removed = await this.dataSource.transaction(async (manager) => {
      // TypeORM answers a DELETE with [rows, affected count]
      const [, affected]: [unknown, number] = await manager.query(`delete from calendar_override where date = $1`, [date]);
      if (affected === 0) return false;
      await this.audit.record(user, { action: 'CALENDAR_OVERRIDE_REMOVE', objectType: 'calendar_override', objectId: date }, manager);
      return true;
    });
    return removed;
  }

  // ── eligibility tables ──────────────────────────────────────────────────────────────────

  async eligibilityTables(): Promise<EligibilityTables> {
    const rows = await this.storedEntries();
    const tables: EligibilityTables = structuredClone(DEFAULT_ELIGIBILITY_TABLES);
    for (const row of rows) {
      if (row.kind === EligibilityTableKind.TITLE_LEVEL) {
        tables.titleLevelEquivalents = tables.titleLevelEquivalents.filter((entry) => normalizeName(entry.title) !== normalizeName(row.value));
        if (!row.excluded && row.level) tables.titleLevelEquivalents.push({ title: row.value, level: row.level as 1 | 2 | 3 | 4 | 5 });
        continue;
      }
      const key = LIST_OF_KIND[row.kind];
      const without = tables[key].filter((value) => normalizeName(value) !== normalizeName(row.value));
      tables[key] = row.excluded ? without : [...without, row.value];
    }
    return tables;
  }

  /** Every entry in force or excluded, defaults first, for the administrator's page. */
  async eligibilityTableEntries(): Promise<EligibilityTableEntry[]> {
    const stored = await this.storedEntries();
    const storedKey = (kind: string, value: string) => `${kind}|${normalizeName(value)}`;
    const byKey = new Map(stored.map((row) => [storedKey(row.kind, row.value), row]));
    const entries: EligibilityTableEntry[] = [];
    const defaults: { kind: EligibilityTableKind; value: string; level: number | null }[] = [
      ...DEFAULT_ELIGIBILITY_TABLES.titleLevelEquivalents.map((entry) => ({ kind: EligibilityTableKind.TITLE_LEVEL, value: entry.title, level: entry.level as number })),
      ...(Object.entries(LIST_OF_KIND) as [EligibilityTableKind, ListKey][]).flatMap(([kind, key]) =>
        DEFAULT_ELIGIBILITY_TABLES[key].map((value) => ({ kind, value, level: null })),
      ),
    ];
    for (const entry of defaults) {
      const row = byKey.get(storedKey(entry.kind, entry.value));
      byKey.delete(storedKey(entry.kind, entry.value));
      entries.push({ ...entry, level: row?.level ?? entry.level, source: 'DEFAULT', excluded: row?.excluded ?? false });
    }
    for (const row of byKey.values()) entries.push({ kind: row.kind, value: row.value, level: row.level, source: 'ADDED', excluded: row.excluded });
    return entries;
  }

  async setEligibilityTableEntry(user: SessionUser, kind: EligibilityTableKind, value: string, level: number | null, excluded: boolean): Promise<EligibilityTableEntry[]> {
    const name = normalizeName(value);
    if (!name) throw RegistryError.badInput('value', '名称不能为空');
    if (name.length > 100) throw RegistryError.badInput('value', '名称不超过 100 字');
    if (kind === EligibilityTableKind.TITLE_LEVEL && !excluded && !(Number.isInteger(level) && level! >= 1 && level! <= 5)) {
      throw RegistryError.badInput('level', '职称对应的技能等级应为 1（一级）到 5（五级）');
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `insert into eligibility_table_entry (kind, value, level, excluded, updated_by) values ($1, $2, $3, $4, $5)
         on conflict (kind, value) do update set level = excluded.level, excluded = excluded.excluded, updated_by = excluded.updated_by, updated_at = now()`,
        [kind, name, kind === EligibilityTableKind.TITLE_LEVEL ? level : null, excluded, user.id],
      );
      await this.audit.record(user, { action: 'ELIGIBILITY_TABLE_SET', objectType: 'eligibility_table_entry', objectId: `${kind}:${name}`, detail: { level, excluded } }, manager);
    });
    return this.eligibilityTableEntries();
  }

  /** Drops an administrator's row: an addition disappears, an excluded default comes back. */
  async resetEligibilityTableEntry(user: SessionUser, kind: EligibilityTableKind, value: string): Promise<EligibilityTableEntry[]> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`delete from eligibility_table_entry where kind = $1 and value = $2`, [kind, normalizeName(value)]);
      await this.audit.record(user, { action: 'ELIGIBILITY_TABLE_RESET', objectType: 'eligibility_table_entry', objectId: `${kind}:${normalizeName(value)}` }, manager);
    });
    return this.eligibilityTableEntries();
  }

  private async storedEntries(): Promise<{ kind: EligibilityTableKind; value: string; level: number | null; excluded: boolean }[]> {
    return this.dataSource.query(`select kind, value, level, excluded from eligibility_table_entry order by id`);
  }
}
