import { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from './1764000001000-ApplicationRoleAndRowSecurity';

// The registry keeps its history (docs/decisions/0800-effective-dated-registry.md):
// - coordinator_assignment: a coordinator's employer or unit and region, valid from/to (the last
//   day, inclusive). The coordinator row keeps the current one and `assigned_on`, its start.
// - enterprise_year_figures: employees, revenue, assets and the size class per year; the
//   enterprise row keeps the latest year's and `figures_year`.
// - enterprise_period: the spans an enterprise was open (open_to: its last open day); the row
//   keeps `active` and `status_since`.
// - region_version: a region's name, parent and path over time (only regions that changed).
// Row triggers keep the history from the writes to the current rows, so every writer (forms,
// imports, seeds) records it; a writer states the date of a change by setting assigned_on /
// figures_year / status_since under set_config('registry.history_stated', 'on', true),
// otherwise it is China's today (the current year).
const CHINA_TODAY = `(now() at time zone 'Asia/Shanghai')::date`;

const HISTORY_TABLES = ['coordinator_assignment', 'enterprise_year_figures', 'enterprise_period'];
const EVENTS: [string, string, string[]][] = [
  ['insert', 'INSERT', ['new table as new_rows']],
  ['update', 'UPDATE', ['old table as old_rows', 'new table as new_rows']],
  ['delete', 'DELETE', ['old table as old_rows']],
];

function markTriggers(table: string, body: (rows: string) => string): string {
  return EVENTS.map(([suffix, event, references]) => {
    const sets = references.map((reference) => reference.split(' as ')[1]);
    const name = `analytics_mark_${table}_${suffix}`;
    return `
      create function ${name}() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        ${sets.map(body).join('\n        ')}
        perform pg_notify('analytics_dirty', '');
        return null;
      end $$;
      create trigger ${name} after ${event} on ${table}
        referencing ${references.join(' ')} for each statement execute function ${name}();`;
  }).join('\n');
}

export class EffectiveDatedRegistry1766100000000 implements MigrationInterface {
  name = 'EffectiveDatedRegistry1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create function china_today() returns date language sql stable as $$ select ${CHINA_TODAY} $$;

      alter table coordinator add column assigned_on date;
      update coordinator set assigned_on = joined_on;
      alter table coordinator alter column assigned_on set not null;

      alter table enterprise add column figures_year smallint, add column status_since date;
      update enterprise set figures_year = date_part('year', registered_on), status_since = case when active then registered_on
        else greatest(registered_on, (updated_at at time zone 'Asia/Shanghai')::date) end;
      alter table enterprise alter column figures_year set not null, alter column status_since set not null;

      create table coordinator_assignment (
        id bigint generated always as identity primary key,
        coordinator_id bigint not null references coordinator(id) on delete cascade,
        province_code char(2) not null,
        enterprise_id bigint references enterprise(id),
        unit_name varchar(200),
        region_code varchar(12) not null references region(code),
        valid_from date not null,
        valid_to date,
        constraint coordinator_assignment_order check (valid_to is null or valid_to >= valid_from),
        constraint coordinator_assignment_start unique (province_code, coordinator_id, valid_from)
      );
      create index coordinator_assignment_coordinator_idx on coordinator_assignment (coordinator_id, valid_from);
      create index coordinator_assignment_enterprise_idx on coordinator_assignment (enterprise_id);
      -- the grassroots coverage of a refreshed region reads its assignments
      create index coordinator_assignment_region_idx on coordinator_assignment (region_code);
      insert into coordinator_assignment (coordinator_id, province_code, enterprise_id, unit_name, region_code, valid_from)
      select id, left(region_code, 2), enterprise_id, unit_name, region_code, joined_on from coordinator;

      create table enterprise_year_figures (
        enterprise_id bigint not null references enterprise(id) on delete cascade,
        year smallint not null,
        province_code char(2) not null,
        employees integer not null check (employees >= 0),
        revenue numeric(16, 2) not null check (revenue >= 0),
        assets numeric(16, 2) check (assets >= 0),
        derived_size_class varchar(6) not null check (derived_size_class in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
        size_override varchar(6) check (size_override in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
        size_override_reason varchar(500),
        size_class varchar(6) not null,
        constraint enterprise_year_figures_pkey primary key (enterprise_id, year),
        constraint enterprise_year_figures_key unique (province_code, enterprise_id, year),
        constraint enterprise_year_figures_override_reason check (size_override is null or length(trim(size_override_reason)) > 0),
        constraint enterprise_year_figures_size_class check (size_class = coalesce(size_override, derived_size_class))
      );
      insert into enterprise_year_figures (enterprise_id, year, province_code, employees, revenue, assets, derived_size_class, size_override,
        size_override_reason, size_class)
      select id, figures_year, left(region_code, 2), employees, revenue, assets, derived_size_class, size_override, size_override_reason, size_class
      from enterprise;

      create table enterprise_period (
        id bigint generated always as identity primary key,
        enterprise_id bigint not null references enterprise(id) on delete cascade,
        province_code char(2) not null,
        open_from date not null,
        open_to date,
        constraint enterprise_period_order check (open_to is null or open_to >= open_from),
        constraint enterprise_period_start unique (province_code, enterprise_id, open_from)
      );
      create index enterprise_period_enterprise_idx on enterprise_period (enterprise_id);
      -- an enterprise closed before this migration: closed on the day of its last change
      insert into enterprise_period (enterprise_id, province_code, open_from, open_to)
      select id, left(region_code, 2), registered_on, case when active then null else status_since - 1 end
      from enterprise where active or status_since > registered_on;

      create table region_version (
        id bigint generated always as identity primary key,
        region_code varchar(12) not null references region(code),
        province_code char(2) not null,
        name varchar(64) not null,
        parent_code varchar(12) references region(code),
        path varchar(80) collate "C" not null,
        valid_from date not null,
        valid_to date,
        constraint region_version_order check (valid_to is null or valid_to >= valid_from),
        constraint region_version_start unique (province_code, region_code, valid_from)
      );
      create index region_version_region_idx on region_version (region_code, valid_from);

      -- The path of a region on a date: its version then, or (never changed) its current path.
      create function region_path_at(p_code varchar, p_on date) returns varchar language sql stable as $$
        select coalesce(
          (select v.path from region_version v where v.region_code = p_code and v.valid_from <= p_on and (v.valid_to is null or v.valid_to >= p_on)),
          (select r.path from region r where r.code = p_code))
      $$;

      -- 公主岭市 was under 四平市 until 2020, when it came to 长春市 (the division data is of 2022).
      -- Figures start in 2021, so the day within 2020 does not matter.
      insert into region_version (region_code, province_code, name, parent_code, path, valid_from, valid_to)
      select r.code, '22', r.name, case when r.code = '220184' then '220300' else r.parent_code end,
        '220000/220300/' || substr(r.path, length('220000/220100/') + 1), date '1900-01-01', date '2019-12-31'
      from region r where r.path >= '220000/220100/220184/' and r.path < '220000/220100/220184/~' and exists (select 1 from region where code = '220300');
      insert into region_version (region_code, province_code, name, parent_code, path, valid_from)
      select r.code, '22', r.name, r.parent_code, r.path, date '2020-01-01'
      from region r where r.path >= '220000/220100/220184/' and r.path < '220000/220100/220184/~' and exists (select 1 from region where code = '220300');
    `);

    // The history follows the current rows.
    await queryRunner.query(`
      create function coordinator_assignment_before() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          -- the first assignment starts on joining the corps
          new.assigned_on := new.joined_on;
          return new;
        end if;
        if (old.enterprise_id, old.unit_name, old.region_code) is distinct from (new.enterprise_id, new.unit_name, new.region_code) then
          -- the writer states the day (set_config('registry.history_stated', 'on', true)) or it is today
          if new.assigned_on is not distinct from old.assigned_on and coalesce(current_setting('registry.history_stated', true), '') <> 'on' then
            new.assigned_on := greatest(china_today(), old.assigned_on);
          end if;
          if new.assigned_on < old.assigned_on then
            raise exception 'assignment of coordinator % cannot start on % before the current one (%)', new.id, new.assigned_on, old.assigned_on
              using errcode = '22007';
          end if;
        elsif new.joined_on is distinct from old.joined_on and old.assigned_on = old.joined_on then
          new.assigned_on := new.joined_on;
        else
          new.assigned_on := old.assigned_on;
        end if;
        return new;
      end $$;
      create trigger coordinator_assignment_before before insert or update on coordinator
        for each row execute function coordinator_assignment_before();

      create function coordinator_assignment_after() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        if tg_op = 'INSERT' then
          insert into coordinator_assignment (coordinator_id, province_code, enterprise_id, unit_name, region_code, valid_from)
          values (new.id, left(new.region_code, 2), new.enterprise_id, new.unit_name, new.region_code, new.assigned_on);
          return null;
        end if;
        if new.joined_on is distinct from old.joined_on then
          -- the first assignment starts on joining (unless a later one would come first)
          update coordinator_assignment a set valid_from = new.joined_on
          where a.coordinator_id = new.id and a.valid_from = old.joined_on
            and not exists (select 1 from coordinator_assignment b where b.coordinator_id = new.id and b.valid_from > old.joined_on and b.valid_from <= new.joined_on);
        end if;
        if (old.enterprise_id, old.unit_name, old.region_code) is not distinct from (new.enterprise_id, new.unit_name, new.region_code) then
          return null;
        end if;
        if new.assigned_on = old.assigned_on then
          -- a correction of the current assignment
          update coordinator_assignment set enterprise_id = new.enterprise_id, unit_name = new.unit_name, region_code = new.region_code,
            province_code = left(new.region_code, 2)
          where coordinator_id = new.id and valid_from = new.assigned_on;
        else
          update coordinator_assignment set valid_to = new.assigned_on - 1 where coordinator_id = new.id and valid_to is null;
          insert into coordinator_assignment (coordinator_id, province_code, enterprise_id, unit_name, region_code, valid_from)
          values (new.id, left(new.region_code, 2), new.enterprise_id, new.unit_name, new.region_code, new.assigned_on);
        end if;
        return null;
      end $$;
      create trigger coordinator_assignment_after after insert or update on coordinator
        for each row execute function coordinator_assignment_after();

      create function enterprise_history_before() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          new.figures_year := coalesce(new.figures_year, date_part('year', new.registered_on));
          new.status_since := coalesce(new.status_since, new.registered_on);
          return new;
        end if;
        if (old.employees, old.revenue, old.assets, old.derived_size_class, old.size_override, old.size_override_reason)
            is distinct from (new.employees, new.revenue, new.assets, new.derived_size_class, new.size_override, new.size_override_reason)
            and new.figures_year is not distinct from old.figures_year and coalesce(current_setting('registry.history_stated', true), '') <> 'on' then
          new.figures_year := greatest(old.figures_year, date_part('year', china_today()));
        end if;
        if new.figures_year < old.figures_year then
          raise exception 'figures of enterprise % for % are older than its current figures (%)', new.id, new.figures_year, old.figures_year
            using errcode = '22007';
        end if;
        if new.active is distinct from old.active then
          if new.status_since is not distinct from old.status_since and coalesce(current_setting('registry.history_stated', true), '') <> 'on' then
            new.status_since := china_today();
          end if;
        else
          new.status_since := old.status_since;
        end if;
        return new;
      end $$;
      create trigger enterprise_history_before before insert or update on enterprise
        for each row execute function enterprise_history_before();

      create function enterprise_history_after() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        if tg_op = 'INSERT' or (old.employees, old.revenue, old.assets, old.derived_size_class, old.size_override, old.size_override_reason, old.figures_year)
            is distinct from (new.employees, new.revenue, new.assets, new.derived_size_class, new.size_override, new.size_override_reason, new.figures_year) then
          insert into enterprise_year_figures as f (enterprise_id, year, province_code, employees, revenue, assets, derived_size_class, size_override,
            size_override_reason, size_class)
          values (new.id, new.figures_year, left(new.region_code, 2), new.employees, new.revenue, new.assets, new.derived_size_class, new.size_override,
            new.size_override_reason, coalesce(new.size_override, new.derived_size_class))
          on conflict (enterprise_id, year) do update set employees = excluded.employees, revenue = excluded.revenue, assets = excluded.assets,
            derived_size_class = excluded.derived_size_class, size_override = excluded.size_override,
            size_override_reason = excluded.size_override_reason, size_class = excluded.size_class;
        end if;
        if tg_op = 'INSERT' then
          if new.active then
            insert into enterprise_period (enterprise_id, province_code, open_from) values (new.id, left(new.region_code, 2), new.status_since);
          end if;
        elsif new.active and not old.active then
          insert into enterprise_period as p (enterprise_id, province_code, open_from) values (new.id, left(new.region_code, 2), new.status_since)
          on conflict (province_code, enterprise_id, open_from) do update set open_to = null;
        elsif old.active and not new.active then
          -- closed on status_since: open until the day before (closed on its opening day: never open)
          delete from enterprise_period where enterprise_id = new.id and open_to is null and open_from >= new.status_since;
          update enterprise_period set open_to = new.status_since - 1 where enterprise_id = new.id and open_to is null;
        end if;
        return null;
      end $$;
      create trigger enterprise_history_after after insert or update on enterprise
        for each row execute function enterprise_history_after();

      -- the roll-ups follow the history tables
      ${markTriggers('coordinator_assignment', (rows) => `
        insert into analytics_dirty_coordinator (coordinator_id) select coordinator_id from ${rows};
        insert into analytics_dirty_region (region_code)
          select region_code from ${rows} union select e.region_code from enterprise e join ${rows} r on e.id = r.enterprise_id;`)}
      -- a year's figures matter when their size class differs from the one held before (new figures of the same class change nothing)
      ${markTriggers('enterprise_year_figures', (rows) => `
        with changed as (
          select r.enterprise_id from ${rows} r
          where r.size_class is distinct from (select f.size_class from enterprise_year_figures f where f.enterprise_id = r.enterprise_id and f.year < r.year
            order by f.year desc limit 1)
        ), regions as (
          insert into analytics_dirty_region (region_code) select e.region_code from enterprise e join changed r on e.id = r.enterprise_id
        )
        insert into analytics_dirty_coordinator (coordinator_id)
          select a.coordinator_id from coordinator_assignment a join changed r on a.enterprise_id = r.enterprise_id;`)}
      ${markTriggers('enterprise_period', (rows) => `
        insert into analytics_dirty_region (region_code) select e.region_code from enterprise e join ${rows} r on e.id = r.enterprise_id;`)}
      -- a changed hierarchy changes every path: the next refresh rebuilds everything
      ${markTriggers('region_version', () => `update analytics_state set built_year = null where id = 1;`)}

      -- read through the jurisdiction of the row they belong to
      ${['coordinator_assignment'].map((table) => `alter table ${table} enable row level security;
      create policy ${table}_jurisdiction on ${table} to ${APPLICATION_ROLE}
        using (exists (select 1 from coordinator c where c.id = coordinator_id)) with check (exists (select 1 from coordinator c where c.id = coordinator_id));`).join('\n')}
      ${['enterprise_year_figures', 'enterprise_period'].map((table) => `alter table ${table} enable row level security;
      create policy ${table}_jurisdiction on ${table} to ${APPLICATION_ROLE}
        using (exists (select 1 from enterprise e where e.id = enterprise_id)) with check (exists (select 1 from enterprise e where e.id = enterprise_id));`).join('\n')}

      -- TypeORM reads a generated column's expression from its metadata table (schema-drift.test.ts)
      create table if not exists typeorm_metadata (
        type varchar not null, database varchar, schema varchar, "table" varchar, name varchar, value text
      );
      insert into typeorm_metadata (type, schema, "table", name, value)
      values ('GENERATED_COLUMN', current_schema(), 'enterprise', 'size_class', 'coalesce(size_override, derived_size_class)');

      -- imports carry the day of an employer change (变更日期) and the year of the figures (统计年度)
      alter table import_staging_coordinator add column changed_on date;
      alter table import_staging_enterprise add column figures_year smallint;

      -- roll-up facts per figure year (rollup-sql.ts): region, employer ownership and size class
      alter table analytics_person add column region_codes varchar(12)[], add column ownerships text[], add column size_classes text[];
      update analytics_state set built_year = null where id = 1;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const drops: string[] = [];
    for (const table of [...HISTORY_TABLES, 'region_version']) {
      for (const [suffix] of EVENTS) drops.push(`drop trigger if exists analytics_mark_${table}_${suffix} on ${table}; drop function if exists analytics_mark_${table}_${suffix}();`);
    }
    await queryRunner.query(`
      ${drops.join('\n')}
      drop trigger coordinator_assignment_before on coordinator; drop trigger coordinator_assignment_after on coordinator;
      drop trigger enterprise_history_before on enterprise; drop trigger enterprise_history_after on enterprise;
      drop function coordinator_assignment_before(), coordinator_assignment_after(), enterprise_history_before(), enterprise_history_after();
      drop function region_path_at(varchar, date);
      drop table region_version, enterprise_period, enterprise_year_figures, coordinator_assignment;
      alter table enterprise drop column figures_year, drop column status_since;
      alter table coordinator drop column assigned_on;
      alter table analytics_person drop column region_codes, drop column ownerships, drop column size_classes;
      alter table import_staging_coordinator drop column changed_on;
      alter table import_staging_enterprise drop column figures_year;
      drop function china_today();
      delete from typeorm_metadata where type = 'GENERATED_COLUMN' and "table" = 'enterprise' and name = 'size_class';
      update analytics_state set built_year = null where id = 1;
    `);
  }
}
