import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from './1764000001000-ApplicationRoleAndRowSecurity';

// 六(三) 工作情况: the work record, so far a loose sub-record of a coordinator, becomes a dated
// record of its own (docs/decisions/0910-work-records.md):
// - seven kinds (调解劳动争议 政策宣传 用工指导 集体协商 培训授课 咨询接待 其他); the four old codes keep
//   their meaning (TRAINING_GIVEN 培训授课, CONSULTATION 咨询接待);
// - a date or a month (date_precision MONTH: recorded_on is the 1st), the enterprise served, the
//   outcome of a mediation, who recorded it, version and times;
// - the region it is counted in: the coordinator's assignment of recorded_on (coordinator_assignment,
//   ADR 0800), kept by trigger on every write of the record and of the assignments, so that a later
//   move leaves past records where they were and a back-dated move takes the records since.
//   region_path is the region's current path (row-level security and region moves), the figures
//   of a year take region_code through that year's hierarchy; province_code (ADR 0902) is set with
//   them and held to the region by a check.
// Row-level security: a record is readable where it is counted or where its coordinator is
// visible now, and written only by the office of a visible coordinator.
const KINDS = ['DISPUTE_MEDIATED', 'POLICY_PUBLICITY', 'EMPLOYMENT_GUIDANCE', 'COLLECTIVE_NEGOTIATION', 'TRAINING_GIVEN', 'CONSULTATION', 'OTHER'];
const OUTCOMES = ['MEDIATED', 'NOT_MEDIATED', 'REFERRED_TO_ARBITRATION', 'WITHDRAWN'];
const SCOPE = `nullif(current_setting('app.scope_path', true), '') collate "C"`;
const IN_SCOPE = `(region_path >= ${SCOPE} and region_path < ${SCOPE} || '~')`;
const OF_A_VISIBLE_COORDINATOR = `exists (select 1 from coordinator c where c.id = coordinator_id)`;
const list = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

export class WorkRecords1766900000000 implements MigrationInterface {
  name = 'WorkRecords1766900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table work_record drop constraint work_record_kind_check;
      alter table work_record alter column kind type varchar(24);
      alter table work_record add constraint work_record_kind_check check (kind in (${list(KINDS)}));
      alter table work_record
        add column date_precision varchar(5) not null default 'DAY',
        add column enterprise_id bigint references enterprise(id),
        add column outcome varchar(24),
        add column region_code varchar(12) references region(code),
        add column region_path varchar(80) collate "C",
        add column province_code char(2),
        add column recorded_by bigint references app_user(id) on delete set null,
        add column version integer not null default 1,
        add column created_at timestamptz not null default now(),
        add column updated_at timestamptz not null default now(),
        add constraint work_record_precision check (date_precision in ('DAY', 'MONTH')),
        add constraint work_record_month check (date_precision = 'DAY' or extract(day from recorded_on) = 1),
        add constraint work_record_outcome check (outcome is null or (kind = 'DISPUTE_MEDIATED' and outcome in (${list(OUTCOMES)})));

      -- The region a coordinator is counted in on a day: the assignment then; before the first
      -- assignment (a record older than joining) the first one; else the current region.
      create function work_record_region(p_coordinator bigint, p_on date) returns varchar
        language sql stable security definer set search_path = public as $$
        select coalesce(
          (select a.region_code from coordinator_assignment a
           where a.coordinator_id = p_coordinator and a.valid_from <= p_on and (a.valid_to is null or a.valid_to >= p_on)
           order by a.valid_from desc limit 1),
          (select a.region_code from coordinator_assignment a where a.coordinator_id = p_coordinator order by a.valid_from limit 1),
          (select c.region_code from coordinator c where c.id = p_coordinator))
      $$;

      create function work_record_counted_in() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        new.region_code := work_record_region(new.coordinator_id, new.recorded_on);
        new.region_path := (select r.path from region r where r.code = new.region_code);
        new.province_code := left(new.region_code, 2);
        return new;
      end $$;
      create trigger work_record_counted_in before insert or update of coordinator_id, recorded_on, region_code on work_record
        for each row execute function work_record_counted_in();

      update work_record set recorded_on = recorded_on;
      alter table work_record alter column region_code set not null, alter column region_path set not null;
      update work_record set province_code = left(region_code, 2);
      alter table work_record alter column province_code set not null,
        add constraint work_record_province check (province_code = left(region_code, 2));

      -- an assignment written or moved: the coordinator's records of its days follow it
      create function work_record_follow_assignment() returns trigger language plpgsql security definer set search_path = public as $$
      begin
        update work_record w set region_code = null
        where w.coordinator_id = new.coordinator_id and w.recorded_on >= new.valid_from and (new.valid_to is null or w.recorded_on <= new.valid_to)
          and w.region_code is distinct from new.region_code;
        return null;
      end $$;
      create trigger work_record_follow_assignment after insert or update on coordinator_assignment
        for each row execute function work_record_follow_assignment();

      create index work_record_region_idx on work_record (region_code, recorded_on);
      create index work_record_path_idx on work_record (region_path, recorded_on);
      create index work_record_enterprise_idx on work_record (enterprise_id);
      create index work_record_coordinator_day_idx on work_record (coordinator_id, recorded_on);

      drop policy work_record_jurisdiction on work_record;
      create policy work_record_read on work_record for select to ${APPLICATION_ROLE} using (${IN_SCOPE} or ${OF_A_VISIBLE_COORDINATOR});
      create policy work_record_insert on work_record for insert to ${APPLICATION_ROLE} with check (${OF_A_VISIBLE_COORDINATOR});
      create policy work_record_update on work_record for update to ${APPLICATION_ROLE} using (${OF_A_VISIBLE_COORDINATOR}) with check (${OF_A_VISIBLE_COORDINATOR});
      create policy work_record_delete on work_record for delete to ${APPLICATION_ROLE} using (${OF_A_VISIBLE_COORDINATOR});
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      drop policy work_record_read on work_record;
      drop policy work_record_insert on work_record;
      drop policy work_record_update on work_record;
      drop policy work_record_delete on work_record;
      create policy work_record_jurisdiction on work_record to ${APPLICATION_ROLE}
        using (${OF_A_VISIBLE_COORDINATOR}) with check (${OF_A_VISIBLE_COORDINATOR});
      drop trigger work_record_follow_assignment on coordinator_assignment;
      drop function work_record_follow_assignment();
      drop trigger work_record_counted_in on work_record;
      drop function work_record_counted_in();
      drop function work_record_region(bigint, date);
      drop index work_record_region_idx, work_record_path_idx, work_record_enterprise_idx, work_record_coordinator_day_idx;
      alter table work_record drop column province_code, drop column date_precision, drop column enterprise_id, drop column outcome,
        drop column region_code, drop column region_path, drop column recorded_by, drop column version, drop column created_at, drop column updated_at;
      update work_record set kind = case when kind in ('DISPUTE_MEDIATED', 'CONSULTATION', 'TRAINING_GIVEN') then kind else 'OTHER' end;
      alter table work_record drop constraint work_record_kind_check;
      alter table work_record alter column kind type varchar(20);
      alter table work_record add constraint work_record_kind_check check (kind in ('DISPUTE_MEDIATED', 'CONSULTATION', 'TRAINING_GIVEN', 'OTHER'));
    `);
  }
}
