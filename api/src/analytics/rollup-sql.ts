// Set-based SQL that (re)computes the analytics roll-ups for a set of regions. The same
// predicates serve the drill-down lists (analytics-drilldown.service.ts), so a figure and the
// list behind it can never disagree. Parameters of the enterprise leaf statements: $1 region
// codes (varchar[]), $2 first year, $3 current year; the coordinator statements say their own.

/** First year of the series: the notice was issued in 2021 (吉三方〔2021〕1号). */
export const FIRST_YEAR = 2021;

/**
 * Active at the figure's date: the current year is "now" (status 在岗, the same test as the
 * enterprise list's `covered` filter); a past year is its 31 December, from joined/left dates.
 */
export function activeAt(coordinator: string, asOf: string): string {
  return `(case when ${asOf} is null then ${coordinator}.status = 'ACTIVE'
    else ${coordinator}.joined_on <= ${asOf} and (${coordinator}.left_on is null or ${coordinator}.left_on > ${asOf}) end)`;
}

/** One row per figure year: `as_of` its 31 December, null for the current year ("now"). */
function yearsSql(firstYear: string, currentYear: string): string {
  return `select y::smallint as year, case when y = ${currentYear}::int then null else make_date(y, 12, 31) end as as_of
  from generate_series(${firstYear}::int, ${currentYear}::int) y`;
}

const YEARS = `years as (${yearsSql('$2', '$3')})`;

/**
 * The assignment `assignment` (coordinator_assignment) held at the figure's date: the current one
 * for the current year ("now"), else the one whose validity spans 31 December.
 */
export function assignedAt(assignment: string, asOf: string): string {
  return `(case when ${asOf} is null then ${assignment}.valid_to is null
    else ${assignment}.valid_from <= ${asOf} and (${assignment}.valid_to is null or ${assignment}.valid_to >= ${asOf}) end)`;
}

/**
 * The years each size class of an enterprise holds (from_year … to_year): a year's figures hold
 * until the next figures year; the first also for any year before it (there is no earlier one).
 * `enterprises` limits the enterprises (a subquery of ids; null: all).
 */
export function sizeSpansSql(enterprises: string | null): string {
  return `select f.enterprise_id, f.size_class,
    case when lag(f.year) over w is null then 0 else f.year::int end as from_year,
    coalesce(lead(f.year) over w - 1, 9999)::int as to_year
  from enterprise_year_figures f ${enterprises ? `where f.enterprise_id in (${enterprises})` : ''}
  window w as (partition by f.enterprise_id order by f.year)`;
}

/**
 * The year ends an enterprise was open at (a closure's day is its first closed day; the current
 * year counts the enterprises open today, i.e. not closed).
 */
export function openYearsSql(enterprises: string | null): string {
  return `select p.enterprise_id, date_part('year', p.open_from)::int as from_year,
    case when p.open_to is null then 9999
      when p.open_to = make_date(date_part('year', p.open_to)::int, 12, 31) then date_part('year', p.open_to)::int
      else date_part('year', p.open_to)::int - 1 end as to_year
  from enterprise_period p ${enterprises ? `where p.enterprise_id in (${enterprises})` : ''}`;
}

/** $1 region codes, $2 first year, $3 current year: per enterprise, the years it counts in with its size class of those years. */
const ENTERPRISE_SPANS = `in_regions as (select id from enterprise where region_code = any($1::varchar[])),
sizes as (${sizeSpansSql('select id from in_regions')}),
open_years as (${openYearsSql('select id from in_regions')}),
spans as (
  select e.id, e.region_code, z.size_class, e.social_organization, e.public_owned,
    greatest(z.from_year, o.from_year, $2::int) as from_year, least(z.to_year, o.to_year, $3::int) as to_year
  from enterprise e join open_years o on o.enterprise_id = e.id join sizes z on z.enterprise_id = e.id
  where e.region_code = any($1::varchar[]) and greatest(z.from_year, o.from_year, $2::int) <= least(z.to_year, o.to_year, $3::int)
)`;

