import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { activityWindowStart, chinaYear, perCoordinator, perHundred, WORK_RECORD_KINDS, type WorkRecordKind } from '@registry/domain';
import { DataSource } from 'typeorm';
import { activeAt, assignedAt } from '../analytics/rollup-sql';
import { runAsOwner } from '../auth/request-database';
import { queryPage, resolvePage } from '../common/paging';
import { scopeSql, type SessionUser } from '../common/session-user';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { RegionsService } from '../regions/regions.service';
import type { SilentCoordinatorModel, WorkFigureRowModel, WorkFiguresModel } from './work-record.model';
import { checkYear, yearDate } from './work-records.service';

interface Area {
  code: string;
  name: string;
  codes: string[];
}

/**
 * The coordinators counted in `$1` (region codes) at the year's date (`$2`: null for the current
 * year, "now"), the same rule as the coverage figures (ADR 0800): the assignment held then, in the
 * corps then. Names `a` (assignment) and `c` (coordinator).
 */
const COUNTED = `coordinator_assignment a join coordinator c on c.id = a.coordinator_id
  where a.region_code = any($1::varchar[]) and ${assignedAt('a', '$2::date')} and ${activeAt('c', '$2::date')}`;
/** Recorded work of `c` in the window $3 … $4 (the 12 months up to the date). */
const WORKED = `exists (select 1 from work_record w where w.coordinator_id = c.id and w.recorded_on >= $3::date and w.recorded_on <= $4::date)`;

