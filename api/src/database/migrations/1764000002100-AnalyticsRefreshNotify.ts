import { MigrationInterface, QueryRunner } from 'typeorm';

// The roll-up triggers also NOTIFY analytics_dirty, so the API's refresher (LISTEN) starts
// within milliseconds of a commit instead of at its next poll; node rows are now derived from
// region paths, so the leaf path indexes are no longer read.
const TABLES = ['enterprise', 'coordinator', 'certificate', 'education', 'training'];
const EVENTS = ['insert', 'update', 'delete'];

export class AnalyticsRefreshNotify1764000002100 implements MigrationInterface {
  name = 'AnalyticsRefreshNotify1764000002100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create function analytics_notify_dirty() returns trigger language plpgsql as $$
      begin
        perform pg_notify('analytics_dirty', '');
        return null;
      end $$;
      ${TABLES.flatMap((table) =>
        EVENTS.map((event) => `create trigger analytics_notify_${table}_${event} after ${event} on ${table}
          for each statement execute function analytics_notify_dirty();`),
      ).join('\n')}
      drop index if exists analytics_enterprise_leaf_path_idx;
      drop index if exists analytics_coordinator_leaf_path_idx;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ${TABLES.flatMap((table) => EVENTS.map((event) => `drop trigger if exists analytics_notify_${table}_${event} on ${table};`)).join('\n')}
      drop function if exists analytics_notify_dirty();
      create index analytics_enterprise_leaf_path_idx on analytics_enterprise_leaf (region_path);
      create index analytics_coordinator_leaf_path_idx on analytics_coordinator_leaf (region_path);
    `);
  }
}
