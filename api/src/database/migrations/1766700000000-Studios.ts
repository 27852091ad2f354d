import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from './1764000001000-ApplicationRoleAndRowSecurity';

// 六(四): 金牌劳动关系协调员工作室 and 协调劳动关系指导站, hosted by an enterprise or a grassroots
// platform, staffed by coordinators and serving enterprises. Scoped by the studio's own region
// like coordinators and enterprises (same range-form policy); the staff and served-enterprise
// links belong to their studio and are visible through it, like a coordinator's sub-records.
// province_code leads every key (docs/decisions/0410-studios-and-guidance-stations.md).
const SCOPE = `nullif(current_setting('app.scope_path', true), '') collate "C"`;
const IN_SCOPE = `(region_path >= ${SCOPE} and region_path < ${SCOPE} || '~')`;
const OF_A_VISIBLE_STUDIO = `exists (select 1 from studio s where s.id = studio_id)`;

export class Studios1766700000000 implements MigrationInterface {
  name = 'Studios1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table studio (
        id bigint generated always as identity primary key,
        province_code char(2) not null,
        -- GOLD_STUDIO 金牌劳动关系协调员工作室, GUIDANCE_STATION 协调劳动关系指导站
        kind varchar(20) not null check (kind in ('GOLD_STUDIO', 'GUIDANCE_STATION')),
        name varchar(200) not null,
        host_kind varchar(20) not null check (host_kind in ('ENTERPRISE', 'GRASSROOTS_PLATFORM')),
        host_enterprise_id bigint references enterprise(id),
        -- the platform's name (综治中心, 党群服务中心, 工会服务站 …) when hosted by a grassroots platform
        host_platform_name varchar(200),
        region_code varchar(12) not null references region(code),
        region_path varchar(80) collate "C" not null,
        opened_on date not null,
        status varchar(10) not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
        description varchar(1000),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint studio_host check (
          (host_kind = 'ENTERPRISE' and host_enterprise_id is not null and host_platform_name is null)
          or (host_kind = 'GRASSROOTS_PLATFORM' and host_enterprise_id is null and host_platform_name is not null)),
        constraint studio_province check (province_code = left(region_code, 2)),
        constraint studio_name_key unique (province_code, region_code, name)
      );
      create index studio_path_idx on studio (region_path);
      create index studio_host_enterprise_idx on studio (host_enterprise_id);

      create table studio_coordinator (
        province_code char(2) not null,
        studio_id bigint not null references studio(id) on delete cascade,
        coordinator_id bigint not null references coordinator(id),
        primary key (province_code, studio_id, coordinator_id)
      );
      create index studio_coordinator_studio_idx on studio_coordinator (studio_id);
      create index studio_coordinator_coordinator_idx on studio_coordinator (coordinator_id);

      create table studio_enterprise (
        province_code char(2) not null,
        studio_id bigint not null references studio(id) on delete cascade,
        enterprise_id bigint not null references enterprise(id),
        primary key (province_code, studio_id, enterprise_id)
      );
      create index studio_enterprise_studio_idx on studio_enterprise (studio_id);
      create index studio_enterprise_enterprise_idx on studio_enterprise (enterprise_id);

      alter table studio enable row level security;
      create policy studio_jurisdiction on studio to ${APPLICATION_ROLE} using ${IN_SCOPE} with check ${IN_SCOPE};
      alter table studio_coordinator enable row level security;
      create policy studio_coordinator_jurisdiction on studio_coordinator to ${APPLICATION_ROLE}
        using (${OF_A_VISIBLE_STUDIO}) with check (${OF_A_VISIBLE_STUDIO});
      alter table studio_enterprise enable row level security;
      create policy studio_enterprise_jurisdiction on studio_enterprise to ${APPLICATION_ROLE}
        using (${OF_A_VISIBLE_STUDIO}) with check (${OF_A_VISIBLE_STUDIO});
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table studio_enterprise, studio_coordinator, studio`);
  }
}
