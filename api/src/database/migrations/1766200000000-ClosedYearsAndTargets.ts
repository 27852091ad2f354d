import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 12, "Closed years" and "The target after 2025" (docs/decisions/0810-closed-years-and-targets.md):
// - coverage_target: a target is data (name, end date, rate to reach, what it counts); 十四五
//   (100% of large/medium enterprises and social organizations by 2025-12-31) ships as the
//   first record, the province adds the next.
// - closed_year: the province administrator closes a year (年度数据锁定); its figures as they
//   stood are kept per region in closed_year_figures (a JSON document of the figures the
//   dashboard and the year-end summary show), so a figure reported upward can be shown again.
//   Reopening deletes the year's rows; both are audited.
// Keyed by province (the first two digits of the region code), so each province closes its own years.
export class ClosedYearsAndTargets1766200000000 implements MigrationInterface {
  name = 'ClosedYearsAndTargets1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table coverage_target (
        id serial primary key,
        province_code char(2) not null,
        name varchar(40) not null,
        end_date date not null check (extract(month from end_date) = 12 and extract(day from end_date) = 31),
        rate numeric(5, 4) not null default 1 check (rate > 0 and rate <= 1),
        counts varchar(20)[] not null default array['LARGE_MEDIUM', 'SOCIAL_ORGANIZATION']::varchar(20)[]
          check (cardinality(counts) > 0 and counts <@ array['LARGE_MEDIUM', 'SOCIAL_ORGANIZATION']::varchar(20)[]),
        created_at timestamptz not null default now(),
        created_by bigint references app_user(id),
        constraint coverage_target_name_key unique (province_code, name),
        constraint coverage_target_end_key unique (province_code, end_date)
      );
      insert into coverage_target (province_code, name, end_date, rate)
        select distinct left(code, 2), '十四五', date '2025-12-31', 1 from region where parent_code is null;

      create table closed_year (
        province_code char(2) not null,
        year integer not null check (year >= 2021),
        closed_at timestamptz not null default now(),
        closed_by bigint references app_user(id),
        constraint closed_year_pkey primary key (province_code, year)
      );

      create table closed_year_figures (
        province_code char(2) not null,
        year integer not null,
        region_code varchar(12) not null references region(code),
        figures jsonb not null,
        constraint closed_year_figures_pkey primary key (province_code, year, region_code),
        constraint closed_year_figures_year_fkey foreign key (province_code, year) references closed_year (province_code, year) on delete cascade
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      drop table if exists closed_year_figures;
      drop table if exists closed_year;
      drop table if exists coverage_target;
    `);
  }
}
