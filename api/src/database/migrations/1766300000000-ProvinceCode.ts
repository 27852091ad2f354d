import { MigrationInterface, QueryRunner } from 'typeorm';

// The province code (the first two digits of the region code, the root of the jurisdiction
// path) on every scoped table: Citus' distribution column in the national plan
// (docs/decisions/0902-citus-national-plan.md). A stored generated column, so no writer has to
// supply it and it can never disagree with the row's region. Unique keys keep their columns
// for now (imports' ON CONFLICT targets, the province-wide ID-number hash); the schema test
// (test/integration/province-code.test.ts) lists each one and why.
const FROM_REGION_CODE = ['coordinator', 'enterprise', 'app_user', 'import_staging_coordinator', 'import_staging_enterprise', 'analytics_enterprise_leaf', 'analytics_coordinator_leaf'];
const FROM_PATH: [string, string][] = [
  ['nomination', 'region_path'],
  ['import_job', 'scope_path'],
  ['audit_log', 'region_path'],
];

export class ProvinceCode1766300000000 implements MigrationInterface {
  name = 'ProvinceCode1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of FROM_REGION_CODE) {
      await queryRunner.query(`alter table ${table} add column province_code char(2) generated always as (left(region_code, 2)::char(2)) stored not null`);
    }
    for (const [table, column] of FROM_PATH) {
      // audit_log: entries without a region (failed logins of unknown users, key rotations) have none
      const nullable = table === 'audit_log' ? '' : ' not null';
      await queryRunner.query(`alter table ${table} add column province_code char(2) generated always as (left(${column}, 2)::char(2)) stored${nullable}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...FROM_REGION_CODE, ...FROM_PATH.map(([table]) => table)]) {
      await queryRunner.query(`alter table ${table} drop column province_code`);
    }
  }
}
