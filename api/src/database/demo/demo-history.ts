import { classifyEnterpriseSize, todayIsoDate } from '@registry/domain';
import type { ClientBase } from 'pg';

// The demo registry's history to today (issue 12): after the load, in the same transaction,
// some coordinators move to another employer of their county each year, some small enterprises
// grow past the medium line and some medium ones shrink, and some enterprises close, so the
// yearly charts change from year to year for reasons a bureau knows. Chosen by the seed (integer
// arithmetic on ids), so one seed gives one story. The history tables follow by trigger
// (migration EffectiveDatedRegistry), with the dates stated here.
export async function writeDemoHistory(client: ClientBase, seed: number, today = todayIsoDate()): Promise<{ moves: number; figures: number; closures: number }> {
  const salt = seed % 997;
  const lastYear = Number(today.slice(0, 4));
  await client.query(`select set_config('registry.history_stated', 'on', true)`);
  let moves = 0;
  let figures = 0;
  // as many grow as shrink each year: one enterprise in 400 each way
  const [{ count }] = (await client.query<{ count: number }>(`select count(*)::int as count from enterprise`)).rows;
  const perYear = Math.max(1, Math.round(count / 400));
  for (let year = 2022; year <= lastYear; year++) {
    // about 2% of the enterprise coordinators a year move to an employer of their county registered before they joined
    const moved = await client.query(
      `with movers as (
         select c.id, c.enterprise_id, c.region_code, c.joined_on,
           least(make_date($1::int, 1 + ((c.id * 7 + $2::int) % 12)::int, 1 + ((c.id * 13 + $2::int) % 28)::int), $3::date) as on_date
         from coordinator c
         where c.affiliation = 'ENTERPRISE' and c.status = 'ACTIVE' and c.enterprise_id is not null and c.joined_on < make_date($1::int, 1, 1)
           and (c.id * 31 + $1::int * 17 + $2::int) % 50 = 0
       ), targets as (
         select m.id, m.on_date, (select e.id from enterprise e where e.region_code = m.region_code and e.id <> m.enterprise_id
             and e.active and e.registered_on <= m.joined_on order by (e.id * 2654435761 + m.id) % 1000003 limit 1) as target
         from movers m
       )
       update coordinator c set enterprise_id = t.target, assigned_on = t.on_date
       from targets t where c.id = t.id and t.target is not null and t.on_date > c.assigned_on`,
      [year, salt, today],
    );
    moves += moved.rowCount ?? 0;

    // a few small enterprises grow past the medium line, a few medium ones shrink (about as many)
    const { rows } = await client.query<{ id: string; industry_code: string; employees: number; revenue: string; assets: string | null; size_class: string }>(
      `(select id::text, industry_code, employees, revenue, assets, size_class from enterprise
        where active and size_class = 'SMALL' and date_part('year', registered_on) < $1::int and figures_year < $1::int
        order by (id * 37 + $1::int * 11 + $2::int) % 1000003 limit $3)
       union all
       (select id::text, industry_code, employees, revenue, assets, size_class from enterprise
        where active and size_class = 'MEDIUM' and date_part('year', registered_on) < $1::int and figures_year < $1::int
        order by (id * 41 + $1::int * 13 + $2::int) % 1000003 limit $3)`,
      [year, salt, perYear],
    );
    const changed = rows.map((row) => {
      // growing: past the medium line of every industry in the 2017 table; shrinking: a tenth
      const grows = row.size_class === 'SMALL';
      const scaled = (value: number, floor: number) => Math.round((grows ? Math.max(value * 12, floor) : value * 0.1) * 100) / 100;
      const employees = Math.max(1, Math.round(scaled(row.employees, 400)));
      const revenue = scaled(Number(row.revenue), 20000);
      const assets = row.assets === null ? null : scaled(Number(row.assets), 50000);
      const size = classifyEnterpriseSize({ industryCode: row.industry_code, employees, revenue, assets }).sizeClass;
      return { id: row.id, employees, revenue, assets, size };
    });
    if (changed.length > 0) {
      await client.query(
        `update enterprise e set employees = f.employees, revenue = f.revenue, assets = f.assets, derived_size_class = f.size, figures_year = $5::int
         from unnest($1::bigint[], $2::int[], $3::numeric[], $4::numeric[], $6::varchar[]) f(id, employees, revenue, assets, size)
         where e.id = f.id`,
        [changed.map((row) => row.id), changed.map((row) => row.employees), changed.map((row) => row.revenue), changed.map((row) => row.assets), year,
          changed.map((row) => row.size)],
      );
    }
    figures += changed.length;
  }
  // about one enterprise in 60 without coordinators closes, spread over the years since 2021
  const closed = await client.query(
    `with chosen as (
       select e.id, e.registered_on,
         least(make_date(2021 + ((e.id / 60 * 7 + $1) % ($2::int - 2020))::int, 1 + ((e.id / 60 * 5 + $1) % 12)::int, 1 + ((e.id / 60 * 3 + $1) % 28)::int), $3::date) as on_date
       from enterprise e
       where e.active and (e.id * 43 + $1) % 60 = 0 and not exists (select 1 from coordinator_assignment a where a.enterprise_id = e.id)
     )
     update enterprise e set active = false, status_since = c.on_date
     from chosen c where e.id = c.id and c.on_date > c.registered_on`,
    [salt, lastYear, today],
  );
  return { moves, figures, closures: closed.rowCount ?? 0 };
}
