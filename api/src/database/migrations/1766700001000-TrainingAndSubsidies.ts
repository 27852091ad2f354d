import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from './1764000001000-ApplicationRoleAndRowSecurity';

// 五 and 六(二): training providers (培训机构), their courses/sessions, each person's participation
// with its result (and the skill-level certificate it leads to, written to the person's
// certificates), and the subsidy claims of 五(二)(三). Every table is scoped by its own
// region_path: a provider or a session by the office that registers it, a participation and a
// claim by the person's region at the time (so a county sees its people's hours and claims even
// in a session the city runs). province_code leads every key.
// See docs/decisions/0411-training-and-subsidies.md.
const SCOPE = `nullif(current_setting('app.scope_path', true), '') collate "C"`;
const IN_SCOPE = `(region_path >= ${SCOPE} and region_path < ${SCOPE} || '~')`;
const TABLES = ['training_session', 'training_participation', 'subsidy_claim'];
// A provider registered above the office (a provincial institution) is readable below it, to be
// chosen for a county's session; it is written only inside the scope.
const ABOVE_SCOPE = `(${SCOPE} >= region_path and ${SCOPE} < region_path || '~')`;

export class TrainingAndSubsidies1766700001000 implements MigrationInterface {
  name = 'TrainingAndSubsidies1766700001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table training_provider (
        id bigint generated always as identity primary key,
        province_code char(2) not null,
        name varchar(200) not null,
        credit_code varchar(18) not null,
        -- 具有劳动关系协调员（师）培训资质
        qualified boolean not null default false,
        qualification_note varchar(200),
        region_code varchar(12) not null references region(code),
        region_path varchar(80) collate "C" not null,
        active boolean not null default true,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint training_provider_province check (province_code = left(region_code, 2)),
        constraint training_provider_credit_code_key unique (province_code, credit_code)
      );
      create index training_provider_path_idx on training_provider (region_path);

      create table training_session (
        id bigint generated always as identity primary key,
        province_code char(2) not null,
        provider_id bigint not null references training_provider(id),
        title varchar(200) not null,
        starts_on date not null,
        ends_on date not null,
        hours numeric(6, 1) not null check (hours > 0 and hours <= 2000),
        mode varchar(8) not null check (mode in ('ONLINE', 'OFFLINE', 'BLENDED')),
        -- the skill level the session prepares for (1 一级 … 5 五级), null for continuing education
        target_level smallint check (target_level between 1 and 5),
        region_code varchar(12) not null references region(code),
        region_path varchar(80) collate "C" not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint training_session_dates check (ends_on >= starts_on),
        constraint training_session_province check (province_code = left(region_code, 2))
      );
      create index training_session_path_idx on training_session (region_path, starts_on);
      create index training_session_provider_idx on training_session (provider_id);

      create table training_participation (
        id bigint generated always as identity primary key,
        province_code char(2) not null,
        session_id bigint not null references training_session(id),
        coordinator_id bigint not null references coordinator(id),
        -- ENROLLED, then ATTENDED (continuing education) / PASSED / FAILED
        result varchar(8) not null default 'ENROLLED' check (result in ('ENROLLED', 'ATTENDED', 'PASSED', 'FAILED')),
        -- credited hours, counted in the year of completed_on
        hours numeric(6, 1) not null check (hours >= 0),
        completed_on date,
        certificate_level smallint check (certificate_level between 1 and 5),
        certificate_number varchar(64),
        certificate_id bigint references certificate(id) on delete set null,
        -- the person's region when enrolled
        region_code varchar(12) not null references region(code),
        region_path varchar(80) collate "C" not null,
        version integer not null default 1,
        constraint training_participation_key unique (province_code, session_id, coordinator_id),
        constraint training_participation_completed check ((result in ('ENROLLED')) = (completed_on is null)),
        constraint training_participation_certificate check (certificate_level is null or result = 'PASSED')
      );
      create index training_participation_path_idx on training_participation (region_path, completed_on);
      create index training_participation_coordinator_idx on training_participation (coordinator_id);
      create index training_participation_session_idx on training_participation (session_id);

      create table subsidy_claim (
        id bigint generated always as identity primary key,
        province_code char(2) not null,
        coordinator_id bigint not null references coordinator(id),
        participation_id bigint references training_participation(id),
        kind varchar(20) not null check (kind in ('VOCATIONAL_TRAINING', 'SKILL_UPGRADE', 'LIVING_ALLOWANCE')),
        amount numeric(12, 2) not null check (amount > 0),
        state varchar(8) not null default 'APPLIED' check (state in ('APPLIED', 'GRANTED', 'REFUSED')),
        applied_on date not null,
        decided_on date,
        decision_note varchar(500),
        region_code varchar(12) not null references region(code),
        region_path varchar(80) collate "C" not null,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint subsidy_claim_decided check ((state = 'APPLIED') = (decided_on is null)),
        constraint subsidy_claim_refusal check (state <> 'REFUSED' or decision_note is not null),
        -- one claim of a kind per training (a claim without a training is not deduplicated)
        constraint subsidy_claim_key unique nulls distinct (province_code, participation_id, kind)
      );
      create index subsidy_claim_path_idx on subsidy_claim (region_path, state);
      create index subsidy_claim_coordinator_idx on subsidy_claim (coordinator_id);
    `);
    await queryRunner.query(`
      alter table training_provider enable row level security;
      create policy training_provider_read on training_provider for select to ${APPLICATION_ROLE} using (${IN_SCOPE} or ${ABOVE_SCOPE});
      create policy training_provider_insert on training_provider for insert to ${APPLICATION_ROLE} with check ${IN_SCOPE};
      create policy training_provider_update on training_provider for update to ${APPLICATION_ROLE} using ${IN_SCOPE} with check ${IN_SCOPE};
    `);
    for (const table of TABLES) {
      await queryRunner.query(`
        alter table ${table} enable row level security;
        create policy ${table}_jurisdiction on ${table} to ${APPLICATION_ROLE} using ${IN_SCOPE} with check ${IN_SCOPE};
      `);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table subsidy_claim, training_participation, training_session, training_provider`);
  }
}
