import type { Client, PoolClient } from 'pg';

// Demo 工作室 and 指导站 (六(四)) on top of the generated enterprises and coordinators, so the
// studio list, its detail pages and the figures per region have something to show: in each
// county the largest enterprise with active coordinators of its own hosts a 金牌劳动关系协调员工作室
// (staffed by them, serving small enterprises of its township), and about one township in
// three has a 协调劳动关系指导站 on its 党群服务中心, staffed by the township's grassroots
// coordinators and serving its small and micro enterprises. Set-based, from the data already
// loaded (deterministic for a seed); opening dates between 2021-06 and 2025-12.
export async function seedStudiosDemo(client: Client | PoolClient): Promise<{ studios: number }> {
  await client.query(`
    with host as (
      select distinct on (county.code) e.id, e.name, e.region_code, e.region_path
      from enterprise e
        join region township on township.code = e.region_code
        join region county on county.code = township.parent_code
      where e.active and exists (select 1 from coordinator c where c.enterprise_id = e.id and c.status = 'ACTIVE')
      order by county.code, e.employees desc, e.id
    )
    insert into studio (province_code, kind, name, host_kind, host_enterprise_id, region_code, region_path, opened_on, status, description)
    select left(h.region_code, 2), 'GOLD_STUDIO', h.name || '金牌劳动关系协调员工作室', 'ENTERPRISE', h.id, h.region_code, h.region_path,
      date '2021-06-01' + ((h.id * 37) % 1640)::int, case when h.id % 17 = 0 then 'SUSPENDED' else 'ACTIVE' end,
      '依托' || h.name || '设立，深入班组和一线员工了解职工动态，开展劳动保障法律法规宣传和用工指导。'
    from host h
  `);
  await client.query(`
    with township as (
      select r.code, r.name, r.path from region r
      where r.level = 'TOWNSHIP' and abs(hashtext(r.code)) % 3 = 0
        and exists (select 1 from enterprise e where e.region_code = r.code)
    )
    insert into studio (province_code, kind, name, host_kind, host_platform_name, region_code, region_path, opened_on, status)
    select left(t.code, 2), 'GUIDANCE_STATION', t.name || '协调劳动关系指导站', 'GRASSROOTS_PLATFORM', t.name || '党群服务中心', t.code, t.path,
      date '2021-09-01' + (abs(hashtext(t.code || 'opened')) % 1520), 'ACTIVE'
    from township t
  `);
  // staff: the host's own active coordinators (up to 3), or the township's grassroots ones (up to 2)
  await client.query(`
    insert into studio_coordinator (province_code, studio_id, coordinator_id)
    select s.province_code, s.id, c.id from studio s
      join lateral (
        select c.id from coordinator c
        where c.status = 'ACTIVE' and (
          (s.host_kind = 'ENTERPRISE' and c.enterprise_id = s.host_enterprise_id)
          or (s.host_kind = 'GRASSROOTS_PLATFORM' and c.region_code = s.region_code and c.affiliation = 'GRASSROOTS'))
        order by c.id limit case when s.host_kind = 'ENTERPRISE' then 3 else 2 end
      ) c on true
  `);
  // served: small and micro enterprises of the studio's township (a gold studio 3, a station 6)
  await client.query(`
    insert into studio_enterprise (province_code, studio_id, enterprise_id)
    select s.province_code, s.id, e.id from studio s
      join lateral (
        select e.id from enterprise e
        where e.region_code = s.region_code and e.active and e.size_class in ('SMALL', 'MICRO') and e.id is distinct from s.host_enterprise_id
        order by e.id limit case when s.host_kind = 'ENTERPRISE' then 3 else 6 end
      ) e on true
  `);
  const { rows } = await client.query<{ count: number }>(`select count(*)::int as count from studio`);
  return { studios: rows[0].count };
}
