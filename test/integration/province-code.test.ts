import { Client } from 'pg';
import { createTestDatabase } from '../support/test-database';

// The schema stays ready for sharding by province (docs/decisions/0902-citus-national-plan.md):
// every scoped table (one with a jurisdiction path) carries province_code, and every unique key
// of a scoped table includes it — except the ones listed here, each with the reason it cannot
// yet and the step of the ADR that removes it. A new scoped table or key fails this test until
// it carries the province code or is added here with a reason.

/** Scoped tables that may lack province_code, and why. */
const TABLES_WITHOUT_PROVINCE: Record<string, string> = {};

/** Unique keys (constraint or index names) of scoped tables without province_code, and why. */
const KEYS_WITHOUT_PROVINCE: Record<string, string> = {
  coordinator_pkey: 'identity primary key; becomes (province_code, id) in ADR 0902 step 3',
  enterprise_pkey: 'identity primary key; becomes (province_code, id) in ADR 0902 step 3',
  app_user_pkey: 'identity primary key; becomes (province_code, id) in ADR 0902 step 3',
  audit_log_pkey: 'identity primary key; becomes (province_code, id) in ADR 0902 step 3',
  import_job_pkey: 'identity primary key; becomes (province_code, id) in ADR 0902 step 3',
  nomination_pkey: 'identity primary key; becomes (province_code, id) in ADR 0902 step 3',
  coordinator_id_number_hash_key: 'a person is registered once in the whole registry: a global key, a reference lookup in ADR 0902 step 2',
  enterprise_credit_code_key: 'a legal unit is registered once: a global key (and the imports\' ON CONFLICT target), a reference lookup in ADR 0902 step 2',
  app_user_username_key: 'login has no province: a reference table finds the shard (ADR 0902 step 2)',
  analytics_coordinator_leaf_pkey: 'keyed by region_code, which determines the province; the roll-ups\' upsert target, becomes (province_code, region_code, …) in step 3',
  analytics_enterprise_leaf_pkey: 'keyed by region_code, which determines the province; the roll-ups\' upsert target, becomes (province_code, region_code, …) in step 3',
  nomination_one_live_per_year: 'by coordinator id (an identity, unique in the registry); becomes (province_code, campaign_year, coordinator_id) with the ids in step 3',
  nomination_certificate_number_key: 'certificate numbers carry the province already; becomes (province_code, certificate_number) in step 3',
  studio_pkey: 'identity primary key; becomes (province_code, id) in ADR 0902 step 3',
  training_provider_pkey: 'identity primary key; becomes (province_code, id) in ADR 0902 step 3',
  training_session_pkey: 'identity primary key; becomes (province_code, id) in ADR 0902 step 3',
  training_participation_pkey: 'identity primary key; becomes (province_code, id) in ADR 0902 step 3',
  subsidy_claim_pkey: 'identity primary key; becomes (province_code, id) in ADR 0902 step 3',
  work_record_pkey: 'identity primary key (a sub-record of its coordinator before it was scoped); becomes (province_code, id) in ADR 0902 step 3',
};

describe('schema ready for distribution by province', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;
  beforeAll(async () => {
    database = await createTestDatabase('registry_schema');
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  async function scopedTables(): Promise<{ table: string; hasProvince: boolean }[]> {
    const { rows } = await client.query(
      `select c.table_name as table, bool_or(c.column_name = 'province_code') as "hasProvince"
       from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
       where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
       group by c.table_name
       having bool_or(c.column_name in ('region_path', 'scope_path'))
       order by 1`,
    );
    return rows;
  }

  it('gives every scoped table a province_code', async () => {
    const tables = await scopedTables();
    expect(tables.length).toBeGreaterThanOrEqual(8);
    const missing = tables.filter((table) => !table.hasProvince && !(table.table in TABLES_WITHOUT_PROVINCE)).map((table) => table.table);
    expect(missing).toEqual([]);
  });

  it('includes province_code in every unique key of a scoped table, but for the listed ones', async () => {
    const scoped = (await scopedTables()).map((table) => table.table);
    const { rows } = await client.query<{ table: string; key: string; columns: string[] }>(
      `select t.relname as table, i.relname as key, array_agg(a.attname::text order by a.attnum) as columns
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
       join pg_namespace n on n.oid = t.relnamespace
       join pg_attribute a on a.attrelid = t.oid and a.attnum = any(x.indkey)
       where n.nspname = 'public' and x.indisunique and t.relname = any($1)
       group by t.relname, i.relname`,
      [scoped],
    );
    expect(rows.length).toBeGreaterThan(0);
    const offending = rows.filter((row) => !row.columns.includes('province_code') && !(row.key in KEYS_WITHOUT_PROVINCE));
    expect(offending.map((row) => `${row.table}.${row.key} (${row.columns.join(', ')})`)).toEqual([]);
    // a listed exception that no longer exists (or now includes the column) leaves the list
    const present = new Set(rows.filter((row) => !row.columns.includes('province_code')).map((row) => row.key));
    expect(Object.keys(KEYS_WITHOUT_PROVINCE).filter((key) => !present.has(key))).toEqual([]);
  });

  it('derives the province from the row\'s region (generated, or held to it by a check), so no writer can make it disagree', async () => {
    const { rows: columns } = await client.query(
      `select c.table_name, c.is_generated, c.generation_expression, c.is_nullable,
              exists (select 1 from information_schema.columns r where r.table_schema = 'public' and r.table_name = c.table_name
                        and r.column_name in ('region_code', 'region_path', 'scope_path')) as "hasRegion",
              exists (select 1 from pg_constraint k join pg_class t on t.oid = k.conrelid
                        where t.relname = c.table_name and k.contype = 'c' and pg_get_constraintdef(k.oid) ~ 'province_code.{0,20} = .{0,2}left.{0,3}\\(.{0,4}(region_code|region_path|scope_path)') as "checked"
       from information_schema.columns c where c.table_schema = 'public' and c.column_name = 'province_code' order by 1`,
    );
    expect(columns.length).toBeGreaterThanOrEqual(8);
    const loose: string[] = [];
    for (const column of columns) {
      // audit rows may have no region at all
      if (column.table_name !== 'audit_log' && column.is_nullable !== 'NO') loose.push(`${column.table_name}: nullable`);
      if (!column.hasRegion) continue; // a row of a parent or province-wide: the parent's province, not null
      const generated = column.is_generated === 'ALWAYS' && /left"?\(\(*(region_code|region_path|scope_path)\)?/.test(column.generation_expression ?? '');
      if (!generated && !column.checked) loose.push(`${column.table_name}: neither generated from nor checked against the row's region`);
    }
    expect(loose).toEqual([]);
  });
});
