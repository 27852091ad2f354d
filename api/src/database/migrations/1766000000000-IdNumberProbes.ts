import { MigrationInterface, QueryRunner } from 'typeorm';

// The full ID numbers a user typed (form or import) that are registered outside the user's
// jurisdiction, one row per user, China day and number: the daily budget of such answers
// ("already registered, ask the province for a transfer") is counted here, across instances.
// No number in clear, only its keyed hash. See docs/decisions/0712-id-number-existence-answers.md.
export class IdNumberProbes1766000000000 implements MigrationInterface {
  name = 'IdNumberProbes1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table id_number_probe (
        user_id bigint not null references app_user(id),
        day date not null,
        id_number_hash char(64) not null,
        channel varchar(10) not null check (channel in ('FORM', 'IMPORT')),
        at timestamptz not null default now(),
        primary key (user_id, day, id_number_hash)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table id_number_probe`);
  }
}
