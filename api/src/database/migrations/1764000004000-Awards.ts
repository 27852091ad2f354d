import { MigrationInterface, QueryRunner } from 'typeorm';

// Gold, silver and bronze coordinators (四 of 吉三方〔2021〕1号): yearly campaigns and their quota
// table (附件1), the administrator's calendar overrides and eligibility-list additions, the
// nominations with every transition, objections raised during publicity and each office's ranking.
export class Awards1764000004000 implements MigrationInterface {
  name = 'Awards1764000004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table calendar_override (
        date date primary key,
        workday boolean not null,
        note varchar(200),
        updated_by bigint references app_user(id),
        updated_at timestamptz not null default now()
      );

      -- Additions to (or exclusions from) DEFAULT_ELIGIBILITY_TABLES of libs/domain.
      create table eligibility_table_entry (
        id bigint generated always as identity primary key,
        kind varchar(30) not null check (kind in ('RELATED_OCCUPATION', 'RELATED_OCCUPATION_KEYWORD', 'RELATED_MAJOR',
          'RELATED_MAJOR_KEYWORD', 'TITLE_LEVEL', 'HARMONY_HONOR_KEYWORD', 'FIELD_HONOR_KEYWORD')),
        value varchar(100) not null,
        level smallint check (level between 1 and 5),
        excluded boolean not null default false,
        updated_by bigint references app_user(id),
        updated_at timestamptz not null default now(),
        unique (kind, value),
        constraint eligibility_title_level check ((kind = 'TITLE_LEVEL') = (level is not null) or excluded)
      );

      create table award_campaign (
        year integer primary key check (year between 2000 and 2100),
        reference_date date not null,
        submission_start date not null,
        submission_end date not null,
        gold_target integer not null default 100 check (gold_target >= 0),
        published_at timestamptz,
        published_by bigint references app_user(id),
        decision_document varchar(100),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint award_campaign_window check (submission_end >= submission_start)
      );

      create table award_quota (
        year integer not null references award_campaign(year) on delete cascade,
        region_code varchar(12) not null references region(code),
        tier varchar(6) not null check (tier in ('GOLD', 'SILVER', 'BRONZE')),
        places integer not null check (places >= 0),
        primary key (year, region_code, tier)
      );

      create table nomination (
        id bigint generated always as identity primary key,
        campaign_year integer not null references award_campaign(year),
        coordinator_id bigint not null references coordinator(id),
        tier varchar(6) not null check (tier in ('GOLD', 'SILVER', 'BRONZE')),
        state varchar(12) not null check (state in ('NOMINATED', 'IN_PUBLICITY', 'UNDER_REVIEW', 'RETURNED', 'NAMED', 'NOT_NAMED', 'WITHDRAWN')),
        region_path varchar(80) collate "C" not null,
        reporting_unit_code varchar(12) not null references region(code),
        review_chain varchar(12)[] not null,
        current_step integer not null default 0,
        quota_exempt boolean not null default false,
        eligibility jsonb not null,
        attestations jsonb not null default '[]',
        achievements varchar(4000),
        publicity_start date,
        publicity_end date,
        province_decision varchar(8) check (province_decision in ('NAME', 'NOT_NAME')),
        certificate_number varchar(20) unique,
        named_on date,
        nominated_by bigint not null references app_user(id),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint nomination_publicity_order check (publicity_end is null or publicity_end >= publicity_start)
      );
      create index nomination_path_idx on nomination (region_path);
      create index nomination_campaign_idx on nomination (campaign_year, tier, state);
      create unique index nomination_one_live_per_year on nomination (campaign_year, coordinator_id) where state <> 'WITHDRAWN';

      create table nomination_event (
        id bigint generated always as identity primary key,
        nomination_id bigint not null references nomination(id) on delete cascade,
        at timestamptz not null default now(),
        actor_id bigint references app_user(id),
        actor_username varchar(50),
        action varchar(20) not null,
        from_state varchar(12),
        to_state varchar(12) not null,
        from_office varchar(12),
        to_office varchar(12),
        reason varchar(1000)
      );
      create index nomination_event_nomination_idx on nomination_event (nomination_id, id);

      create table nomination_objection (
        id bigint generated always as identity primary key,
        nomination_id bigint not null references nomination(id) on delete cascade,
        raised_on date not null,
        objector varchar(100),
        content varchar(2000) not null,
        recorded_by bigint not null references app_user(id),
        recorded_at timestamptz not null default now(),
        resolved_at timestamptz,
        resolved_by bigint references app_user(id),
        upheld boolean,
        resolution varchar(1000),
        constraint nomination_objection_resolved check ((resolved_at is null) = (resolution is null))
      );
      create index nomination_objection_nomination_idx on nomination_objection (nomination_id);

      create table nomination_rank (
        nomination_id bigint not null references nomination(id) on delete cascade,
        office_code varchar(12) not null references region(code),
        rank integer not null check (rank >= 1),
        ranked_by bigint references app_user(id),
        ranked_at timestamptz not null default now(),
        primary key (nomination_id, office_code)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      drop table nomination_rank, nomination_objection, nomination_event, nomination;
      drop table award_quota, award_campaign, eligibility_table_entry, calendar_override;
    `);
  }
}
