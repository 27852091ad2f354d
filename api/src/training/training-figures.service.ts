import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isWithinScope } from '@registry/domain';
import { DataSource } from 'typeorm';
import { queryPage, resolvePage } from '../common/paging';
import { RegistryError } from '../common/registry-error';
import { scopeSql, type SessionUser } from '../common/session-user';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { RegionsService } from '../regions/regions.service';
import type { SubsidyKind } from '../coordinators/dto/sub-record.input';
import type { CoordinatorTrainingHoursModel, TrainingFiguresModel } from './training.model';

const SUBSIDY_KINDS: SubsidyKind[] = ['VOCATIONAL_TRAINING', 'LIVING_ALLOWANCE', 'SKILL_UPGRADE'] as SubsidyKind[];
const COMPLETED = `t.result in ('ATTENDED', 'PASSED')`;
const yearOf = (column: string, parameter: string) => `${column} >= make_date(${parameter}, 1, 1) and ${column} < make_date(${parameter} + 1, 1, 1)`;

// The figures of 五 and 六(二), each one GROUP BY over the base tables within the scope:
// people trained and hours per year, skill-level certificates per level and year (every
// certificate of the registry, not only those recorded here), subsidies per child region and
// kind, and the 六(二) priority group.
@Injectable()
export class TrainingFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
  ) {}

  async figures(user: SessionUser, regionCode: string | null | undefined, fromYear: number, toYear: number, minIncidents: number): Promise<TrainingFiguresModel> {
    if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || toYear - fromYear > 20 || fromYear < 2000 || toYear > 2100) {
      throw RegistryError.badInput('fromYear', '年份范围无效（最多 21 年）');
    }
    if (!Number.isInteger(minIncidents) || minIncidents < 1 || minIncidents > 100) throw RegistryError.badInput('minIncidents', '应为 1–100 的整数');
    const region = regionCode ? this.regions.requireReadable(regionCode, user) : this.regions.find(user.regionCode)!;
    const path = region.path;
    const trained: { year: number; people: number; hours: string }[] = await this.dataSource.query(
      `select extract(year from t.completed_on)::int as year, count(distinct t.coordinator_id)::int as people, coalesce(sum(t.hours), 0) as hours
       from training_participation t
       where ${scopeSql('t.region_path', '$1')} and ${COMPLETED} and t.completed_on >= make_date($2, 1, 1) and t.completed_on < make_date($3 + 1, 1, 1)
       group by 1`,
      [path, fromYear, toYear],
    );
    const certified: { year: number; level: number; people: number }[] = await this.dataSource.query(
      `select extract(year from k.issued_on)::int as year, k.level, count(distinct k.coordinator_id)::int as people
       from certificate k join coordinator c on c.id = k.coordinator_id
       where ${scopeSql('c.region_path', '$1')} and k.level is not null and k.issued_on >= make_date($2, 1, 1) and k.issued_on < make_date($3 + 1, 1, 1)
       group by 1, 2`,
      [path, fromYear, toYear],
    );
    const years = [];
    for (let year = fromYear; year <= toYear; year++) {
      const row = trained.find((entry) => entry.year === year);
      years.push({
        year,
        trainedPeople: row?.people ?? 0,
        trainingHours: Number(row?.hours ?? 0),
        certified: [1, 2, 3, 4, 5].map((level) => ({ level, people: certified.find((entry) => entry.year === year && entry.level === level)?.people ?? 0 })),
      });
    }

    // each child region, and the region's own level (records filed at the region itself, e.g. a
    // county's people registered at county level rather than in a township)
    const children = this.regions.list(user, region.code).filter((child) => isWithinScope(child.path, user.scopePath));
    const areas = [
      { code: region.code, name: children.length > 0 ? `${region.name}（本级）` : region.name, path: region.path, exact: children.length > 0 },
      ...children.map((child) => ({ code: child.code, name: child.name, path: child.path, exact: false })),
    ];
    const subsidyRows: Record<string, any>[] = await this.dataSource.query(
      `with area(code, path, exact) as (select * from unnest($1::varchar[], $2::varchar[], $5::boolean[]))
       select a.code, k.kind,
         count(*) filter (where k.state = 'GRANTED' and ${yearOf('k.decided_on', '$3')})::int as granted,
         coalesce(sum(k.amount) filter (where k.state = 'GRANTED' and ${yearOf('k.decided_on', '$3')}), 0) as granted_amount,
         count(*) filter (where k.state = 'APPLIED')::int as applied,
         count(*) filter (where k.state = 'REFUSED' and ${yearOf('k.decided_on', '$3')})::int as refused
       from area a join subsidy_claim k on (a.exact and k.region_path = a.path) or (not a.exact and k.region_path >= a.path and k.region_path < a.path || '~')
       where ${scopeSql('k.region_path', '$4')}
       group by a.code, k.kind`,
      [areas.map((area) => area.code), areas.map((area) => area.path), toYear, user.scopePath, areas.map((area) => area.exact)],
    );
    const subsidies = areas.flatMap((area) =>
      SUBSIDY_KINDS.map((kind) => {
        const row = subsidyRows.find((entry) => entry.code === area.code && entry.kind === kind);
        return {
          regionCode: area.code,
          regionName: area.name,
          kind,
          granted: row?.granted ?? 0,
          grantedAmount: Number(row?.granted_amount ?? 0),
          applied: row?.applied ?? 0,
          refused: row?.refused ?? 0,
        };
      }),
    );

    // 六(二): employers with at least minIncidents incidents in the year and the two before
    const [priority] = await this.dataSource.query(
      `with flagged as (
         select e.id from enterprise e
         where ${scopeSql('e.region_path', '$1')} and e.active
           and (select count(*) from enterprise_incident i where i.enterprise_id = e.id
                and i.occurred_on >= make_date($2 - 2, 1, 1) and i.occurred_on < make_date($2 + 1, 1, 1)) >= $3),
       staff as (select c.id from coordinator c join flagged f on f.id = c.enterprise_id where c.status = 'ACTIVE')
       select (select count(*) from flagged)::int as enterprises, (select count(*) from staff)::int as staff,
         (select count(distinct t.coordinator_id) from training_participation t join staff s on s.id = t.coordinator_id
          where ${COMPLETED} and ${yearOf('t.completed_on', '$2')})::int as trained_staff`,
      [path, toYear, minIncidents],
    );
    return {
      regionCode: region.code,
      years,
      subsidies,
      priorityGroup: { year: toYear, minIncidents, enterprises: priority.enterprises, staff: priority.staff, trainedStaff: priority.trained_staff },
    };
  }

  /** Continuing-education hours per person in a year (attended or passed trainings), most hours first. */
  async hours(user: SessionUser, regionCode: string | null | undefined, year: number, page: { offset?: number | null; limit?: number | null }) {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw RegistryError.badInput('year', '年份无效');
    const path = this.regions.filterPath(user, regionCode);
    const { total, rows } = await queryPage<Record<string, any>>(
      this.dataSource,
      {
        with: `with person as (
          select t.coordinator_id, sum(t.hours) as hours, count(*)::int as sessions from training_participation t
          where ${scopeSql('t.region_path', '$1')} and ${COMPLETED} and ${yearOf('t.completed_on', '$2')}
          group by t.coordinator_id)`,
        columns: `h.coordinator_id::text as coordinator_id, c.name, c.region_code, h.hours, h.sessions`,
        from: `from person h join coordinator c on c.id = h.coordinator_id`,
        orderBy: 'h.hours desc, h.coordinator_id asc',
        parameters: [path, year],
      },
      { offset, limit },
    );
    const items: CoordinatorTrainingHoursModel[] = rows.map((row) => ({
      coordinatorId: row.coordinator_id,
      name: row.name,
      regionCode: row.region_code,
      year,
      hours: Number(row.hours),
      sessions: row.sessions,
    }));
    return { total, offset, limit, items };
  }
}
