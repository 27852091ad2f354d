import { MigrationInterface, QueryRunner } from 'typeorm';

// Lists sort by name and search by "name contains": a (name, id) btree serves the default
// order with a LIMIT without sorting the whole scope, and trigram GIN indexes serve
// `name like '%…%'` on hundreds of thousands of rows.
export class ListIndexes1764000000300 implements MigrationInterface {
  name = 'ListIndexes1764000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create extension if not exists pg_trgm;
      drop index if exists coordinator_name_idx;
      drop index if exists enterprise_name_idx;
      create index coordinator_name_order_idx on coordinator (name, id);
      create index enterprise_name_order_idx on enterprise (name, id);
      create index coordinator_name_trgm_idx on coordinator using gin (name gin_trgm_ops);
      create index enterprise_name_trgm_idx on enterprise using gin (name gin_trgm_ops);
      create index coordinator_path_name_idx on coordinator (region_path, name, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      drop index coordinator_path_name_idx, enterprise_name_trgm_idx, coordinator_name_trgm_idx,
        enterprise_name_order_idx, coordinator_name_order_idx;
      create index coordinator_name_idx on coordinator (name varchar_pattern_ops);
      create index enterprise_name_idx on enterprise (name varchar_pattern_ops);
    `);
  }
}