// 六(三) figures of a region and year, effective-dated (ADR 0800, 0910): records by their own date
// and the region they were counted in, through that year's hierarchy; coordinators where their
// assignment of the year's date was; silent = no recorded work in the 12 months up to that date;
// per 100 enterprises = every enterprise open on that date. Counts only, read as the owner (like
// the roll-ups) so that a person who moved out since still counts where they were; the lists
// behind them (work records, silent coordinators) go through the jurisdiction.
@Injectable()
export class WorkFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
  ) {}

  private dates(year: number) {
    checkYear(year);
    const asOf = yearDate(year);
    return { asOf, stated: year === chinaYear() ? null : asOf, windowStart: activityWindowStart(asOf) };
  }

  async figures(user: SessionUser, regionCode: string | null | undefined, year: number): Promise<WorkFiguresModel> {
    const { asOf, stated, windowStart } = this.dates(year);
    const region = this.regions.asOn(regionCode ? this.regions.requireReadable(regionCode, user) : this.regions.find(user.regionCode)!, asOf);
    const children = this.regions.childrenOn(region.code, asOf);
    const areas: Area[] = [
      ...(children.length > 0 ? [{ code: region.code, name: `${region.name}（本级）`, codes: [region.code] }] : []),
      ...children.map((child) => ({ code: child.code, name: child.name, codes: this.regions.codesWithinOn(child.code, asOf) })),
    ];
    const codes = this.regions.codesWithinOn(region.code, asOf);
    const [records, coordinators, enterprises] = await runAsOwner(() =>
      Promise.all([
        this.dataSource.query(
          `select w.region_code, w.kind, count(*)::int as records, coalesce(sum(w.count), 0)::int as count,
             coalesce(sum(w.count) filter (where w.outcome = 'MEDIATED'), 0)::int as succeeded
           from work_record w
           where w.region_code = any($1::varchar[]) and w.recorded_on >= make_date($2, 1, 1) and w.recorded_on <= $3::date
           group by 1, 2`,
          [codes, year, asOf],
        ) as Promise<{ region_code: string; kind: WorkRecordKind; records: number; count: number; succeeded: number }[]>,
        this.dataSource.query(
          `select a.region_code, count(*)::int as coordinators, count(*) filter (where ${WORKED})::int as active
           from ${COUNTED} group by 1`,
          [codes, stated, windowStart, asOf],
        ) as Promise<{ region_code: string; coordinators: number; active: number }[]>,
        this.dataSource.query(
          `select e.region_code, count(*)::int as enterprises from enterprise e
           where e.region_code = any($1::varchar[])
             and exists (select 1 from enterprise_period p where p.enterprise_id = e.id and p.open_from <= $2::date and (p.open_to is null or p.open_to >= $2::date))
           group by 1`,
          [codes, asOf],
        ) as Promise<{ region_code: string; enterprises: number }[]>,
      ]),
    );
    const rowOf = (area: Area): WorkFigureRowModel => {
      const within = new Set(area.codes);
      const mine = records.filter((row) => within.has(row.region_code));
      const byKind = WORK_RECORD_KINDS.map((kind) => {
        const rows = mine.filter((row) => row.kind === kind);
        return { kind: kind as never, records: rows.reduce((sum, row) => sum + row.records, 0), count: rows.reduce((sum, row) => sum + row.count, 0) };
      });
      const countOf = (kind: WorkRecordKind) => byKind.find((entry) => entry.kind === kind)!.count;
      const people = coordinators.filter((row) => within.has(row.region_code));
      const counted = people.reduce((sum, row) => sum + row.coordinators, 0);
      const active = people.reduce((sum, row) => sum + row.active, 0);
      const base = enterprises.filter((row) => within.has(row.region_code)).reduce((sum, row) => sum + row.enterprises, 0);
      const disputes = countOf('DISPUTE_MEDIATED');
      const consultations = countOf('CONSULTATION');
      return {
        regionCode: area.code,
        regionName: area.name,
        disputesMediated: disputes,
        mediationsSucceeded: mine.reduce((sum, row) => sum + row.succeeded, 0),
        consultations,
        records: mine.reduce((sum, row) => sum + row.records, 0),
        byKind,
        coordinators: counted,
        activeCoordinators: active,
        silentCoordinators: counted - active,
        enterprises: base,
        disputesPerCoordinator: perCoordinator(disputes, counted),
        consultationsPerCoordinator: perCoordinator(consultations, counted),
        disputesPer100Enterprises: perHundred(disputes, base),
        consultationsPer100Enterprises: perHundred(consultations, base),
      };
    };
    return {
      regionCode: region.code,
      year,
      asOf,
      total: rowOf({ code: region.code, name: region.name, codes }),
      children: areas.map(rowOf),
    };
  }

  /** The coordinators behind `silentCoordinators` of a figure, within the jurisdiction: longest silent first. */
  async silent(user: SessionUser, regionCode: string | null | undefined, year: number, page: { offset?: number | null; limit?: number | null }) {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const { asOf, stated, windowStart } = this.dates(year);
    const region = regionCode ? this.regions.requireReadable(regionCode, user) : this.regions.find(user.regionCode)!;
    const codes = this.regions.codesWithinOn(region.code, asOf);
    const { total, rows } = await queryPage<Record<string, any>>(
      this.dataSource,
      {
        with: `with silent as (
          select c.id, c.name, a.region_code, coalesce(e.name, a.unit_name) as employer,
            (select max(w.recorded_on) from work_record w where w.coordinator_id = c.id and w.recorded_on <= $4::date)::text as last_recorded_on
          from ${COUNTED.replace('where ', 'left join enterprise e on e.id = a.enterprise_id where ')} and not ${WORKED} and ${scopeSql('c.region_path', '$5')})`,
        columns: `s.id::text as id, s.name, s.region_code, s.employer, s.last_recorded_on`,
        from: `from silent s`,
        orderBy: 's.last_recorded_on asc nulls first, s.name asc, s.id asc',
        parameters: [codes, stated, windowStart, asOf, user.scopePath],
      },
      { offset, limit },
    );
    const items: SilentCoordinatorModel[] = rows.map((row) => ({
      coordinatorId: row.id,
      name: row.name,
      regionCode: row.region_code,
      employer: row.employer,
      lastRecordedOn: row.last_recorded_on,
    }));
    return { total, offset, limit, items };
  }
}
