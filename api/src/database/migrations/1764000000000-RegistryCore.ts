import { MigrationInterface, QueryRunner } from 'typeorm';

// The registry core: regions, enterprises, coordinators and their sub-records.
// `path` columns hold the jurisdiction path (see docs/decisions/0002-jurisdiction-paths.md);
// they are C-collated so that `path >= scope AND path < scope || '~'` uses the index.
export class RegistryCore1764000000000 implements MigrationInterface {
  name = 'RegistryCore1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table region (
        code varchar(12) primary key,
        name varchar(64) not null,
        level varchar(10) not null check (level in ('PROVINCE', 'UNIT', 'COUNTY', 'TOWNSHIP')),
        parent_code varchar(12) references region(code),
        path varchar(80) collate "C" not null unique,
        synthetic boolean not null default false
      );
      create index region_parent_idx on region (parent_code);

      create table enterprise (
        id bigint generated always as identity primary key,
        credit_code varchar(18) not null unique,
        name varchar(200) not null,
        region_code varchar(12) not null references region(code),
        region_path varchar(80) collate "C" not null,
        industry_code varchar(8) not null,
        industry_section char(1) not null,
        employees integer not null check (employees >= 0),
        revenue numeric(16, 2) not null check (revenue >= 0),
        assets numeric(16, 2) check (assets >= 0),
        public_owned boolean not null,
        social_organization boolean not null default false,
        derived_size_class varchar(6) not null check (derived_size_class in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
        size_override varchar(6) check (size_override in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
        size_override_reason varchar(500),
        size_class varchar(6) generated always as (coalesce(size_override, derived_size_class)) stored,
        registered_on date not null default current_date,
        active boolean not null default true,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint enterprise_override_reason check (size_override is null or length(trim(size_override_reason)) > 0)
      );
      create index enterprise_path_idx on enterprise (region_path);
      create index enterprise_size_path_idx on enterprise (size_class, region_path);
      create index enterprise_name_idx on enterprise (name varchar_pattern_ops);

      create table enterprise_incident (
        id bigint generated always as identity primary key,
        enterprise_id bigint not null references enterprise(id) on delete cascade,
        kind varchar(100) not null,
        occurred_on date not null,
        description varchar(1000)
      );
      create index enterprise_incident_enterprise_idx on enterprise_incident (enterprise_id);

      create table coordinator (
        id bigint generated always as identity primary key,
        name varchar(50) not null,
        gender varchar(6) not null check (gender in ('MALE', 'FEMALE')),
        birth_date date not null,
        id_number_cipher text not null,
        id_number_key_id varchar(20) not null,
        id_number_hash char(64) not null unique,
        id_number_masked varchar(18) not null,
        phone varchar(20),
        category smallint not null check (category between 1 and 6),
        affiliation varchar(12) not null check (affiliation in ('ENTERPRISE', 'TRIPARTITE', 'GRASSROOTS', 'OTHER')),
        tripartite_or_grassroots boolean not null,
        enterprise_id bigint references enterprise(id),
        unit_name varchar(200),
        region_code varchar(12) not null references region(code),
        region_path varchar(80) collate "C" not null,
        post varchar(100),
        status varchar(6) not null default 'ACTIVE' check (status in ('ACTIVE', 'LEFT')),
        joined_on date not null,
        left_on date,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint coordinator_left_after_joined check (left_on is null or left_on >= joined_on)
      );
      create index coordinator_path_idx on coordinator (region_path);
      create index coordinator_enterprise_idx on coordinator (enterprise_id);
      create index coordinator_name_idx on coordinator (name varchar_pattern_ops);

      create table certificate (
        id bigint generated always as identity primary key,
        coordinator_id bigint not null references coordinator(id) on delete cascade,
        occupation varchar(100) not null,
        level smallint check (level between 1 and 5),
        title varchar(100),
        certificate_number varchar(64),
        issuer varchar(200),
        issued_on date not null
      );
      create index certificate_coordinator_idx on certificate (coordinator_id);

      create table education (
        id bigint generated always as identity primary key,
        coordinator_id bigint not null references coordinator(id) on delete cascade,
        level varchar(20) not null check (level in ('SECONDARY_OR_BELOW', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR')),
        major varchar(100) not null,
        school varchar(200),
        graduated_on date
      );
      create index education_coordinator_idx on education (coordinator_id);

      create table work_period (
        id bigint generated always as identity primary key,
        coordinator_id bigint not null references coordinator(id) on delete cascade,
        start_on date not null,
        end_on date,
        occupation varchar(100) not null,
        employer varchar(200),
        constraint work_period_order check (end_on is null or end_on >= start_on)
      );
      create index work_period_coordinator_idx on work_period (coordinator_id);

      create table training (
        id bigint generated always as identity primary key,
        coordinator_id bigint not null references coordinator(id) on delete cascade,
        course varchar(200) not null,
        hours numeric(6, 1) not null check (hours >= 0),
        provider varchar(200),
        result varchar(50),
        completed_on date not null,
        subsidy_kind varchar(20) check (subsidy_kind in ('VOCATIONAL_TRAINING', 'SKILL_UPGRADE', 'LIVING_ALLOWANCE')),
        subsidy_amount numeric(12, 2) check (subsidy_amount >= 0)
      );
      create index training_coordinator_idx on training (coordinator_id);

      create table honor (
        id bigint generated always as identity primary key,
        coordinator_id bigint not null references coordinator(id) on delete cascade,
        title varchar(200) not null,
        level varchar(10) not null check (level in ('NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY')),
        awarded_on date not null,
        issuer varchar(200)
      );
      create index honor_coordinator_idx on honor (coordinator_id);

      create table disciplinary_record (
        id bigint generated always as identity primary key,
        coordinator_id bigint not null references coordinator(id) on delete cascade,
        kind varchar(100) not null,
        occurred_on date not null,
        description varchar(1000)
      );
      create index disciplinary_record_coordinator_idx on disciplinary_record (coordinator_id);

      create table work_record (
        id bigint generated always as identity primary key,
        coordinator_id bigint not null references coordinator(id) on delete cascade,
        kind varchar(20) not null check (kind in ('DISPUTE_MEDIATED', 'CONSULTATION', 'TRAINING_GIVEN', 'OTHER')),
        count integer not null default 1 check (count >= 0),
        recorded_on date not null,
        description varchar(1000)
      );
      create index work_record_coordinator_idx on work_record (coordinator_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      drop table work_record, disciplinary_record, honor, training, work_period, education, certificate;
      drop table coordinator;
      drop table enterprise_incident, enterprise;
      drop table region;
    `);
  }
}