/** Each region's path in each year: the hierarchy at that year's end (the current year: today). */
export function regionYearsSql(years: string, onDate: string): string {
  return `select r.code, y.year, coalesce(v.path, r.path) as path
  from region r cross join ${years} y
  left join region_version v on v.region_code = r.code and v.valid_from <= ${onDate} and (v.valid_to is null or v.valid_to >= ${onDate})`;
}

// One leaf row per region × year × size × social organization × ownership, from the registry's
// history: every span an enterprise counts with one size class is counted +1 in its first year
// and −1 after its last, and summed forward, so 1M enterprises are read once, not once per year.
const ENTERPRISE_COMPUTED = `${YEARS}, ${ENTERPRISE_SPANS},
deltas as (
  select region_code, size_class, social_organization, public_owned, year, sum(n)::int as n from (
    select region_code, size_class, social_organization, public_owned, from_year as year, 1 as n from spans
    union all
    select region_code, size_class, social_organization, public_owned, to_year + 1, -1 from spans where to_year < $3::int
  ) d group by 1, 2, 3, 4, 5
),
region_years as (${regionYearsSql('years', 'coalesce(y.as_of, china_today())')} where r.code = any($1::varchar[])),
totals as (
  select d.region_code, ry.path as region_path, y.year, d.size_class, d.social_organization, d.public_owned, sum(d.n)::int as total
  from deltas d join years y on d.year <= y.year join region_years ry on ry.code = d.region_code and ry.year = y.year
  group by 1, 2, 3, 4, 5, 6
  having sum(d.n) <> 0
),
own as (
  -- distinct first, then count: count(distinct) would sort the person × year rows instead of hashing them
  select region_code, year, size_class, social_organization, public_owned, count(*)::int as covered
  from (
    select distinct s.id, s.region_code, y.year, s.size_class, s.social_organization, s.public_owned
    from spans s join coordinator_assignment a on a.enterprise_id = s.id
    join coordinator c on c.id = a.coordinator_id
    join years y on y.year between s.from_year and s.to_year and ${activeAt('c', 'y.as_of')} and ${assignedAt('a', 'y.as_of')}
  ) covered
  group by 1, 2, 3, 4, 5
),
grassroots as (
  select distinct a.region_code, y.year
  from coordinator_assignment a join region r on r.code = a.region_code and r.level = 'TOWNSHIP'
  join coordinator c on c.id = a.coordinator_id
  join years y on ${activeAt('c', 'y.as_of')} and ${assignedAt('a', 'y.as_of')}
  where c.affiliation = 'GRASSROOTS' and a.region_code = any($1::varchar[])
),
computed as (
  -- a township with an active grassroots coordinator covers all of its enterprises (used for small/micro)
  select t.region_code, t.region_path, t.year, t.size_class, t.social_organization, t.public_owned, t.total,
    coalesce(o.covered, 0) as covered_own, case when g.region_code is not null then t.total else coalesce(o.covered, 0) end as covered_any
  from totals t
  left join own o on o.region_code = t.region_code and o.year = t.year and o.size_class = t.size_class
    and o.social_organization = t.social_organization and o.public_owned = t.public_owned
  left join grassroots g on g.region_code = t.region_code and g.year = t.year
)`;

export const EDUCATION_RANK_SQL = `case level when 'SECONDARY_OR_BELOW' then 1 when 'JUNIOR_COLLEGE' then 2
  when 'BACHELOR' then 3 when 'MASTER' then 4 when 'DOCTOR' then 5 end`;
