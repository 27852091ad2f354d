import { todayIsoDate, validateCreditCode, validateIdNumber } from '@registry/domain';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { IdNumberVault } from '../../common/id-number-vault';
import { loadConfiguration } from '../../config/configuration';
import { runMigrations } from '../../server';
import { generateDemoData, parseDemoScale } from './generator';

// Two throw-away databases on the server of DATABASE_URL, the same seed in both.
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCALE = { enterprises: 3000, coordinators: 800 };
const SEED = 4242;

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

jest.setTimeout(180_000);

describe('demo data generator', () => {
  const suffix = randomBytes(4).toString('hex');
  const names = [`demo_test_${suffix}_a`, `demo_test_${suffix}_b`];
  const vault = new IdNumberVault(loadConfiguration({ NODE_ENV: 'test' }));
  let client: Client;
  const results: { enterprises: number; coordinators: number; seconds: number }[] = [];

  beforeAll(async () => {
    await withClient(SERVER_URL, async (admin) => {
      for (const name of names) await admin.query(`create database ${name}`);
    });
    for (const name of names) {
      await runMigrations(databaseUrl(name));
      results.push(await withClient(databaseUrl(name), (db) => generateDemoData(db, { scale: SCALE, seed: SEED, vault })));
    }
    client = new Client({ connectionString: databaseUrl(names[0]) });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await withClient(SERVER_URL, async (admin) => {
      for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
    });
  });

  const one = async <T>(sql: string): Promise<T> => (await client.query(sql)).rows[0] as T;

  it('loads the requested numbers of enterprises and coordinators', async () => {
    expect(results[0]).toMatchObject(SCALE);
    const counts = await one<{ enterprises: number; coordinators: number }>(
      `select (select count(*) from enterprise)::int as enterprises, (select count(*) from coordinator)::int as coordinators`,
    );
    expect(counts).toEqual(SCALE);
  });

  it('is deterministic: the same seed gives the same enterprises and people', async () => {
    const sample = async (name: string) =>
      withClient(databaseUrl(name), async (db) => ({
        enterprises: (await db.query(`select credit_code, name, region_code, size_class from enterprise order by id limit 50`)).rows,
        coordinators: (await db.query(`select name, id_number_hash, region_code, joined_on::text from coordinator order by id limit 50`)).rows,
      }));
    const [first, second] = [await sample(names[0]), await sample(names[1])];
    expect(first.enterprises).toHaveLength(50);
    expect(second).toEqual(first);
  });

  it('writes valid, unique credit codes', async () => {
    const { rows } = await client.query<{ credit_code: string }>(`select credit_code from enterprise`);
    const invalid = rows.filter((row) => !validateCreditCode(row.credit_code).valid);
    expect(invalid).toEqual([]);
    expect(new Set(rows.map((row) => row.credit_code)).size).toBe(SCALE.enterprises);
  });

  it('keeps ID numbers encrypted, masked and valid once decrypted', async () => {
    const plain = await one<{ count: number }>(
      `select count(*)::int as count from coordinator where id_number_cipher ~ '\\d{17}[\\dX]' or name ~ '\\d{17}[\\dX]'`,
    );
    expect(plain.count).toBe(0);
    const { rows } = await client.query<{ id_number_cipher: string; id_number_key_id: string; id_number_masked: string; birth_date: string; gender: string }>(
      `select id_number_cipher, id_number_key_id, id_number_masked, birth_date::text, gender from coordinator order by id limit 200`,
    );
    for (const row of rows) {
      const check = validateIdNumber(vault.open(row.id_number_cipher, row.id_number_key_id));
      expect(check).toMatchObject({ valid: true, birthDate: row.birth_date, gender: row.gender });
      expect(row.id_number_masked).toMatch(/^22\d{2}\*{10}\d{3}[\dX]$/);
    }
  });

  it('has a realistic few percent of large and medium enterprises', async () => {
    const { share } = await one<{ share: number }>(
      `select avg(case when size_class in ('LARGE', 'MEDIUM') then 1 else 0 end)::float as share from enterprise`,
    );
    expect(share).toBeGreaterThanOrEqual(0.02);
    expect(share).toBeLessThanOrEqual(0.08);
  });

  it('spreads enterprises over every reporting unit and most townships', async () => {
    const units = await one<{ missing: number }>(
      `select count(*)::int as missing from region u where u.level = 'UNIT'
         and not exists (select 1 from enterprise e where e.region_path >= u.path and e.region_path < u.path || '~')`,
    );
    expect(units.missing).toBe(0);
    const townships = await one<{ covered: number; total: number }>(
      `select count(distinct e.region_code)::int as covered, (select count(*)::int from region where level = 'TOWNSHIP') as total from enterprise e`,
    );
    expect(townships.covered).toBe(townships.total);
  });

  it('has coordinators joining in every year 2021–2025, more each year', async () => {
    const { rows } = await client.query<{ year: number; count: number }>(
      `select extract(year from joined_on)::int as year, count(*)::int as count from coordinator group by 1 order by 1`,
    );
    expect(rows.map((row) => row.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(rows[4].count).toBeGreaterThan(rows[0].count);
  });

  it('tells a coverage story: large/medium coverage rises from 2021 to 2025 and leaves some uncovered', async () => {
    const { rows } = await client.query<{ year: number; share: number }>(
      `select y as year, avg(case when exists (
           select 1 from coordinator c where c.enterprise_id = e.id and c.joined_on <= make_date(y, 12, 31)
             and (c.left_on is null or c.left_on > make_date(y, 12, 31))) then 1 else 0 end)::float as share
         from generate_series(2021, 2025) y, enterprise e
        where e.size_class in ('LARGE', 'MEDIUM') or e.social_organization
        group by y order by y`,
    );
    expect(rows[0].share).toBeLessThan(0.35);
    expect(rows[4].share).toBeGreaterThan(0.6);
    expect(rows[4].share).toBeLessThan(1);
    for (let index = 1; index < rows.length; index++) expect(rows[index].share).toBeGreaterThan(rows[index - 1].share);
  });

  it('spreads work records over every year from 2021 to this year, of every kind, with some silent coordinators', async () => {
    const { years, kinds, monthly, outcomes } = await one<{ years: number[]; kinds: number; monthly: number; outcomes: number }>(
      `select array_agg(distinct extract(year from recorded_on)::int order by extract(year from recorded_on)::int) as years,
         count(distinct kind)::int as kinds, count(*) filter (where date_precision = 'MONTH')::int as monthly,
         count(*) filter (where outcome is not null)::int as outcomes
       from work_record where recorded_on >= '2021-01-01'`,
    );
    const thisYear = Number(todayIsoDate().slice(0, 4));
    expect(years).toEqual(Array.from({ length: thisYear - 2021 + 1 }, (_, index) => 2021 + index));
    expect(kinds).toBe(7);
    expect(monthly).toBeGreaterThan(0);
    expect(outcomes).toBeGreaterThan(0);
    const { silent } = await one<{ silent: number }>(
      `select avg(case when exists (select 1 from work_record w where w.coordinator_id = c.id and w.recorded_on > date '${todayIsoDate()}' - interval '12 months') then 0 else 1 end)::float as silent
       from coordinator c where c.status = 'ACTIVE'`,
    );
    expect(silent).toBeGreaterThan(0.05);
    expect(silent).toBeLessThan(0.4);
    // each record is counted in a region (the coordinator's on its date)
    const { unplaced } = await one<{ unplaced: number }>(`select count(*)::int as unplaced from work_record where region_code is null or region_path is null`);
    expect(unplaced).toBe(0);
  });

  it('keeps every record consistent with its coordinator', async () => {
    const checks = await one<Record<string, number>>(
      `select
         (select count(*)::int from coordinator where affiliation = 'ENTERPRISE' and (enterprise_id is null or category not in (1, 2, 4))) as bad_enterprise_staff,
         (select count(*)::int from coordinator c join enterprise e on e.id = c.enterprise_id where c.region_code <> e.region_code) as bad_region,
         (select count(*)::int from coordinator c join region r on r.code = c.region_code
           where c.affiliation = 'GRASSROOTS' and (r.level <> 'TOWNSHIP' or not c.tripartite_or_grassroots or c.category <> 3)) as bad_grassroots,
         (select count(*)::int from coordinator where (status = 'LEFT') <> (left_on is not null)) as bad_status,
         (select count(*)::int from coordinator c join enterprise e on e.id = c.enterprise_id where e.registered_on > c.joined_on) as registered_late,
         (select count(*)::int from certificate t join coordinator c on c.id = t.coordinator_id where t.issued_on < c.birth_date) as certificate_before_birth,
         (select count(*)::int from work_period where start_on < '2008-01-01' or start_on > '2023-12-31') as odd_work_start,
         (select count(*)::int from coordinator where status = 'LEFT') as left_count`,
    );
    expect(checks).toMatchObject({
      bad_enterprise_staff: 0,
      bad_region: 0,
      bad_grassroots: 0,
      bad_status: 0,
      registered_late: 0,
      certificate_before_birth: 0,
      odd_work_start: 0,
    });
    expect(checks.left_count / SCALE.coordinators).toBeGreaterThan(0.04);
    expect(checks.left_count / SCALE.coordinators).toBeLessThan(0.12);
  });

  it('tells a story to today: employer moves, enterprises growing and shrinking, closures, new registrations each year', async () => {
    const thisYear = Number(todayIsoDate().slice(0, 4));
    const { rows } = await client.query<{ year: number; moves: number; grown: number; shrunk: number; closed: number; registered: number }>(
      `select y as year,
         (select count(*)::int from coordinator_assignment a where a.valid_from > (select joined_on from coordinator where id = a.coordinator_id)
            and date_part('year', a.valid_from) = y) as moves,
         (select count(*)::int from enterprise_year_figures f join enterprise_year_figures p on p.enterprise_id = f.enterprise_id and p.year < f.year
            where f.year = y and p.size_class = 'SMALL' and f.size_class in ('MEDIUM', 'LARGE')) as grown,
         (select count(*)::int from enterprise_year_figures f join enterprise_year_figures p on p.enterprise_id = f.enterprise_id and p.year < f.year
            where f.year = y and p.size_class in ('MEDIUM', 'LARGE') and f.size_class in ('SMALL', 'MICRO')) as shrunk,
         (select count(*)::int from enterprise_period where open_to is not null and date_part('year', open_to + 1) = y) as closed,
         (select count(*)::int from enterprise where date_part('year', registered_on) = y) as registered
       from generate_series(2022, $1::int) y order by y`,
      [thisYear],
    );
    for (const row of rows) {
      expect({ year: row.year, moves: row.moves > 0, grown: row.grown > 0, shrunk: row.shrunk > 0, closed: row.closed > 0 }).toEqual({
        year: row.year, moves: true, grown: true, shrunk: true, closed: true,
      });
    }
    expect(rows.filter((row) => row.year <= 2025).every((row) => row.registered > 0)).toBe(true);
  });

  it('moves the identity sequences past the loaded ids', async () => {
    const { rows } = await client.query<{ id: string }>(
      `insert into enterprise_incident (enterprise_id, kind, occurred_on) values (1, '测试', '2025-01-01') returning id`,
    );
    const { max } = await one<{ max: string }>(`select max(id)::text as max from enterprise_incident`);
    expect(rows[0].id).toBe(max);
    await client.query(`delete from enterprise_incident where id = $1`, [rows[0].id]);
  });

  it('fills every sub-record table', async () => {
    const counts = await one<Record<string, number>>(
      `select ${['certificate', 'education', 'work_period', 'training', 'honor', 'disciplinary_record', 'work_record', 'enterprise_incident']
        .map((table) => `(select count(*)::int from ${table}) as ${table}`)
        .join(', ')}`,
    );
    for (const [table, count] of Object.entries(counts)) expect({ table, count: count > 0 }).toEqual({ table, count: true });
    const certified = await one<{ share: number }>(
      `select (select count(distinct coordinator_id) from certificate)::float / (select count(*) from coordinator) as share`,
    );
    expect(certified.share).toBeGreaterThan(0.6);
    expect(certified.share).toBeLessThan(0.8);
  });
});

describe('demo data generator over several provinces (the national-lite bench size)', () => {
  const name = `demo_test_${randomBytes(4).toString('hex')}_n`;
  const vault = new IdNumberVault(loadConfiguration({ NODE_ENV: 'test' }));
  let client: Client;

  beforeAll(async () => {
    await withClient(SERVER_URL, (admin) => admin.query(`create database ${name}`));
    await runMigrations(databaseUrl(name));
    client = new Client({ connectionString: databaseUrl(name) });
    await client.connect();
    await generateDemoData(client, { scale: parseDemoScale('3000x800x3'), seed: SEED, vault });
  });

  afterAll(async () => {
    await client?.end();
    await withClient(SERVER_URL, (admin) => admin.query(`drop database if exists ${name} with (force)`));
  });

  it('lays copies of the region tree under two more provinces, each with its enterprises and coordinators', async () => {
    const { rows } = await client.query<{ province: string; name: string; regions: number; enterprises: number; coordinators: number }>(
      `select p.code as province, p.name,
         (select count(*)::int from region r where r.path like p.path || '%') as regions,
         (select count(*)::int from enterprise e where e.province_code = left(p.code, 2)) as enterprises,
         (select count(*)::int from coordinator c where c.province_code = left(p.code, 2)) as coordinators
       from region p where p.level = 'PROVINCE' order by p.code`,
    );
    expect(rows.map((row) => [row.province, row.name])).toEqual([['210000', '辽宁省'], ['220000', '吉林省'], ['230000', '黑龙江省']]);
    // the same tree in each, and roughly a third of the data in each
    expect(new Set(rows.map((row) => row.regions)).size).toBe(1);
    for (const row of rows) {
      expect(row.enterprises).toBeGreaterThan(3000 / 3 / 2);
      expect(row.coordinators).toBeGreaterThan(800 / 3 / 2);
    }
    expect(rows.reduce((sum, row) => sum + row.enterprises, 0)).toBe(3000);
  });

  it('keeps every record in its own province: employers, regions and paths agree', async () => {
    const checks = await one(
      client,
      `select
         (select count(*)::int from coordinator c join enterprise e on e.id = c.enterprise_id where c.province_code <> e.province_code) as cross_province_staff,
         (select count(*)::int from enterprise e join region r on r.code = e.region_code where e.region_path <> r.path) as enterprise_paths,
         (select count(*)::int from coordinator c join region r on r.code = c.region_code where c.region_path <> r.path) as coordinator_paths,
         (select count(*)::int from region where left(code, 2) <> left(path, 2)) as region_paths`,
    );
    expect(checks).toEqual({ cross_province_staff: 0, enterprise_paths: 0, coordinator_paths: 0, region_paths: 0 });
  });
});

async function one<T = Record<string, number>>(client: Client, sql: string): Promise<T> {
  return (await client.query(sql)).rows[0] as T;
}
