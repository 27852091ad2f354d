import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from './1764000001000-ApplicationRoleAndRowSecurity';

// A coordinator's sub-records carry no jurisdiction of their own: they belong to the region of
// their coordinator. Their policy asks for the coordinator through its own row-level security,
// so a request connection sees and writes sub-records only of people within its scope, also in
// a statement the services did not write with a scope (defence in depth; the services already
// reach them through scoped coordinators). The owner (migrations, imports, roll-ups) is not
// subject to it.
const SUB_RECORD_TABLES = ['certificate', 'education', 'work_period', 'training', 'honor', 'disciplinary_record', 'work_record'];
const OF_A_VISIBLE_COORDINATOR = `exists (select 1 from coordinator c where c.id = coordinator_id)`;

export class SubRecordRowSecurity1764000005000 implements MigrationInterface {
  name = 'SubRecordRowSecurity1764000005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of SUB_RECORD_TABLES) {
      await queryRunner.query(`
        alter table ${table} enable row level security;
        create policy ${table}_jurisdiction on ${table} to ${APPLICATION_ROLE}
          using (${OF_A_VISIBLE_COORDINATOR}) with check (${OF_A_VISIBLE_COORDINATOR});
      `);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of SUB_RECORD_TABLES) {
      await queryRunner.query(`drop policy if exists ${table}_jurisdiction on ${table}; alter table ${table} disable row level security;`);
    }
  }
}
