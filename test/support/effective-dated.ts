import { todayIsoDate } from '@registry/domain';

// Independent counts over the effective-dated tables (coordinator_assignment,
// enterprise_year_figures, enterprise_period, region_version), written apart from the roll-ups'
// SQL (api/src/analytics/rollup-sql.ts): plain per-row subqueries, one date at a time.

type Sql = <T = any>(text: string, values?: unknown[]) => Promise<T[]>;

/** The day a year's figures are counted on: 31 December, the current year today (China's date). */
export function figureDate(year: number): string {
  const today = todayIsoDate();
  return year === Number(today.slice(0, 4)) ? today : `${year}-12-31`;
}

/** $1 the date: a region's path then. */
const PATH_ON = (code: string) => `coalesce((select v.path from region_version v where v.region_code = ${code}
    and v.valid_from <= $1::date and (v.valid_to is null or v.valid_to >= $1::date)), (select r.path from region r where r.code = ${code}))`;
/** $1 the date: the coordinator is in the corps then. */
const ACTIVE_ON = (coordinator: string) => `(${coordinator}.joined_on <= $1::date and (${coordinator}.left_on is null or ${coordinator}.left_on > $1::date))`;
/** $1 the date: the assignment holds then. */
const ASSIGNED_ON = (assignment: string) => `(${assignment}.valid_from <= $1::date and (${assignment}.valid_to is null or ${assignment}.valid_to >= $1::date))`;

/** Coverage figures of a region (by code) in a year, as the coverage query names them. */
export async function expectedCoverageOn(sql: Sql, regionCode: string, year: number) {
  const date = figureDate(year);
  const own = `exists (select 1 from coordinator_assignment a join coordinator c on c.id = a.coordinator_id
    where a.enterprise_id = e.id and ${ASSIGNED_ON('a')} and ${ACTIVE_ON('c')})`;
  const grassroots = `exists (select 1 from coordinator_assignment a join coordinator c on c.id = a.coordinator_id join region r on r.code = a.region_code
    where r.level = 'TOWNSHIP' and a.region_code = e.region_code and c.affiliation = 'GRASSROOTS' and ${ASSIGNED_ON('a')} and ${ACTIVE_ON('c')})`;
  const [row] = await sql(
    `with counted as (
       select e.*, (select f.size_class from enterprise_year_figures f where f.enterprise_id = e.id
           order by (f.year <= $2) desc, case when f.year <= $2 then -f.year else f.year end limit 1) as year_size
       from enterprise e
       where exists (select 1 from enterprise_period p where p.enterprise_id = e.id and p.open_from <= $1::date and (p.open_to is null or p.open_to >= $1::date))
         and ${PATH_ON('e.region_code')} like ${PATH_ON('$3::varchar')} || '%'
     )
     select
       count(*) filter (where year_size in ('LARGE', 'MEDIUM'))::int as "largeMediumTotal",
       count(*) filter (where year_size in ('LARGE', 'MEDIUM') and ${own})::int as "largeMediumCovered",
       count(*) filter (where social_organization)::int as "socialOrganizationTotal",
       count(*) filter (where social_organization and ${own})::int as "socialOrganizationCovered",
       count(*) filter (where year_size in ('SMALL', 'MICRO'))::int as "smallMicroTotal",
       count(*) filter (where year_size in ('SMALL', 'MICRO') and (${own} or ${grassroots}))::int as "smallMicroCovered",
       count(*) filter (where year_size in ('SMALL', 'MICRO') and ${own})::int as "smallMicroCoveredOwn",
       count(*) filter (where year_size in ('LARGE', 'MEDIUM') or social_organization)::int as "targetTotal",
       count(*) filter (where (year_size in ('LARGE', 'MEDIUM') or social_organization) and ${own})::int as "targetCovered"
     from counted e`,
    [date, year, regionCode],
  );
  return row;
}

/** The ids of the coordinators in the corps at a year's date whose assignment then lies in the region (as the hierarchy then was). */
export async function expectedCoordinatorIdsOn(sql: Sql, regionCode: string, year: number): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    `select c.id::text as id from coordinator c join coordinator_assignment a on a.coordinator_id = c.id
     where ${ACTIVE_ON('c')} and ${ASSIGNED_ON('a')} and ${PATH_ON('a.region_code')} like ${PATH_ON('$2::varchar')} || '%'
     order by c.id`,
    [figureDate(year), regionCode],
  );
  return rows.map((row) => row.id);
}

/** The children of a region in a year's hierarchy (codes). */
export async function expectedChildrenOn(sql: Sql, regionCode: string, year: number): Promise<string[]> {
  const rows = await sql<{ code: string }>(
    `select r.code from region r where coalesce((select v.parent_code from region_version v where v.region_code = r.code
       and v.valid_from <= $1::date and (v.valid_to is null or v.valid_to >= $1::date)), r.parent_code) = $2 order by r.code`,
    [figureDate(year), regionCode],
  );
  return rows.map((row) => row.code);
}
