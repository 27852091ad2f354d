import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { calendarYearSource, packageCalendarYears, todayIsoDate, type CalendarYearSource } from '@registry/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';

export interface CalendarYearStatus {
  year: number;
  /** working days can be counted in the year */
  entered: boolean;
  source: CalendarYearSource | null;
  /** override days of the year: days off (holidays) and days at work (调休) */
  holidays: number;
  workdays: number;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  note: string | null;
}

const FIRST_LISTED_YEAR = 2000;

// The years of the working-day calendar: chinese-days brings the State Council's arrangement up
// to its last release; for a later year the province enters the holidays and 调休 days as
// overrides and then confirms the year (calendar_year). Until then nothing counts working days
// in that year (libs/domain CalendarYearNotEnteredError). The December reminder asks
// `status(next year).entered`.
@Injectable()
export class CalendarYearsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** From the package's first year to next year, or the first year after the package's last (the next to enter), or the last entered. */
  async list(): Promise<CalendarYearStatus[]> {
    const rows = await this.rows();
    const nextYear = Number(todayIsoDate().slice(0, 4)) + 1;
    const known = packageCalendarYears(FIRST_LISTED_YEAR, nextYear + 10);
    const last = Math.max(nextYear, (known.at(-1) ?? nextYear) + 1, ...rows.map((row) => row.year));
    const first = Math.min(known[0] ?? nextYear, ...rows.map((row) => row.year));
    const byYear = new Map(rows.map((row) => [row.year, row]));
    const years: CalendarYearStatus[] = [];
    for (let year = last; year >= first; year -= 1) years.push(this.status(year, byYear.get(year)));
    return years;
  }

  /** One year (default: next year in China): whether working days can be counted in it. */
  async find(year?: number | null): Promise<CalendarYearStatus> {
    const wanted = year ?? Number(todayIsoDate().slice(0, 4)) + 1;
    if (!Number.isInteger(wanted) || wanted < FIRST_LISTED_YEAR || wanted > 2100) throw RegistryError.badInput('year', '年度应在 2000–2100 之间');
    const [row] = await this.rows(wanted);
    return this.status(wanted, row);
  }

  /** For the reminders: whether next year's holidays are entered (package or confirmed). */
  async nextYearEntered(): Promise<boolean> {
    return (await this.find()).entered;
  }

  async confirm(user: SessionUser, year: number, note: string | null): Promise<CalendarYearStatus> {
    if (!Number.isInteger(year) || year < FIRST_LISTED_YEAR || year > 2100) throw RegistryError.badInput('year', '年度应在 2000–2100 之间');
    const trimmed = note?.trim() || null;
    if (trimmed && trimmed.length > 200) throw RegistryError.badInput('note', '说明不超过 200 字');
    if (calendarYearSource(year) === 'PACKAGE') throw RegistryError.badInput('year', `日历数据包已包含 ${year} 年的节假日安排，无需录入确认`);
    await this.dataSource.transaction(async (manager) => {
      const [{ holidays }] = await manager.query(
        `select count(*) filter (where not workday)::int as holidays from calendar_override where extract(year from date) = $1`,
        [year],
      );
      if (holidays === 0) throw RegistryError.badInput('year', `请先在调整表中录入 ${year} 年的法定节假日（休息日），再确认该年`);
      await manager.query(
        `insert into calendar_year (year, confirmed_by, note) values ($1, $2, $3)
         on conflict (year) do update set confirmed_by = excluded.confirmed_by, confirmed_at = now(), note = excluded.note`,
        [year, user.id, trimmed],
      );
      await this.audit.record(user, { action: 'CALENDAR_YEAR_CONFIRM', objectType: 'calendar_year', objectId: String(year), detail: { holidays, note: trimmed } }, manager);
    });
    return this.find(year);
  }

  async unconfirm(user: SessionUser, year: number): Promise<CalendarYearStatus> {
    await this.dataSource.transaction(async (manager) => {
      const [, affected]: [unknown, number] = await manager.query(`delete from calendar_year where year = $1`, [year]);
      if (affected === 0) throw RegistryError.badInput('year', `${year} 年尚未确认`);
      await this.audit.record(user, { action: 'CALENDAR_YEAR_UNCONFIRM', objectType: 'calendar_year', objectId: String(year) }, manager);
    });
    return this.find(year);
  }

  private status(year: number, row?: CalendarYearRow): CalendarYearStatus {
    const confirmed = row?.confirmedAt ? [year] : [];
    const source = calendarYearSource(year, confirmed);
    return {
      year,
      entered: source !== null,
      source,
      holidays: row?.holidays ?? 0,
      workdays: row?.workdays ?? 0,
      confirmedAt: row?.confirmedAt ?? null,
      confirmedBy: row?.confirmedBy ?? null,
      note: row?.note ?? null,
    };
  }

  private async rows(year?: number): Promise<CalendarYearRow[]> {
    return this.dataSource.query(
      `with overrides as (
         select extract(year from date)::int as year, count(*) filter (where not workday)::int as holidays, count(*) filter (where workday)::int as workdays
         from calendar_override group by 1
       )
       select coalesce(y.year, o.year) as year, coalesce(o.holidays, 0) as holidays, coalesce(o.workdays, 0) as workdays,
         y.confirmed_at as "confirmedAt", u.username as "confirmedBy", y.note
       from calendar_year y full join overrides o on o.year = y.year left join app_user u on u.id = y.confirmed_by
       where $1::int is null or coalesce(y.year, o.year) = $1`,
      [year ?? null],
    );
  }
}

interface CalendarYearRow {
  year: number;
  holidays: number;
  workdays: number;
  confirmedAt: Date | null;
  confirmedBy: string | null;
  note: string | null;
}
