import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Import jobs run through pg-boss (a Postgres-backed queue): its schema is created here, by the
// construction plan of the installed pg-boss version, so it goes through migrations like every
// other schema change and the application starts pg-boss with `migrate: false`. A newer pg-boss
// brings its own migration plans (PgBoss.getMigrationPlans) in a new migration.
export const QUEUE_SCHEMA = 'pgboss';
export const IMPORT_QUEUE = 'registry-import';
/** A job whose instance died is retried after this long (a 60 MB upload validates in ~1–2 min). */
export const IMPORT_JOB_EXPIRE_SECONDS = 600;

export class ImportQueue1764000007000 implements MigrationInterface {
  name = 'ImportQueue1764000007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(PgBoss.getConstructionPlans(QUEUE_SCHEMA));
    await queryRunner.query(`select ${QUEUE_SCHEMA}.create_queue($1, $2)`, [
      IMPORT_QUEUE,
      { policy: 'standard', retryLimit: 2, retryDelay: 5, retryBackoff: false, expireInSeconds: IMPORT_JOB_EXPIRE_SECONDS, retentionMinutes: 60 * 24 * 7 },
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop schema if exists ${QUEUE_SCHEMA} cascade`);
  }
}
