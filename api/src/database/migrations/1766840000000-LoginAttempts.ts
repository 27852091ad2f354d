import type { MigrationInterface, QueryRunner } from 'typeorm';

// Login and password-change attempts in one-minute sliding windows, shared by every API instance
// (issue 16; api/src/auth/login-rate-limiter.ts). The key is an HMAC of the address, or of the
// address and username: the table holds neither. Unlogged like public_request_count: losing the
// last minute's attempts in a crash only reopens the windows.
export class LoginAttempts1766840000000 implements MigrationInterface {
  name = 'LoginAttempts1766840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create unlogged table login_attempt (
        client_key varchar(32) collate "C" not null,
        at timestamptz not null default clock_timestamp()
      );
      create index login_attempt_key_idx on login_attempt (client_key, at);
      create index login_attempt_at_idx on login_attempt (at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table login_attempt`);
  }
}
