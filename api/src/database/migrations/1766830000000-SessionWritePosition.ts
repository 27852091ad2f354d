import type { MigrationInterface, QueryRunner } from 'typeorm';

// With read replicas (docs/decisions/0903-read-replicas.md): the primary's WAL position after the
// session's last committed write, as a number (pg_lsn - '0/0'), so that every instance sends the
// session's reads only to a replica that has replayed it. Null: no write (or no replicas).
export class SessionWritePosition1766830000000 implements MigrationInterface {
  name = 'SessionWritePosition1766830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table user_session add column last_write_lsn bigint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table user_session drop column last_write_lsn`);
  }
}
