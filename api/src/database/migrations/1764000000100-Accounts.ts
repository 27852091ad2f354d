import { MigrationInterface, QueryRunner } from 'typeorm';

// Accounts, server-side sessions and the audit trail.
export class Accounts1764000000100 implements MigrationInterface {
  name = 'Accounts1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table app_user (
        id bigint generated always as identity primary key,
        username varchar(50) not null unique,
        display_name varchar(100) not null,
        password_hash varchar(200) not null,
        role varchar(20) not null check (role in ('PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE', 'TOWNSHIP_PLATFORM', 'LEADER', 'AUDITOR')),
        region_code varchar(12) not null references region(code),
        region_path varchar(80) collate "C" not null,
        active boolean not null default true,
        must_change_password boolean not null default true,
        password_changed_at timestamptz not null default now(),
        password_exempt boolean not null default false,
        failed_logins integer not null default 0,
        locked_until timestamptz,
        created_by bigint references app_user(id),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create index app_user_path_idx on app_user (region_path);

      create table password_history (
        id bigint generated always as identity primary key,
        user_id bigint not null references app_user(id) on delete cascade,
        password_hash varchar(200) not null,
        created_at timestamptz not null default now()
      );
      create index password_history_user_idx on password_history (user_id, created_at desc);

      create table user_session (
        token_hash char(64) primary key,
        user_id bigint not null references app_user(id) on delete cascade,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz
      );
      create index user_session_user_idx on user_session (user_id);

      create table audit_log (
        id bigint generated always as identity primary key,
        at timestamptz not null default now(),
        user_id bigint,
        username varchar(50),
        action varchar(40) not null,
        object_type varchar(40),
        object_id varchar(40),
        region_path varchar(80) collate "C",
        detail jsonb,
        ip varchar(64)
      );
      create index audit_log_at_idx on audit_log (at desc);
      create index audit_log_user_idx on audit_log (user_id, at desc);
      create index audit_log_object_idx on audit_log (object_type, object_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table audit_log, user_session, password_history, app_user`);
  }
}
