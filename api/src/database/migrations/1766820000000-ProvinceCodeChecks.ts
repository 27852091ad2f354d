import type { MigrationInterface, QueryRunner } from 'typeorm';

// The province code of every row with a region of its own is held to that region (docs/decisions/
// 0902-citus-national-plan.md): the tables added beside the ProvinceCode migration carry a plain
// province_code column; a check keeps a writer from making it disagree with the row's region.
const TABLES = ['closed_year_figures', 'coordinator_assignment', 'region_version', 'subsidy_claim', 'training_participation'];

export class ProvinceCodeChecks1766820000000 implements MigrationInterface {
  name = 'ProvinceCodeChecks1766820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`alter table ${table} add constraint ${table}_province check (province_code = left(region_code, 2))`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`alter table ${table} drop constraint ${table}_province`);
  }
}
