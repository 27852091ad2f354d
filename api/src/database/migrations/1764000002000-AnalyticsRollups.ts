import { MigrationInterface, QueryRunner } from 'typeorm';

// Roll-up tables for the dashboard (see docs/decisions/0005-analytics-rollups.md).
// *_leaf rows hold figures per the row's own region; *_node rows hold the same figures summed
// over each region's subtree (province, unit, county, township), so any figure is an exact
// lookup. Statement-level triggers note the regions a write touches in analytics_dirty_region;
// the API's AnalyticsRefresher recomputes those regions within about a second. The trigger
// functions run as their owner so that row-level security on the writer's connection does not
// hide a coordinator of another county who works at the enterprise being changed.
const SUB_RECORD_TABLES = ['certificate', 'education', 'training'];

function dirtyTriggers(table: string, body: (rows: string) => string): string {
  const events: [string, string, string[]][] = [
    ['insert', 'INSERT', ['new table as new_rows']],
    ['update', 'UPDATE', ['old table as old_rows', 'new table as new_rows']],
    ['delete', 'DELETE', ['old table as old_rows']],
  ];
  return events
    .map(([suffix, event, references]) => {
      const sets = references.map((reference) => reference.split(' as ')[1]);
      const name = `analytics_mark_${table}_${suffix}`;
      return `
      create function ${name}() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        insert into analytics_dirty_region (region_code)
        ${sets.map((rows) => body(rows)).join('\n        union\n        ')};
        return null;
      end $$;
      create trigger ${name} after ${event} on ${table}
        referencing ${references.join(' ')} for each statement execute function ${name}();`;
    })
    .join('\n');
}

export class AnalyticsRollups1764000002000 implements MigrationInterface {
  name = 'AnalyticsRollups1764000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table analytics_dirty_region (
        region_code varchar(12) not null,
        marked_at timestamptz not null default clock_timestamp()
      );

      create table analytics_state (
        id smallint primary key default 1 check (id = 1),
        built_year smallint,
        refreshed_at timestamptz,
        last_refresh_ms integer,
        last_refresh_regions integer
      );
      insert into analytics_state (id) values (1);

      -- enterprises at each year end (current year: now) by size, social organization, ownership
      create table analytics_enterprise_leaf (
        region_code varchar(12) not null,
        region_path varchar(80) collate "C" not null,
        year smallint not null,
        size_class varchar(6) not null,
        social_organization boolean not null,
        public_owned boolean not null,
        total integer not null,
        covered_own integer not null,
        covered_any integer not null,
        primary key (region_code, year, size_class, social_organization, public_owned)
      );
      create index analytics_enterprise_leaf_path_idx on analytics_enterprise_leaf (region_path);
      create table analytics_enterprise_node (
        node_code varchar(12) not null,
        year smallint not null,
        size_class varchar(6) not null,
        social_organization boolean not null,
        public_owned boolean not null,
        total integer not null,
        covered_own integer not null,
        covered_any integer not null,
        primary key (node_code, year, size_class, social_organization, public_owned)
      );

      -- coordinator stock at year end by dimension/bucket, and yearly flows (joined, certified, trained…)
      create table analytics_coordinator_leaf (
        region_code varchar(12) not null,
        region_path varchar(80) collate "C" not null,
        year smallint not null,
        dimension varchar(20) not null,
        bucket varchar(100) not null,
        value numeric(16, 2) not null,
        primary key (region_code, year, dimension, bucket)
      );
      create index analytics_coordinator_leaf_path_idx on analytics_coordinator_leaf (region_path);
      create table analytics_coordinator_node (
        node_code varchar(12) not null,
        year smallint not null,
        dimension varchar(20) not null,
        bucket varchar(100) not null,
        value numeric(16, 2) not null,
        primary key (node_code, year, dimension, bucket)
      );

      create index if not exists coordinator_region_code_idx on coordinator (region_code);
      create index if not exists enterprise_region_code_idx on enterprise (region_code);

      ${dirtyTriggers('enterprise', (rows) => `select region_code from ${rows}
        union select c.region_code from coordinator c join ${rows} r on c.enterprise_id = r.id`)}
      ${dirtyTriggers('coordinator', (rows) => `select region_code from ${rows}
        union select e.region_code from enterprise e join ${rows} r on e.id = r.enterprise_id`)}
      ${SUB_RECORD_TABLES.map((table) => dirtyTriggers(table, (rows) => `select c.region_code from coordinator c join ${rows} r on c.id = r.coordinator_id`)).join('\n')}

      -- everything is dirty until the first refresh
      insert into analytics_dirty_region (region_code) select code from region;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const drops: string[] = [];
    for (const table of ['enterprise', 'coordinator', ...SUB_RECORD_TABLES]) {
      for (const suffix of ['insert', 'update', 'delete']) {
        drops.push(`drop trigger if exists analytics_mark_${table}_${suffix} on ${table};`);
        drops.push(`drop function if exists analytics_mark_${table}_${suffix}();`);
      }
    }
    await queryRunner.query(`
      ${drops.join('\n')}
      drop index if exists coordinator_region_code_idx;
      drop index if exists enterprise_region_code_idx;
      drop table analytics_coordinator_node, analytics_coordinator_leaf, analytics_enterprise_node, analytics_enterprise_leaf;
      drop table analytics_state, analytics_dirty_region;
    `);
  }
}
