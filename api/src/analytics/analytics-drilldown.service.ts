import { todayIsoDate } from '@registry/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runAsOwner } from '../auth/request-database';
import { queryPage, resolvePage } from '../common/paging';
import { RegistryError } from '../common/registry-error';
import { scopeSql, type SessionUser } from '../common/session-user';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { CoordinatorsService } from '../coordinators/coordinators.service';
import type { CoordinatorEntity } from '../coordinators/entities/coordinator.entity';
import { SizeClass } from '../common/enums';
import { EnterprisesService } from '../enterprises/enterprises.service';
import type { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { RegionsService } from '../regions/regions.service';
import { currentYear } from './analytics-refresher.service';
import { WorkforceDimension } from './analytics.model';
import { AnalyticsService } from './analytics.service';
import { activeAt, ageBandSql, assignedAt, EDUCATION_BY_RANK, EDUCATION_RANK_SQL, ownershipSql } from './rollup-sql';

// Typed once, so every predicate may use any of them (or none).
const PARAMETERS = `with p as (select $1::text collate "C" as scope, $2::date as as_of, $3::date as on_date, $4::text as bucket,
  $5::date as year_start, $6::date as year_end, $7::int as year, $8::varchar[] as scope_codes)`;

// A past year's list is of that year: the person's assignment on the figure's date (the latest
// begun by then, else the first: the roll-up's slot, rollup-sql.ts personFactsSql), its region's
// place in that year's hierarchy, and the employer's size class of that year.
const PAST_ASSIGNMENT = `join lateral (
  select a.region_code, a.enterprise_id, a.unit_name from coordinator_assignment a where a.coordinator_id = c.id
  order by (a.valid_from <= p.on_date) desc, case when a.valid_from <= p.on_date then a.valid_from end desc, a.valid_from limit 1
) a on true`;
const PAST_SCOPE = `a.region_code = any(p.scope_codes)`;
const PAST_SIZE_CLASS = `(select f.size_class from enterprise_year_figures f where f.enterprise_id = a.enterprise_id
  order by f.year <= p.year desc, case when f.year <= p.year then -f.year else f.year end limit 1)`;

// The lists behind the figures, from the base tables with the roll-up's own predicates
// (rollup-sql.ts), so that a list's total equals the figure it was opened from.
@Injectable()
export class AnalyticsDrilldownService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly analytics: AnalyticsService,
    private readonly enterprises: EnterprisesService,
    private readonly coordinators: CoordinatorsService,
  ) {}

  /** The bureaus' to-do list: large/medium enterprises with no active coordinator, now. */
  async uncoveredEnterprises(
    user: SessionUser,
    regionCode: string,
    publicOwned: boolean | null | undefined,
    page: { offset?: number | null; limit?: number | null },
    year?: number | null,
  ): Promise<{ total: number; offset: number; limit: number; items: EnterpriseEntity[] }> {
    const region = this.regions.requireReadable(regionCode, user);
    if (year == null || this.analytics.checkYear(year) === currentYear()) {
      return this.enterprises.list(user, { regionCode, sizeClasses: [SizeClass.LARGE, SizeClass.MEDIUM], covered: false, publicOwned: publicOwned ?? null }, page);
    }
    // a past year: open at its end, large or medium by that year's figures, in the region as the hierarchy then was, no coordinator then
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const { total, rows } = await queryPage<{ id: string }>(
      this.dataSource,
      {
        with: `with p as (select $1::date as on_date, $2::int as year, $3::varchar[] as scope_codes, $4::boolean as public_owned)`,
        columns: 'e.id',
        from: `from enterprise e cross join p
          where e.region_code = any(p.scope_codes)
            and (p.public_owned is null or e.public_owned = p.public_owned)
            and exists (select 1 from enterprise_period o where o.enterprise_id = e.id and o.open_from <= p.on_date and (o.open_to is null or o.open_to >= p.on_date))
            and (select f.size_class from enterprise_year_figures f where f.enterprise_id = e.id
              order by f.year <= p.year desc, case when f.year <= p.year then -f.year else f.year end limit 1) in ('LARGE', 'MEDIUM')
            and not exists (select 1 from coordinator_assignment a join coordinator c on c.id = a.coordinator_id
              where a.enterprise_id = e.id and ${assignedAt('a', 'p.on_date')} and ${activeAt('c', 'p.on_date')})`,
        orderBy: 'e.name, e.id',
        parameters: [`${year}-12-31`, year, this.regions.codesWithinOn(region.code, `${year}-12-31`), publicOwned ?? null],
      },
      { offset, limit },
    );
    const found = new Map((await this.enterprises.findMany(rows.map((row) => String(row.id)))).map((enterprise) => [enterprise.id, enterprise]));
    return { total, offset, limit, items: rows.map((row) => found.get(String(row.id))!).filter(Boolean) };
  }

  /** The coordinators counted in one bucket of a workforce figure. */
  async coordinatorsBehind(
    user: SessionUser,
    regionCode: string,
    year: number,
    dimension: WorkforceDimension,
    bucket: string | null | undefined,
    page: { offset?: number | null; limit?: number | null },
  ): Promise<{ total: number; offset: number; limit: number; items: CoordinatorEntity[] }> {
    const region = this.regions.requireReadable(regionCode, user);
    this.analytics.checkYear(year);
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const asOf = year === currentYear() ? null : `${year}-12-31`;
    const onDate = asOf ?? todayIsoDate();
    // $1 scope path, $2 as-of date (null: now), $3 the figure's date, $4 bucket, $5 year start, $6 year end (capped at today)
    const yearEnd = asOf ?? todayIsoDate();
    const parameters: unknown[] = [region.path, asOf, onDate, bucket ?? 'ALL', `${year}-01-01`, yearEnd, year, asOf ? this.regions.codesWithinOn(region.code, asOf) : []];
    const past = asOf !== null;
    const employer = past ? 'a.enterprise_id' : 'c.enterprise_id';
    const active = activeAt('c', 'p.as_of');
    const inYear = (column: string) => `(${column} >= p.year_start and ${column} <= p.year_end)`;
    const predicates: Record<WorkforceDimension, string> = {
      TOTAL: active,
      CATEGORY: `${active} and c.category::text = p.bucket`,
      GENDER: `${active} and c.gender = p.bucket`,
      AGE_BAND: `${active} and ${ageBandSql('c.birth_date', 'p.on_date')} = p.bucket`,
      EDUCATION: `${active} and (array['${EDUCATION_BY_RANK.join("','")}'])[coalesce((select max(${EDUCATION_RANK_SQL}) from education where coordinator_id = c.id), 0) + 1] = p.bucket`,
      CERT_LEVEL: `${active} and coalesce((select min(k.level)::text from certificate k where k.coordinator_id = c.id and k.issued_on <= p.on_date and k.level is not null), 'NONE') = p.bucket`,
      OCCUPATION: `${active} and exists (select 1 from certificate k where k.coordinator_id = c.id and k.issued_on <= p.on_date and k.occupation = p.bucket)`,
      OWNERSHIP: `${active} and ${ownershipSql(`(select e.public_owned from enterprise e where e.id = ${employer})`)} = p.bucket`,
      SIZE_CLASS: `${active} and coalesce(${past ? PAST_SIZE_CLASS : '(select e.size_class from enterprise e where e.id = c.enterprise_id)'}, 'NONE') = p.bucket`,
      AFFILIATION: `${active} and c.affiliation = p.bucket`,
      JOINED: `${inYear('c.joined_on')}`,
      LEFT: `${inYear('c.left_on')}`,
      NEWLY_CERTIFIED: `${inYear('(select min(k.issued_on) from certificate k where k.coordinator_id = c.id)')}`,
      CERTIFIED: `exists (select 1 from certificate k where k.coordinator_id = c.id and ${inYear('k.issued_on')} and coalesce(k.level::text, 'NONE') = p.bucket)`,
      TRAINED: `exists (select 1 from training t where t.coordinator_id = c.id and ${inYear('t.completed_on')})`,
    };
    const predicate = predicates[dimension];
    if (!predicate) throw RegistryError.badInput('dimension', `不支持的统计维度 ${dimension}`);
    const query = {
      with: PARAMETERS,
      columns: past ? 'c.id, a.region_code as year_region_code, a.enterprise_id as year_enterprise_id, a.unit_name as year_unit_name' : 'c.id',
      from: past
        ? `from coordinator c cross join p ${PAST_ASSIGNMENT} where ${PAST_SCOPE} and ${predicate}`
        : `from coordinator c cross join p where ${scopeSql('c.region_path', 'p.scope')} and ${predicate}`,
      orderBy: 'c.name, c.id',
      parameters,
    };
    if (!past) {
      const { total, rows } = await queryPage<{ id: string }>(this.dataSource, query, { offset, limit });
      const byId = new Map((await this.coordinators.findMany(rows.map((row) => String(row.id)))).map((coordinator) => [String(coordinator.id), coordinator]));
      return { total, offset, limit, items: rows.map((row) => byId.get(String(row.id))!).filter(Boolean) };
    }
    // A past year's list is held to the year's jurisdiction by PAST_SCOPE (the assignment's region
    // of that day within the reader's region as the hierarchy then was); row-level security holds
    // to today's, so the list is read as the owner and a person who has since left the reader's
    // jurisdiction is shown with that year's facts only (ADR 0800).
    const { total, rows } = await runAsOwner(() => queryPage<PastRow>(this.dataSource, query, { offset, limit }));
    const ids = rows.map((row) => String(row.id));
    const visible = new Map((await this.coordinators.findMany(ids)).map((coordinator) => [String(coordinator.id), coordinator]));
    const missing = ids.filter((id) => !visible.has(id));
    const formerly = new Map(
      (missing.length ? await runAsOwner(() => this.coordinators.findMany(missing)) : []).map((coordinator) => [String(coordinator.id), coordinator]),
    );
    const items = rows.map((row) => visible.get(String(row.id)) ?? asOfThatYear(formerly.get(String(row.id)), row, this.regions)).filter(Boolean);
    return { total, offset, limit, items: items as CoordinatorEntity[] };
  }
}

type PastRow = { id: string; year_region_code: string; year_enterprise_id: string | null; year_unit_name: string | null };

/** A person of a past year's list now outside the reader's jurisdiction: that year's region,
 * employer and unit, and nothing of today's (phone, post, current place). */
function asOfThatYear(coordinator: CoordinatorEntity | undefined, row: PastRow, regions: RegionsService): (CoordinatorEntity & { outsideJurisdiction: true }) | undefined {
  if (!coordinator) return undefined;
  return Object.assign(coordinator, {
    regionCode: row.year_region_code,
    regionPath: regions.find(row.year_region_code)?.path ?? coordinator.regionPath,
    enterpriseId: row.year_enterprise_id == null ? null : String(row.year_enterprise_id),
    unitName: row.year_unit_name,
    phone: null,
    post: null,
    outsideJurisdiction: true as const,
  });
}
