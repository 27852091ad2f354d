import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { loadConfiguration } from '../../api/src/config/configuration';
import { createApplication } from '../../api/src/server';
import { benchDatabase, BENCH_ADMIN_PASSWORD, load, print, signIn, startServer, type LoadResult } from './support';

// Issue 2: the coordinators list (20 rows with employer and region) at 10 connections through
// the real HTTP + GraphQL stack (the built server in its own process), next to a raw http + pg
// server answering the same rows with the same SQL in the same run; and SQL statements per
// request (counted in-process on one request).
const QUERY = `query($offset: Int) { coordinators(offset: $offset, limit: 20) {
  total items { id name idNumber status region { code name } enterprise { id name sizeClass } } } }`;
const PAGES = 50;

// The baseline: plain node http + pg, same SQL as the service, regions from memory, employers
// batched in one statement; no auth, no GraphQL. It reads the offset from the same JSON bodies
// the GraphQL server gets, so both serve the same pages.
const RAW_SERVER = `
const http = require('node:http');
const { Pool } = require('pg');
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
let regions = null;
const server = http.createServer(async (request, response) => {
  // the same request body as the GraphQL side gets, for the same pages
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const offset = Number(JSON.parse(Buffer.concat(chunks).toString()).variables.offset || 0);
  regions = regions || new Map((await pool.query('select code, name from region')).rows.map((row) => [row.code, row]));
  const page = await pool.query(
    "select c.id, c.name, c.id_number_masked, c.status, c.region_code, c.enterprise_id, " +
    "(select count(*)::int from coordinator c where c.region_path >= $1 and c.region_path < $1 || '~') as total " +
    "from coordinator c where c.region_path >= $1 and c.region_path < $1 || '~' order by c.name, c.id offset $2 limit 20",
    ['220000/', offset]);
  const ids = [...new Set(page.rows.map((row) => row.enterprise_id).filter(Boolean))];
  const employers = new Map((await pool.query('select id, name, size_class from enterprise where id = any($1::bigint[])', [ids])).rows.map((row) => [row.id, row]));
  const body = JSON.stringify({ data: { coordinators: { total: page.rows[0] ? page.rows[0].total : 0, items: page.rows.map((row) => ({
    id: row.id, name: row.name, idNumber: row.id_number_masked, status: row.status, region: regions.get(row.region_code),
    enterprise: row.enterprise_id ? { id: row.enterprise_id, name: employers.get(row.enterprise_id).name, sizeClass: employers.get(row.enterprise_id).size_class } : null })) } } });
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
`;

/** Windows of one side together: requests over time; p50/p95 the median of the windows'. */
function combined(runs: LoadResult[]): LoadResult {
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    requests,
    seconds,
    perSecond: requests / seconds,
    p50: median(runs.map((run) => run.p50)),
    p95: median(runs.map((run) => run.p95)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

async function startRawServer(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const port = 40000 + Math.floor(Math.random() * 10000);
  const child = spawn(process.execPath, ['-e', RAW_SERVER], { env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ready) => child.stdout.once('data', () => ready()));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => (child.once('exit', () => done()), child.kill())) };
}

/**
 * SQL statements behind one list request, counted on the pg client in this process: with the
 * session looked up (the first request of a session each second) and with it cached.
 */
async function statementsPerRequest(databaseUrl: string): Promise<{ lookedUp: number; cached: number }> {
  const config = loadConfiguration({
    NODE_ENV: 'production', DATABASE_URL: databaseUrl, ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD, DEMO_MODE: 'true', LOG_LEVEL: 'error',
    WEB_DIST_DIR: 'none', ID_NUMBER_KEYS: 'demo:' + 'd3a0'.repeat(16), ID_NUMBER_HASH_KEY: 'a11ce'.repeat(13).slice(0, 64),
  });
  const app = await createApplication(config, databaseUrl);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const token = await signIn(url);
  const request = () =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, variables: { offset: 40 } }),
    }).then((response) => response.json());
  const counted = async () => {
    let statements = 0;
    const original = Client.prototype.query;
    Client.prototype.query = function counted(this: Client, ...args: unknown[]) {
      statements += 1;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    try {
      await request();
    } finally {
      Client.prototype.query = original;
    }
    return statements;
  };
  await request(); // warm: regions cached, first-use work done
  await new Promise((resolve) => setTimeout(resolve, config.session.cacheMilliseconds + 50));
  const lookedUp = await counted();
  const cached = await counted();
  await app.close();
  return { lookedUp, cached };
}

export async function run(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const databaseUrl = await benchDatabase('province');
  // Earlier benches' writes leave pages not all-visible: the total would be counted by a
  // sequential scan (20 ms) instead of an index-only scan (3 ms) on both sides.
  const setup = new Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query(`vacuum analyze coordinator, enterprise`);
  await setup.end();
  const statements = await statementsPerRequest(databaseUrl);
  const server = await startServer(databaseUrl);
  const raw = await startRawServer(databaseUrl);
  const token = await signIn(server.url);

  let page = 0;
  const graphqlBody = () => JSON.stringify({ query: QUERY, variables: { offset: (page++ % PAGES) * 20 } });
  const headers = { authorization: `Bearer ${token}` };
  await load({ url: `${server.url}/graphql`, method: 'POST', body: graphqlBody, headers, seconds: 2 });
  await load({ url: raw.url, method: 'POST', body: graphqlBody, seconds: 2 });
  // Alternating windows: a slow spell of the machine (2 shared cores) falls on both sides
  // instead of on whichever ran during it.
  const windows = 5;
  const appRuns: LoadResult[] = [];
  const rawRuns: LoadResult[] = [];
  for (let window = 0; window < windows; window++) {
    appRuns.push(await load({ url: `${server.url}/graphql`, method: 'POST', body: graphqlBody, headers, seconds: seconds / windows }));
    rawRuns.push(await load({ url: raw.url, method: 'POST', body: graphqlBody, seconds: seconds / windows }));
  }
  const appResult = combined(appRuns);
  const rawResult = combined(rawRuns);

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const [{ count }] = (await client.query(`select count(*)::int as count from coordinator`)).rows;
  await client.end();

  print('');
  print(`coordinators list, 20 rows with employer and region, province scope (${count} coordinators), 10 connections, ${seconds} s each in ${windows} alternating windows`);
  print(`  GraphQL (built server: Nest + Apollo + DataLoader + RLS): ${appResult.perSecond.toFixed(0)} req/s, p50 ${appResult.p50.toFixed(1)} ms, p95 ${appResult.p95.toFixed(1)} ms, errors ${appResult.errors}`);
  print(`  raw http + pg baseline (same SQL):                       ${rawResult.perSecond.toFixed(0)} req/s, p50 ${rawResult.p50.toFixed(1)} ms, p95 ${rawResult.p95.toFixed(1)} ms, errors ${rawResult.errors}`);
  print(`  ratio (GraphQL / raw): ${(appResult.perSecond / rawResult.perSecond).toFixed(2)}   (target >= 0.5)`);
  print(`  SQL statements per request: ${statements.lookedUp} with the session looked up (once a second per session), ${statements.cached} while it is cached   (target <= 3)`);
  await raw.close();
  await server.close();
}
