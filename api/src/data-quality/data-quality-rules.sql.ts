// Each data-quality rule's query by its code: the records of the rule within the path `$1`, as
// (rule, entity, id, label, region_path, region_code, detail). The rules' kind, severity and
// description are data (table data_quality_rule, seeded from libs/domain). Every query runs
// under the request's row-level security too, so a look at another record (a duplicate, an
// employer) sees only the user's jurisdiction.

const within = (column: string) => `(${column} >= $1 and ${column} < $1 || '~')`;

const coordinatorRule = (code: string, where: string, detail = 'null::text') =>
  `select '${code}'::text as rule, 'COORDINATOR'::text as entity, c.id, c.name::text as label, c.region_path, c.region_code, ${detail} as detail
   from coordinator c where ${within('c.region_path')} and ${where}`;

const enterpriseRule = (code: string, where: string, detail = 'null::text') =>
  `select '${code}'::text as rule, 'ENTERPRISE'::text as entity, e.id, e.name::text as label, e.region_path, e.region_code, ${detail} as detail
   from enterprise e where ${within('e.region_path')} and ${where}`;

const SAME_PERSON = `o.name = c.name and o.birth_date = c.birth_date and o.id_number_hash <> c.id_number_hash`;
const SAME_ENTERPRISE = `o.name = e.name and o.region_code = e.region_code and o.credit_code <> e.credit_code and o.active`;
const SIZE_NAMES = `case %s when 'LARGE' then '大型' when 'MEDIUM' then '中型' when 'SMALL' then '小型' else '微型' end`;
const sizeName = (column: string) => SIZE_NAMES.replace('%s', column);

export const DATA_QUALITY_RULE_SQL: Record<string, string> = {
  DUPLICATE_PERSON: coordinatorRule(
    'DUPLICATE_PERSON',
    `exists (select 1 from coordinator o where ${SAME_PERSON})`,
    `'同名同出生日期：' || (select string_agg(o.id_number_masked, '、' order by o.id) from coordinator o where ${SAME_PERSON})`,
  ),
  DUPLICATE_ENTERPRISE: enterpriseRule(
    'DUPLICATE_ENTERPRISE',
    `e.active and exists (select 1 from enterprise o where ${SAME_ENTERPRISE})`,
    `'同名单位信用代码：' || (select string_agg(o.credit_code, '、' order by o.id) from enterprise o where ${SAME_ENTERPRISE})`,
  ),
  MISSING_EMPLOYER: coordinatorRule('MISSING_EMPLOYER', `c.status = 'ACTIVE' and c.enterprise_id is null and coalesce(trim(c.unit_name), '') = ''`),
  MISSING_EDUCATION: coordinatorRule('MISSING_EDUCATION', `c.status = 'ACTIVE' and not exists (select 1 from education ed where ed.coordinator_id = c.id)`),
  MISSING_PHONE: coordinatorRule('MISSING_PHONE', `c.status = 'ACTIVE' and coalesce(trim(c.phone), '') = ''`),
  MISSING_CERTIFICATE_NUMBER: coordinatorRule(
    'MISSING_CERTIFICATE_NUMBER',
    `exists (select 1 from certificate ce where ce.coordinator_id = c.id and coalesce(trim(ce.certificate_number), '') = '')`,
    `(select string_agg(ce.occupation || '（' || ce.issued_on::text || '）', '、' order by ce.issued_on) from certificate ce
       where ce.coordinator_id = c.id and coalesce(trim(ce.certificate_number), '') = '')`,
  ),
  EMPLOYER_CLOSED: coordinatorRule(
    'EMPLOYER_CLOSED',
    `c.status = 'ACTIVE' and exists (select 1 from enterprise e where e.id = c.enterprise_id and not e.active)`,
    `(select e.name::text from enterprise e where e.id = c.enterprise_id)`,
  ),
  // An employer in another county, or one the user cannot see at all (it lies outside the
  // jurisdiction): either way it is not in the coordinator's county.
  EMPLOYER_OUTSIDE_REGION: coordinatorRule(
    'EMPLOYER_OUTSIDE_REGION',
    `c.status = 'ACTIVE' and c.enterprise_id is not null
       and not exists (select 1 from enterprise e where e.id = c.enterprise_id and left(e.region_code, 6) = left(c.region_code, 6))`,
    `coalesce((select e.name::text from enterprise e where e.id = c.enterprise_id), '工作单位在本辖区以外')`,
  ),
  SIZE_OVERRIDE_CONTRADICTS: enterpriseRule(
    'SIZE_OVERRIDE_CONTRADICTS',
    `e.active and e.size_override is not null and e.size_override <> e.derived_size_class`,
    `'认定' || ${sizeName('e.size_override')} || '，按数据测算为' || ${sizeName('e.derived_size_class')}`,
  ),
  STALE_RECORD: coordinatorRule('STALE_RECORD', `c.status = 'ACTIVE' and c.updated_at < now() - interval '12 months'`, `'最后更新 ' || to_char(c.updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`),
  LEFT_WITHOUT_DATE: coordinatorRule('LEFT_WITHOUT_DATE', `c.status = 'LEFT' and c.left_on is null`),
};

/** The records every score is counted against: active coordinators and active enterprises. */
export const DATA_QUALITY_RECORDS_SQL = `
  select c.region_path from coordinator c where ${within('c.region_path')} and c.status = 'ACTIVE'
  union all
  select e.region_path from enterprise e where ${within('e.region_path')} and e.active`;

/** The child path of `$1` a record's path lies under (the path itself for a record at that level). */
export const CHILD_PATH_SQL = `substr(region_path, 1, length($1) + strpos(substr(region_path, length($1) + 1), '/'))`;
