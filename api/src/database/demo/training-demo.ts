import { makeCreditCode, todayIsoDate } from '@registry/domain';
import type { Client, PoolClient } from 'pg';

// Demo training (五, 六(二)) on top of the generated registry: a qualified 培训机构 in the province
// and in each reporting unit; in each county one session a year since 2021 (odd years prepare for
// 四级, even years are continuing education), with about a
// dozen of the county's active coordinators, staff of employers with incidents first (六(二)
// 重点培训); results (a pass of someone certified before becomes the higher certificate) and the subsidy claims of 五(二)(三), mostly granted.
// Set-based and deterministic for the data loaded (hashtext of ids, no clock but China's today).
export async function seedTrainingDemo(client: Client | PoolClient): Promise<{ sessions: number; participations: number; claims: number }> {
  const today = todayIsoDate();
  const thisYear = Number(today.slice(0, 4));
  const { rows: units } = await client.query<{ code: string; name: string; path: string }>(
    `select code, name, path from region where level in ('PROVINCE', 'UNIT') order by code`,
  );
  await client.query(
    `insert into training_provider (province_code, name, credit_code, qualified, qualification_note, region_code, region_path)
     select left(u.code, 2), u.name || case when u.code like '%0000' then '劳动关系职业技能培训中心' else '职业技能培训学校' end, u.credit_code, true,
       '劳动关系协调员（师）培训资质（吉人社备案）', u.code, u.path
     from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) as u(code, name, path, credit_code)`,
    [units.map((u) => u.code), units.map((u) => u.name), units.map((u) => u.path), units.map((u, index) => makeCreditCode(`52${u.code}MJ${String(index).padStart(7, '0')}`))],
  );
  // one session a year per county, by the provider of its reporting unit (the province's for units without one)
  await client.query(
    `insert into training_session (province_code, provider_id, title, starts_on, ends_on, hours, mode, target_level, region_code, region_path)
     select left(c.code, 2), p.id,
       y || ' 年' || c.name || case when y % 2 = 1 then '劳动关系协调员（四级）职业技能培训班' else '劳动关系协调员继续教育培训班' end,
       make_date(y, 3, 10) + (abs(hashtext(c.code)) % 60), make_date(y, 3, 10) + (abs(hashtext(c.code)) % 60) + case when y % 2 = 1 then 11 else 2 end,
       case when y % 2 = 1 then 64 else 16 end, (array['OFFLINE', 'ONLINE', 'BLENDED'])[1 + abs(hashtext(c.code || y)) % 3],
       case when y % 2 = 1 then 4 end, c.code, c.path
     from region c
       cross join generate_series(2021, $1::int) as y
       join region u on c.path >= u.path and c.path < u.path || '~' and u.level = 'UNIT'
       join training_provider p on p.region_code = u.code
     where c.level = 'COUNTY' and make_date(y, 3, 10) + (abs(hashtext(c.code)) % 60) + 11 <= $2::date`,
    [thisYear, today],
  );
  await client.query(
    `insert into training_participation (province_code, session_id, coordinator_id, result, hours, completed_on, certificate_level, certificate_number, region_code, region_path)
     select left(x.region_code, 2), x.session_id, x.coordinator_id, x.result,
       case when x.result = 'FAILED' then x.hours / 2 else x.hours end, x.ends_on,
       case when x.certified then x.target_level end,
       case when x.certified then extract(year from x.ends_on) || '-' || x.target_level || '-' || lpad(x.coordinator_id::text, 7, '0') end,
       x.region_code, x.region_path
     from (
       select s.id as session_id, s.hours, s.ends_on, s.target_level, c.id as coordinator_id, c.region_code, c.region_path,
         case when s.target_level is null then 'ATTENDED' when abs(hashtext(s.id || '-' || c.id)) % 6 = 0 then 'FAILED' else 'PASSED' end as result,
         -- the 等级认定 certificate of a pass goes to people certified before (an upgrade), so the
         -- demo's share of certified coordinators stays what the generator made it
         s.target_level is not null and abs(hashtext(s.id || '-' || c.id)) % 6 <> 0
           and exists (select 1 from certificate k where k.coordinator_id = c.id) as certified
       from training_session s
         join lateral (
           select c.id, c.region_code, c.region_path from coordinator c
           where c.region_path >= s.region_path and c.region_path < s.region_path || '~' and c.status = 'ACTIVE'
           order by (exists (select 1 from enterprise_incident i where i.enterprise_id = c.enterprise_id)) desc, abs(hashtext(c.id || '-' || s.id))
           limit 8 + abs(hashtext(s.id::text)) % 8
         ) c on true
     ) x`,
  );
  // passes with a level: the person's certificate
  await client.query(`
    with issued as (
      insert into certificate (coordinator_id, occupation, level, certificate_number, issuer, issued_on)
      select t.coordinator_id, '劳动关系协调员', t.certificate_level, t.certificate_number, p.name, t.completed_on
      from training_participation t join training_session s on s.id = t.session_id join training_provider p on p.id = s.provider_id
      where t.certificate_level is not null
      returning id, coordinator_id, certificate_number
    )
    update training_participation t set certificate_id = issued.id from issued
    where t.coordinator_id = issued.coordinator_id and t.certificate_number = issued.certificate_number
  `);
  await client.query(
    `insert into subsidy_claim (province_code, coordinator_id, participation_id, kind, amount, state, applied_on, decided_on, decision_note, region_code, region_path)
     select left(t.region_code, 2), t.coordinator_id, t.id, k.kind, k.amount,
       case when t.completed_on + 45 > $1::date then 'APPLIED' when abs(hashtext(t.id || k.kind)) % 9 = 0 then 'REFUSED' else 'GRANTED' end,
       t.completed_on + 5,
       case when t.completed_on + 45 > $1::date then null else t.completed_on + 35 end,
       case when t.completed_on + 45 <= $1::date and abs(hashtext(t.id || k.kind)) % 9 = 0 then '不符合补贴发放条件（未参加失业保险）' end,
       t.region_code, t.region_path
     from training_participation t
       cross join lateral (values
         ('VOCATIONAL_TRAINING', 800 + abs(hashtext(t.id::text)) % 8 * 100, t.result = 'PASSED' and abs(hashtext(t.id::text)) % 4 <> 0),
         ('LIVING_ALLOWANCE', 300 + abs(hashtext(t.id || 'l')) % 4 * 50, t.result = 'PASSED' and abs(hashtext(t.id || 'l')) % 4 = 0),
         ('SKILL_UPGRADE', case t.certificate_level when 4 then 1500 else 1000 end, t.certificate_level is not null and abs(hashtext(t.id || 's')) % 3 = 0)
       ) as k(kind, amount, wanted)
     where k.wanted and t.completed_on + 5 <= $1::date`,
    [today],
  );
  const { rows } = await client.query<{ sessions: number; participations: number; claims: number }>(
    `select (select count(*) from training_session)::int as sessions, (select count(*) from training_participation)::int as participations,
       (select count(*) from subsidy_claim)::int as claims`,
  );
  return rows[0];
}
