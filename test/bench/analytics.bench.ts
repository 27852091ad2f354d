import { Client } from 'pg';
import { makeIdNumber, todayIsoDate } from '@registry/domain';
import { PENDING_SQL } from '../../api/src/analytics/rollup-sql';
import { printGrowth } from './growth';
import { benchDatabase, BENCH_ADMIN_PASSWORD, load, print, startServer, type Scale } from './support';

// Issue 5: the dashboard's aggregate queries (coverage, structure, distribution) through the
// real HTTP + GraphQL stack at province, city and county scope, 10 connections; and the time
// from a write (a coordinator at an uncovered large enterprise) to the figure showing it.
// ANALYTICS_BENCH_SCALES=province,stress (default both); BENCH_SECONDS per measurement (3).
const TARGET_P95: Record<string, number> = { province: 20, stress: 50, demo: 20 };
const targetP95 = (scale: Scale) => TARGET_P95[scale] ?? 100;
const THIS_YEAR = Number(todayIsoDate().slice(0, 4));

const QUERIES: Record<string, string> = {
  coverage: `query($r: String!, $y: Int!) { coverage(regionCode: $r, year: $y) {
    largeMediumTotal largeMediumCovered socialOrganizationTotal socialOrganizationCovered smallMicroTotal smallMicroCovered targetRate } }`,
  structure: `query($r: String!, $y: Int!) { workforceStructure(regionCode: $r, year: $y) { dimension bucket count } }`,
  distribution: `query($r: String!, $y: Int!) { distribution(regionCode: $r, year: $y) {
    regionCode regionName coordinators largeMediumTotal largeMediumCovered largeMediumRate perHundredLargeMedium } }`,
};

/** One scale's figures, for the growth curve (scale.bench.ts): p95 per query at province scope. */
export interface ScaleResult {
  scale: Scale;
  enterprises: number;
  coordinators: number;
  p95: Record<string, number>;
  writeToFigureMs: number | null;
}

const LIST_QUERY = `query { coordinators(offset: 0, limit: 20) { total items { id name gender regionCode status enterprise { id name } } } }`;