export const EDUCATION_BY_RANK = ['NONE', 'SECONDARY_OR_BELOW', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR'];

/** A date as the integer yyyymmdd: the difference of two, divided by 10,000, is the age in whole years. */
export function dateKeySql(date: string): string {
  return `(date_part('year', ${date}) * 10000 + date_part('month', ${date}) * 100 + date_part('day', ${date}))::int`;
}

/** Age in bands from yyyymmdd keys: integer arithmetic, far cheaper than age() over a million person-years. */
export function ageBandFromKeysSql(birthKey: string, onKey: string): string {
  const age = `((${onKey} - ${birthKey}) / 10000)`;
  return `(case when ${age} < 30 then 'UNDER_30' when ${age} < 40 then '30_39' when ${age} < 50 then '40_49'
    when ${age} < 60 then '50_59' else '60_PLUS' end)`;
}

/** Age on the figure's date, in bands. */
export function ageBandSql(birthDate: string, onDate: string): string {
  return ageBandFromKeysSql(dateKeySql(birthDate), dateKeySql(onDate));
}

/** Owner of the employer: 公有 / 非公, or none when the person has no employer on file. */
export function ownershipSql(employerPublic: string): string {
  return `(case when ${employerPublic} is null then 'NONE' when ${employerPublic} then 'PUBLIC' else 'NON_PUBLIC' end)`;
}

// The coordinator roll-ups are kept per person. analytics_person holds each coordinator's facts
// as of the last refresh (personFactsSql); a refresh takes the people the triggers marked, puts
// their old facts (sign −1) and their new facts (sign +1) into the temporary table
// analytics_scope, and adds up what the signed rows contribute: the change to every figure,
// however many regions the people are spread over. A full build is the same statements with
// everyone at +1. Each statement works over a temporary table (dropped at commit) so the next
// one is planned from real row counts: as one statement the planner misjudged the person × year
// rows by three orders of magnitude and sorted a million rows instead of hashing them.

/** The columns of analytics_person (migration AnalyticsPersonDelta), in order. */
export const PERSON_COLUMNS = `id, region_code, status, joined_on, left_on, birth_key, category, gender, affiliation, ownership, size_class,
  education, certificate_levels, first_certified, occupations, occupations_first, certified_years, certified_levels,
  training_years, training_hours, training_sessions, subsidy_years, subsidy_kinds, subsidy_amounts, region_codes, ownerships, size_classes`;

/**
 * $1 first year, $2 today: one row of facts per person of `people` (a subquery of coordinator
 * ids; null: everyone), in the columns of analytics_person. The certificate and training facts
 * are the person's share of each figure, so that a person's old facts can be taken off later
 * without the records they came from. Parallel arrays (occupations / occupations_first …) come
 * from aggregates of one grouping, which see its rows in the same order.
 */
export function personFactsSql(yearCount: number, people: string | null): string {
  const where = (column: string) => (people ? `where ${column} in (${people})` : '');
  const and = (column: string) => (people ? `and ${column} in (${people})` : '');
  // best certificate level by each figure's date, one array slot per year (31 December; the current year: today)
  const levels = Array.from({ length: yearCount }, (_, index) =>
    index === yearCount - 1 ? `min(level) filter (where issued_on <= $2::date)` : `min(level) filter (where issued_on <= make_date($1::int + ${index}, 12, 31))`,
  );
  const inSeries = (column: string) => `${column} >= make_date($1::int, 1, 1) and ${column} <= $2::date`;
  const slotDate = (slot: string) => `(case when ${slot} = ${yearCount - 1} then $2::date else make_date($1::int + ${slot}, 12, 31) end)`;
  return `with assignments as (
  select a.coordinator_id, a.region_code, a.enterprise_id, a.valid_from,
    lead(a.valid_from) over (partition by a.coordinator_id order by a.valid_from) as next_from,
    row_number() over (partition by a.coordinator_id order by a.valid_from) as n
  from coordinator_assignment a ${where('a.coordinator_id')}
),
slots as (
  -- the assignment on each figure's date (one slot per year): the latest begun by then, else the first
  select a.coordinator_id, g.slot, a.region_code, a.enterprise_id
  from assignments a cross join lateral generate_series(0, ${yearCount - 1}) g(slot)
  where (a.n = 1 or a.valid_from <= ${slotDate('g.slot')}) and (a.next_from is null or a.next_from > ${slotDate('g.slot')})
),
sizes as (${sizeSpansSql(people ? 'select enterprise_id from slots' : null)}),
assigned as (
  select x.coordinator_id, array_agg(x.region_code order by x.slot) as region_codes,
    array_agg(${ownershipSql('e.public_owned')} order by x.slot) as ownerships, array_agg(coalesce(z.size_class, 'NONE')::text order by x.slot) as size_classes
  from slots x left join enterprise e on e.id = x.enterprise_id
  left join sizes z on z.enterprise_id = x.enterprise_id and $1::int + x.slot between z.from_year and z.to_year
  group by 1
),
certificates as (
  select coordinator_id, array[${levels.join(', ')}] as levels, min(issued_on) as first_certified
  from certificate ${where('coordinator_id')} group by 1
),
occupations as (
  -- each occupation held, from its first certificate
  select coordinator_id, array_agg(occupation) as occupations, array_agg(first_issued) as occupations_first
  from (select coordinator_id, occupation, min(issued_on) as first_issued from certificate ${where('coordinator_id')} group by 1, 2) o
  group by 1
),
certified as (
  -- the years and levels certified in, each once
  select coordinator_id, array_agg(year) as years, array_agg(level) as levels
  from (select distinct coordinator_id, date_part('year', issued_on)::smallint as year, coalesce(level::text, 'NONE') as level
    from certificate where ${inSeries('issued_on')} ${and('coordinator_id')}) c
  group by 1
),
trainings as (
  select coordinator_id, array_agg(year) as years, array_agg(hours) as hours, array_agg(sessions) as sessions
  from (select coordinator_id, date_part('year', completed_on)::smallint as year, sum(hours) as hours, count(*)::int as sessions
    from training where ${inSeries('completed_on')} ${and('coordinator_id')} group by 1, 2) t
  group by 1
),
subsidies as (
  select coordinator_id, array_agg(year) as years, array_agg(kind) as kinds, array_agg(amount) as amounts
  from (select coordinator_id, date_part('year', completed_on)::smallint as year, subsidy_kind::text as kind, coalesce(sum(subsidy_amount), 0) as amount
    from training where subsidy_kind is not null and ${inSeries('completed_on')} ${and('coordinator_id')} group by 1, 2, 3) t
  group by 1
),
best_education as (
  select coordinator_id, max(${EDUCATION_RANK_SQL}) as rank from education ${where('coordinator_id')} group by 1
)
select s.id, s.region_code, s.status::text as status, s.joined_on, s.left_on, ${dateKeySql('s.birth_date')} as birth_key,
  s.category::text as category, s.gender::text as gender, s.affiliation::text as affiliation, ${ownershipSql('e.public_owned')} as ownership,
  coalesce(e.size_class, 'NONE')::text as size_class, (array['${EDUCATION_BY_RANK.join("','")}'])[coalesce(be.rank, 0) + 1] as education,
  k.levels as certificate_levels, k.first_certified, o.occupations, o.occupations_first, d.years as certified_years, d.levels as certified_levels,
  t.years as training_years, t.hours as training_hours, t.sessions as training_sessions,
  u.years as subsidy_years, u.kinds as subsidy_kinds, u.amounts as subsidy_amounts,
  x.region_codes, x.ownerships, x.size_classes
from ${people ? `(${people}) p(id) join coordinator s on s.id = p.id` : 'coordinator s'} left join enterprise e on e.id = s.enterprise_id
left join best_education be on be.coordinator_id = s.id
left join certificates k on k.coordinator_id = s.id
left join occupations o on o.coordinator_id = s.id
left join certified d on d.coordinator_id = s.id
left join trainings t on t.coordinator_id = s.id
left join subsidies u on u.coordinator_id = s.id
left join assigned x on x.coordinator_id = s.id`;
}

/** A person's fact of a figure year (region, employer's ownership and size class): their slot of that year. */
function slot(facts: string, year: string): string {
  return `${facts}[${year} - $1::int + 1]`;
}

/** Figure years with the day each is counted on (31 December; the current year: $3 today) and that day as yyyymmdd. */
const YEARS_ON = `years as (
  select y.*, coalesce(y.as_of, $3::date) as on_date, ${dateKeySql('coalesce(y.as_of, $3::date)')} as on_key
  from (${yearsSql('$1', '$2')}) y
)`;

/** $1 first year, $2 current year, $3 today: one row per person (signed) and year they were active in. */
export const COORDINATOR_STOCK_SQL = `create temp table analytics_stock on commit drop as
with ${YEARS_ON}
select s.sign, ${slot('s.region_codes', 'y.year')} as region_code, y.year, s.category, s.gender, s.affiliation,
  ${slot('s.ownerships', 'y.year')} as ownership, ${slot('s.size_classes', 'y.year')} as size_class, s.education,
  ${ageBandFromKeysSql('s.birth_key', 'y.on_key')} as age_band,
  coalesce(s.certificate_levels[y.year - $1::int + 1]::text, 'NONE') as cert_level
from analytics_scope s join years y on ${activeAt('s', 'y.as_of')}`;

/** $1 first year, $2 current year, $3 today: the change to every leaf figure from the signed people of analytics_scope. */
const COORDINATOR_COMPUTED = `${YEARS_ON},
computed as (
select region_code, year, dimension, bucket, value from (
-- every stock dimension in one pass (grouping sets), each person once per dimension
select region_code, year,
  case when grouping(category) = 0 then 'CATEGORY' when grouping(gender) = 0 then 'GENDER' when grouping(age_band) = 0 then 'AGE_BAND'
    when grouping(education) = 0 then 'EDUCATION' when grouping(cert_level) = 0 then 'CERT_LEVEL' when grouping(ownership) = 0 then 'OWNERSHIP'
    when grouping(size_class) = 0 then 'SIZE_CLASS' when grouping(affiliation) = 0 then 'AFFILIATION' else 'TOTAL' end as dimension,
  coalesce(category, gender, age_band, education, cert_level, ownership, size_class, affiliation, 'ALL') as bucket,
  sum(sign)::numeric as value
from analytics_stock
group by grouping sets (
  (region_code, year), (region_code, year, category), (region_code, year, gender), (region_code, year, age_band), (region_code, year, education),
  (region_code, year, cert_level), (region_code, year, ownership), (region_code, year, size_class), (region_code, year, affiliation))
union all
-- occupations held by the date: a person with two occupations counts once in each
select ${slot('s.region_codes', 'y.year')}, y.year, 'OCCUPATION', o.occupation, sum(s.sign)
from analytics_scope s join years y on ${activeAt('s', 'y.as_of')}
cross join lateral unnest(s.occupations, s.occupations_first) o(occupation, first_issued)
where o.first_issued <= y.on_date
group by 1, 2, 3, 4
union all
select ${slot('region_codes', "date_part('year', joined_on)::int")}, date_part('year', joined_on)::smallint, 'JOINED', 'ALL', sum(sign)
from analytics_scope where joined_on >= make_date($1::int, 1, 1) and joined_on <= $3::date group by 1, 2
union all
select ${slot('region_codes', "date_part('year', left_on)::int")}, date_part('year', left_on)::smallint, 'LEFT', 'ALL', sum(sign)
from analytics_scope where left_on >= make_date($1::int, 1, 1) and left_on <= $3::date group by 1, 2
union all
select ${slot('region_codes', "date_part('year', first_certified)::int")}, date_part('year', first_certified)::smallint, 'NEWLY_CERTIFIED', 'ALL', sum(sign)
from analytics_scope where first_certified >= make_date($1::int, 1, 1) and first_certified <= $3::date group by 1, 2
union all
select ${slot('s.region_codes', 'c.year')}, c.year, 'CERTIFIED', c.level, sum(s.sign)
from analytics_scope s cross join lateral unnest(s.certified_years, s.certified_levels) c(year, level)
group by 1, 2, 3, 4
union all
select ${slot('s.region_codes', 't.year')}, t.year, d.dimension, 'ALL', sum(d.value)
from analytics_scope s cross join lateral unnest(s.training_years, s.training_hours, s.training_sessions) t(year, hours, sessions)
cross join lateral (values ('TRAINED', s.sign::numeric), ('TRAINING_HOURS', s.sign * t.hours), ('TRAININGS', (s.sign * t.sessions)::numeric)) d(dimension, value)
group by 1, 2, 3, 4
union all
select ${slot('s.region_codes', 'u.year')}, u.year, d.dimension, u.kind, sum(d.value)
from analytics_scope s cross join lateral unnest(s.subsidy_years, s.subsidy_kinds, s.subsidy_amounts) u(year, kind, amount)
cross join lateral (values ('SUBSIDY_PEOPLE', s.sign::numeric), ('SUBSIDY_AMOUNT', s.sign * u.amount)) d(dimension, value)
group by 1, 2, 3, 4
) leaf
where value <> 0
)`;
// leaf rows carry their region's path in their year (the node statements walk it)
const COORDINATOR_LEAF_ROWS = `select c.region_code, r.path as region_path, c.year, c.dimension, c.bucket, c.value from computed c
  join (${regionYearsSql('years', 'y.on_date')}) r on r.code = c.region_code and r.year = c.year`;

// Node rows are kept by difference: a region's old leaf rows are subtracted from every
// ancestor (the codes in its path) and its new rows added, so refreshing one township touches a
// few hundred rows, not the province's whole table.
const ANCESTORS = (alias: string) => `cross join lateral unnest(string_to_array(rtrim(${alias}.region_path, '/'), '/')) as a(node_code)`;
const ENTERPRISE_KEY = 'node_code, year, size_class, social_organization, public_owned';
const ENTERPRISE_UPSERT = `on conflict (${ENTERPRISE_KEY}) do update set total = n.total + excluded.total,
  covered_own = n.covered_own + excluded.covered_own, covered_any = n.covered_any + excluded.covered_any`;
const COORDINATOR_UPSERT = `on conflict (node_code, year, dimension, bucket) do update set value = n.value + excluded.value`;

/** $1 region codes: removes their leaf rows and takes them off every ancestor. */
export const ENTERPRISE_SUBTRACT_SQL = `
with old as (delete from analytics_enterprise_leaf where region_code = any($1::varchar[]) returning *)
insert into analytics_enterprise_node as n (${ENTERPRISE_KEY}, total, covered_own, covered_any)
select a.node_code, o.year, o.size_class, o.social_organization, o.public_owned, -sum(o.total), -sum(o.covered_own), -sum(o.covered_any)
from old o ${ANCESTORS('o')} group by 1, 2, 3, 4, 5
${ENTERPRISE_UPSERT}`;

/** $1–$3 as the leaf statements: computes the regions' leaf rows and adds them to every ancestor. */
export const ENTERPRISE_ADD_SQL = `
with ${ENTERPRISE_COMPUTED},
fresh as (
  insert into analytics_enterprise_leaf (region_code, region_path, year, size_class, social_organization, public_owned, total, covered_own, covered_any)
  select * from computed returning *
)
insert into analytics_enterprise_node as n (${ENTERPRISE_KEY}, total, covered_own, covered_any)
select a.node_code, f.year, f.size_class, f.social_organization, f.public_owned, sum(f.total), sum(f.covered_own), sum(f.covered_any)
from fresh f ${ANCESTORS('f')} group by 1, 2, 3, 4, 5
${ENTERPRISE_UPSERT}`;

/** $1 first year, $2 current year, $3 today, after the stock statement: adds the change of analytics_scope's people to their leaf rows and every ancestor. */
export const COORDINATOR_APPLY_SQL = `
with ${COORDINATOR_COMPUTED},
delta as (${COORDINATOR_LEAF_ROWS}),
leaf as (
  insert into analytics_coordinator_leaf as n (region_code, region_path, year, dimension, bucket, value)
  select * from delta
  on conflict (region_code, year, dimension, bucket) do update set value = n.value + excluded.value
)
insert into analytics_coordinator_node as n (node_code, year, dimension, bucket, value)
select a.node_code, d.year, d.dimension, d.bucket, sum(d.value)
from delta d ${ANCESTORS('d')} group by 1, 2, 3, 4
${COORDINATOR_UPSERT}`;

/** The primary keys of the roll-up tables (migration AnalyticsRollups): a full rebuild builds them on the table it swaps in (rollup-swap.ts). */
export const ROLLUP_KEYS = {
  analytics_enterprise_leaf: 'region_code, year, size_class, social_organization, public_owned',
  analytics_enterprise_node: ENTERPRISE_KEY,
  analytics_coordinator_leaf: 'region_code, year, dimension, bucket',
  analytics_coordinator_node: 'node_code, year, dimension, bucket',
} as const;

/** $1 node codes: rows that fell to zero carry nothing. */
export const PRUNE_SQL = `
delete from analytics_enterprise_node where node_code = any($1::varchar[]) and total = 0 and covered_own = 0 and covered_any = 0;
`;
/** $1 region codes, $2 node codes: rows that fell to zero carry nothing. */
export const PRUNE_COORDINATOR_SQL = `with leaf as (delete from analytics_coordinator_leaf where region_code = any($1::varchar[]) and value = 0)
delete from analytics_coordinator_node where node_code = any($2::varchar[]) and value = 0`;

// Full build: every leaf row, then every node from them at once (nothing to merge), into
// tables beside the live ones that are swapped in at the end (rollup-swap.ts), so that readers
// never wait for the build.
export const ENTERPRISE_LEAF_ROWS_SQL = `with ${ENTERPRISE_COMPUTED} select * from computed`;
/** $1 first year, $2 current year, $3 today, after the stock statement. */
export const COORDINATOR_LEAF_ROWS_SQL = `with ${COORDINATOR_COMPUTED} ${COORDINATOR_LEAF_ROWS}`;
export function enterpriseNodeRowsSql(leafTable: string): string {
  return `select a.node_code, l.year, l.size_class, l.social_organization, l.public_owned, sum(l.total) as total, sum(l.covered_own) as covered_own,
  sum(l.covered_any) as covered_any
from ${leafTable} l ${ANCESTORS('l')} group by 1, 2, 3, 4, 5`;
}
export function coordinatorNodeRowsSql(leafTable: string): string {
  return `select a.node_code, l.year, l.dimension, l.bucket, sum(l.value) as value from ${leafTable} l ${ANCESTORS('l')} group by 1, 2, 3, 4`;
}

/** True while a write is not yet in the roll-ups. */
export const WRITTEN_SQL = `(exists (select 1 from analytics_dirty_region) or exists (select 1 from analytics_dirty_coordinator))`;
/** $1 current year, $2 today: true while the roll-ups were built for another day or year. */
export const STALE_SQL = `(coalesce((select built_year from analytics_state where id = 1), 0) <> $1
  or (select built_on from analytics_state where id = 1) is distinct from $2::date)`;
/** $1 current year, $2 today: true while a write, or a new day or year, is not yet in the roll-ups. */
export const PENDING_SQL = `(${WRITTEN_SQL} or ${STALE_SQL})`;
