import { MigrationInterface, QueryRunner } from 'typeorm';

// Roster imports: the job record (state of a background import, its counts and progress), the
// refused rows of its dry run, and UNLOGGED staging tables that rows are COPYed into before the
// set-based checks and upserts (see docs/decisions/0600-imports.md).
export class Imports1764000003000 implements MigrationInterface {
  name = 'Imports1764000003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table import_job (
        id bigint generated always as identity primary key,
        kind varchar(20) not null check (kind in ('coordinators', 'enterprises')),
        mode varchar(16) check (mode in ('ALL_OR_NOTHING', 'VALID_ONLY')),
        status varchar(12) not null check (status in ('QUEUED', 'VALIDATING', 'VALIDATED', 'COMMITTING', 'COMMITTED', 'FAILED')),
        file_name varchar(255) not null,
        file_format varchar(4) not null check (file_format in ('xlsx', 'csv')),
        file_encoding varchar(10),
        file_size bigint not null,
        stored_file varchar(100) not null,
        user_id bigint,
        username varchar(64) not null,
        scope_path varchar(80) collate "C" not null,
        rows_parsed integer not null default 0,
        rows_validated integer not null default 0,
        rows_written integer not null default 0,
        count_new integer,
        count_updated integer,
        count_unchanged integer,
        count_invalid integer,
        lists_present text[] not null default '{}',
        message varchar(1000),
        created_at timestamptz not null default now(),
        validated_at timestamptz,
        committed_at timestamptz,
        updated_at timestamptz not null default now()
      );
      create index import_job_scope_idx on import_job (scope_path, id desc);

      create table import_job_error (
        job_id bigint not null references import_job(id) on delete cascade,
        sheet varchar(31) not null,
        row_number integer not null,
        column_name varchar(64) not null,
        reason varchar(500) not null,
        -- 'ROW': from the row's own cells; 'SET': from a set-based check (rerun at commit)
        origin varchar(3) not null default 'ROW' check (origin in ('ROW', 'SET'))
      );
      create index import_job_error_job_idx on import_job_error (job_id, sheet, row_number);

      create unlogged table import_staging_coordinator (
        job_id bigint not null,
        row_number integer not null,
        id_key varchar(70) not null,
        name varchar(50) not null,
        gender varchar(6),
        birth_date date,
        id_number_hash char(64),
        id_number_cipher text,
        id_number_key_id varchar(20),
        id_number_masked varchar(18) not null,
        ref bigint,
        phone varchar(20),
        category smallint not null,
        affiliation varchar(12) not null,
        tripartite_or_grassroots boolean not null,
        enterprise_code varchar(18),
        enterprise_id bigint,
        unit_name varchar(200),
        region_code varchar(12) not null,
        region_path varchar(80) collate "C" not null,
        post varchar(100),
        status varchar(6) not null,
        joined_on date,
        left_on date,
        valid boolean not null default true
      );
      create index import_staging_coordinator_job_idx on import_staging_coordinator (job_id, id_key);

      create unlogged table import_staging_record (
        job_id bigint not null,
        sheet varchar(31) not null,
        sheet_index smallint not null,
        row_number integer not null,
        id_key varchar(70) not null,
        kind varchar(12) not null,
        data jsonb not null,
        min_date date,
        min_date_column varchar(64)
      );
      create index import_staging_record_job_idx on import_staging_record (job_id, id_key);

      create unlogged table import_staging_enterprise (
        job_id bigint not null,
        row_number integer not null,
        credit_code varchar(18) not null,
        name varchar(200) not null,
        region_code varchar(12) not null,
        region_path varchar(80) collate "C" not null,
        industry_code varchar(8) not null,
        industry_section char(1) not null,
        employees integer not null,
        revenue numeric(16, 2) not null,
        assets numeric(16, 2),
        public_owned boolean not null,
        social_organization boolean not null,
        derived_size_class varchar(6) not null,
        size_override varchar(6),
        size_override_reason varchar(500),
        registered_on date,
        valid boolean not null default true
      );
      create index import_staging_enterprise_job_idx on import_staging_enterprise (job_id, credit_code);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      drop table import_staging_enterprise, import_staging_record, import_staging_coordinator;
      drop table import_job_error, import_job;
    `);
  }
}