export async function benchScale(scale: Scale, seconds: number, options: { full?: boolean } = {}): Promise<ScaleResult> {
  const p95: Record<string, number> = {};
  let writeToFigureMs: number | null = null;
  const seedStarted = Date.now();
  const databaseUrl = await benchDatabase(scale);
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const password = BENCH_ADMIN_PASSWORD;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const sql = async <T = Record<string, any>>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[];

  // The built server in its own process, as in production (no jest in the measured path).
  const server = await startServer(databaseUrl);
  const appUrl = server.url;
  const graphql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(`${appUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const token = (await graphql(`mutation { login(username: "admin", password: "${password}") { accessToken } }`)).login.accessToken as string;

  // The first start after seeding (or after the migration) builds every roll-up.
  const buildStarted = Date.now();
  const pending = async () => (await sql(`select ${PENDING_SQL} as pending`, [THIS_YEAR, todayIsoDate()]))[0].pending as boolean;
  while (await pending()) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const waitedSeconds = (Date.now() - buildStarted) / 1000;
  const [state] = await sql(`select last_refresh_ms, last_refresh_regions, last_refresh_people from analytics_state`);
  const [{ enterprises, coordinators }] = await sql(`select (select count(*) from enterprise)::int as enterprises, (select count(*) from coordinator)::int as coordinators`);
  // the city and the county with the most enterprises
  const [county] = await sql(
    `select r.code, r.name, p.code as unit, p.name as unit_name from region r join region p on p.code = r.parent_code
     where r.level = 'COUNTY' and p.level = 'UNIT'
     order by (select count(*) from enterprise e where e.region_path >= r.path and e.region_path < r.path || '~') desc limit 1`,
  );
  const scopes = [
    { label: 'province 220000', code: '220000' },
    { label: `city ${county.unit}`, code: county.unit },
    { label: `county ${county.code}`, code: county.code },
  ];

  const rows: string[][] = [];
  let worstP95 = 0;
  for (const [name, query] of Object.entries(QUERIES)) {
    for (const scope of scopes) {
      const body = () => JSON.stringify({ query, variables: { r: scope.code, y: THIS_YEAR } });
      const check = (_status: number, text: string) => text.startsWith('{"data"') && !text.includes('"errors"');
      const headers = { authorization: `Bearer ${token}` };
      await load({ url: `${appUrl}/graphql`, method: 'POST', body, headers, seconds: 1, check });
      const result = await load({ url: `${appUrl}/graphql`, method: 'POST', body, headers, seconds, check });
      worstP95 = Math.max(worstP95, result.p95);
      if (scope.code === '220000') p95[name] = result.p95;
      rows.push([name, scope.label, String(result.requests), result.perSecond.toFixed(0), result.p50.toFixed(1), result.p95.toFixed(1), String(result.errors)]);
    }
  }

  // A list page at province scope (the registry's most read screen), for the growth curve.
  {
    const body = () => JSON.stringify({ query: LIST_QUERY });
    const headers = { authorization: `Bearer ${token}` };
    const check = (_status: number, text: string) => text.startsWith('{"data"') && !text.includes('"errors"');
    await load({ url: `${appUrl}/graphql`, method: 'POST', body, headers, seconds: 1, check });
    const result = await load({ url: `${appUrl}/graphql`, method: 'POST', body, headers, seconds, check });
    p95.list = result.p95;
    rows.push(['(list: coordinators, 20 rows)', 'province 220000', String(result.requests), result.perSecond.toFixed(0), result.p50.toFixed(1), result.p95.toFixed(1), String(result.errors)]);
  }

  // The floor of the stack for comparison: the same HTTP + session check + GraphQL, no figure.
  {
    const body = () => JSON.stringify({ query: '{ me { id } }' });
    const headers = { authorization: `Bearer ${token}` };
    await load({ url: `${appUrl}/graphql`, method: 'POST', body, headers, seconds: 1 });
    const result = await load({ url: `${appUrl}/graphql`, method: 'POST', body, headers, seconds });
    rows.push(['(baseline: me)', 'session only', String(result.requests), result.perSecond.toFixed(0), result.p50.toFixed(1), result.p95.toFixed(1), String(result.errors)]);
  }

  // Freshness, twice: the background refresher alone (watched in the roll-up table, no reader
  // asking), then a reader asking right after the write (readers catch the roll-ups up first).
  const target = await graphql(`query($r: String!) { uncoveredEnterprises(regionCode: $r, limit: 2) { items { id regionCode } } }`, { r: county.code }, token);
  const freshness: string[] = [];
  let sequence = Date.now() % 400;
  const write = async (enterprise: { id: string; regionCode: string }) => {
    sequence += 2;
    const idNumber = makeIdNumber(county.code, '1988-08-08', sequence % 1000, 'FEMALE');
    await graphql(
      `mutation($input: CoordinatorInput!) { createCoordinator(input: $input) { id } }`,
      { input: { name: '基准测试协调员', idNumber, regionCode: enterprise.regionCode, enterpriseId: enterprise.id, tripartiteOrGrassroots: false } },
      token,
    );
  };
  const coveredInRollup = async () =>
    Number((await sql(`select coalesce(sum(covered_own), 0)::int as covered from analytics_enterprise_node where node_code = $1 and year = $2 and size_class in ('LARGE', 'MEDIUM')`, [county.code, THIS_YEAR]))[0].covered);
  const items = target.uncoveredEnterprises.items as { id: string; regionCode: string }[];
  if (items.length >= 1) {
    const before = await coveredInRollup();
    const started = Date.now();
    await write(items[0]);
    while ((await coveredInRollup()) === before && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
    freshness.push(`write → roll-up by the background refresher: ${Date.now() - started} ms`);
  }
  if (items.length >= 2) {
    const coverage = async () => (await graphql(QUERIES.coverage, { r: county.code, y: THIS_YEAR }, token)).coverage.largeMediumCovered as number;
    const before = await coverage();
    const started = Date.now();
    await write(items[1]);
    while ((await coverage()) === before && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
    writeToFigureMs = Date.now() - started;
    freshness.push(`write → coverage query answering with it: ${writeToFigureMs} ms (write included)`);
  }
  // leave the bench database as it was
  await sql(`delete from coordinator where name = '基准测试协调员'`);

  // Changes touching many people: one statement (like an import's commit) writes a coordinator
  // in every region that has any, then one writes every tenth coordinator. Timed from the commit
  // to the end of the refresh that took it in. Then the whole rebuild of a new day (not a write:
  // the current year's ages and certificates held are counted as of today).
  const bulk: string[] = [];
  let rebuild = '';
  let readersDuringRebuild = '';
  if ((options.full ?? true) && process.env.ANALYTICS_BENCH_FULL !== 'false') {
    const state = async () => (await sql(`select refreshed_at, last_refresh_ms, last_refresh_regions, last_refresh_people from analytics_state`))[0];
    const timed = async (label: string, write: () => Promise<void>) => {
      const before = await state();
      await write();
      const committed = Date.now();
      let after = await state();
      while (((await pending()) || after.refreshed_at?.getTime() === before.refreshed_at?.getTime()) && Date.now() - committed < 120_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        after = await state();
      }
      after = await state();
      return `${label} → roll-ups up to date ${Date.now() - committed} ms after the commit (refresh itself ${after.last_refresh_ms} ms: ` +
        `enterprise figures of ${after.last_refresh_regions} regions, coordinator figures of ${after.last_refresh_people} people)`;
    };
    // Each write moves the joining date a day back (a field every figure of the person and the
    // coverage of their employer depend on); an untimed write then moves it forward again.
    const oneInEachRegion = `select distinct on (region_code) id from coordinator order by region_code, id`;
    let regions = 0;
    bulk.push(
      await timed('province-wide write, a coordinator in every region', async () => {
        [{ regions }] = await sql(
          `with touched as (update coordinator set joined_on = joined_on - 1 where id in (${oneInEachRegion}) returning region_code)
           select count(distinct region_code)::int as regions from touched`,
        );
      }).then((line) => line.replace('every region', `every region (${regions})`)),
    );
    await timed('restore', async () => void (await sql(`update coordinator set joined_on = joined_on + 1 where id in (${oneInEachRegion})`)));
    bulk.push(await timed(`write to every tenth coordinator (${Math.round(coordinators / 10)})`, async () => void (await sql(`update coordinator set joined_on = joined_on - 1 where id % 10 = 0`))));
    await timed('restore', async () => void (await sql(`update coordinator set joined_on = joined_on + 1 where id % 10 = 0`)));
    rebuild = (await timed('new day: coordinator roll-ups rebuilt whole (not a write)', async () => void (await sql(`update analytics_state set built_on = null`))));

    // Readers during a full rebuild (issue 17): dashboard queries nobody asked yet (no cached
    // figure: every one reads the roll-up tables) from 4 connections, first idle, then while
    // every roll-up is rebuilt (a new year); the longest answer is the longest wait.
    const regionCodes = (await sql<{ code: string }>(`select code from region order by code`)).map((row) => row.code);
    let asked = 0;
    const readers = async (stop: () => boolean) => {
      const latencies: number[] = [];
      const loop = async () => {
        while (!stop()) {
          const index = asked++;
          const variables = { r: regionCodes[index % regionCodes.length], y: THIS_YEAR - (Math.floor(index / regionCodes.length) % (THIS_YEAR - 2021 + 1)) };
          const started = performance.now();
          await graphql(index % 2 === 0 ? QUERIES.coverage : QUERIES.structure, variables, token);
          latencies.push(performance.now() - started);
        }
      };
      await Promise.all(Array.from({ length: 4 }, loop));
      return latencies.sort((a, b) => a - b);
    };
    const idleUntil = Date.now() + seconds * 1000;
    const idle = await readers(() => Date.now() > idleUntil);
    let rebuilding = true;
    const during = readers(() => !rebuilding);
    const rebuilt = await timed('new year: every roll-up rebuilt (not a write)', async () => void (await sql(`update analytics_state set built_year = null`))).finally(
      () => (rebuilding = false),
    );
    const waits = await during;
    const at = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? NaN;
    readersDuringRebuild =
      `${rebuilt}\n  longest dashboard wait during rebuild ${at(waits, 1).toFixed(0)} ms (p95 ${at(waits, 0.95).toFixed(1)} ms over ${waits.length} queries; ` +
      `idle p95 ${at(idle, 0.95).toFixed(1)} ms, longest ${at(idle, 1).toFixed(0)} ms over ${idle.length}); target: readers never wait for the rebuild (only for the swap)`;
  }

  print('');
  print(`analytics, ${scale} data: ${enterprises} enterprises, ${coordinators} coordinators (database ready in ${seedSeconds.toFixed(1)} s; last roll-up refresh ${state.last_refresh_ms} ms for ${state.last_refresh_regions} regions and ${state.last_refresh_people} people, startup catch-up ${waitedSeconds.toFixed(1)} s)`);
  print(`10 connections, ${seconds} s per line, year ${THIS_YEAR}; target p95 <= ${targetP95(scale)} ms`);
  const header = ['query', 'scope', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'errors'];
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index].length)));
  const line = (cells: string[]) => '  ' + cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ');
  print(line(header));
  rows.forEach((row) => print(line(row)));
  print(`  worst p95 ${worstP95.toFixed(1)} ms: ${worstP95 <= targetP95(scale) ? 'within' : 'OVER'} the ${targetP95(scale)} ms target`);
  freshness.forEach((entry) => print(`  freshness: ${entry} (target <= 5000 ms)`));
  bulk.forEach((entry) => print(`  ${entry}; target <= 5000 ms`));
  if (rebuild) print(`  ${rebuild}`);
  if (readersDuringRebuild) print(`  ${readersDuringRebuild}`);

  await client.end();
  await server.close();
  return { scale, enterprises, coordinators, p95, writeToFigureMs };
}

export async function run(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 3);
  const scales = (process.env.ANALYTICS_BENCH_SCALES ?? 'province,stress').split(',').map((scale) => scale.trim()) as Scale[];
  const results: ScaleResult[] = [];
  for (const scale of scales) results.push(await benchScale(scale, seconds));
  // the growth curve over the sizes run here (BENCH=scale runs demo to stress and beyond)
  if (results.length > 1) printGrowth(results);
}
