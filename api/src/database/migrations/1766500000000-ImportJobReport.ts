import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 14, imports in the browser: each phase's own progress (rows read of the rows the file
// declares, the set-based checks done of all), the first staged rows as they will be stored
// (the dry run's preview) and the notes of the dry run (regions written by name: which code each took).
export class ImportJobReport1766500000000 implements MigrationInterface {
  name = 'ImportJobReport1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table import_job
      add column rows_total integer,
      add column check_step smallint not null default 0,
      add column check_steps smallint not null default 0,
      add column preview jsonb,
      add column notes jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table import_job drop column rows_total, drop column check_step, drop column check_steps, drop column preview, drop column notes`);
  }
}
