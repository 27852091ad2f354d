import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Pool } from 'pg';
import { loadConfiguration } from '../../api/src/config/configuration';
import { createApplication } from '../../api/src/server';
import { benchDatabase, load, print } from './support';

// Issue 2: the coordinators list (20 rows with employer and region) at 10 connections through
// the real HTTP + GraphQL stack, next to a raw http + pg server answering the same rows in
// the same run; and SQL statements per request.
const QUERY = `query($offset: Int) { coordinators(offset: $offset, limit: 20) {
  total items { id name idNumber status region { code name } enterprise { id name sizeClass } } } }`;
const PAGES = 50;

async function statementCounter(): Promise<{ count(): number; reset(): void }> {
  let statements = 0;
  const original = Client.prototype.query;
  Client.prototype.query = function patched(this: Client, ...args: unknown[]) {
    statements += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  return { count: () => statements, reset: () => (statements = 0) };
}

function rawServer(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 20 });
  let regions: Map<string, { code: string; name: string }> | null = null;
  const server = http.createServer(async (request, response) => {
    const offset = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('offset') ?? 0);
    regions ??= new Map((await pool.query(`select code, name from region`)).rows.map((row) => [row.code, row]));
    const page = await pool.query(
      `select c.id, c.name, c.id_number_masked, c.status, c.region_code, c.enterprise_id,
         (select count(*)::int from coordinator c where c.region_path >= $1 and c.region_path < $1 || '~') as total
       from coordinator c where c.region_path >= $1 and c.region_path < $1 || '~' order by c.name, c.id offset $2 limit 20`,
      ['220000/', offset],
    );
    const enterpriseIds = [...new Set(page.rows.map((row) => row.enterprise_id).filter(Boolean))];
    const enterprises = new Map(
      (await pool.query(`select id, name, size_class from enterprise where id = any($1::bigint[])`, [enterpriseIds])).rows.map((row) => [row.id, row]),
    );
    const body = JSON.stringify({
      data: {
        coordinators: {
          total: Number(page.rows[0]?.total ?? 0),
          items: page.rows.map((row) => ({
            id: row.id,
            name: row.name,
            idNumber: row.id_number_masked,
            status: row.status,
            region: regions!.get(row.region_code),
            enterprise: row.enterprise_id ? { id: row.enterprise_id, name: enterprises.get(row.enterprise_id)?.name, sizeClass: enterprises.get(row.enterprise_id)?.size_class } : null,
          })),
        },
      },
    });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () =>
      ready({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: async () => {
          server.close();
          await pool.end();
        },
      }),
    ),
  );
}

export async function run(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const databaseUrl = await benchDatabase('province');
  const password = 'Bench#Admin2025';
  const config = loadConfiguration({ NODE_ENV: 'production', DATABASE_URL: databaseUrl, ADMIN_PASSWORD: password, DEMO_MODE: 'true', LOG_LEVEL: 'error', WEB_DIST_DIR: 'none', ID_NUMBER_KEYS: 'demo:' + 'd3a0'.repeat(16), ID_NUMBER_HASH_KEY: 'a11ce'.repeat(13).slice(0, 64) });
  const app = await createApplication(config, databaseUrl);
  await app.listen(0, '127.0.0.1');
  const appUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const login = await fetch(`${appUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { login(username: "admin", password: "${password}") { accessToken } }` }),
  }).then((response) => response.json() as Promise<{ data: { login: { accessToken: string } } }>);
  const token = login.data.login.accessToken;
  const raw = await rawServer(databaseUrl);

  let page = 0;
  const nextOffset = () => (page++ % PAGES) * 20;
  const graphqlBody = () => JSON.stringify({ query: QUERY, variables: { offset: nextOffset() } });
  const headers = { authorization: `Bearer ${token}` };
  const okGraphql = (_status: number, body: string) => body.includes('"items"') && !body.includes('"errors"');

  // warm-up both, then measure
  await load({ url: `${appUrl}/graphql`, method: 'POST', body: graphqlBody, headers, seconds: 2, check: okGraphql });
  await load({ url: `${raw.url}/?offset=0`, seconds: 2 });

  const counter = await statementCounter();
  counter.reset();
  const one = await fetch(`${appUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: graphqlBody() });
  await one.json();
  const statementsPerRequest = counter.count();

  const appResult = await load({ url: `${appUrl}/graphql`, method: 'POST', body: graphqlBody, headers, seconds, check: okGraphql });
  const rawResult = await load({ url: `${raw.url}/?offset=${nextOffset()}`, seconds });

  const [{ count: coordinators }] = (await (async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const rows = (await client.query(`select count(*)::int as count from coordinator`)).rows;
    await client.end();
    return rows;
  })()) as { count: number }[];

  print('');
  print(`coordinators list, 20 rows with employer and region, 10 connections, ${seconds} s each, ${coordinators} coordinators`);
  print(`  GraphQL (Nest + Apollo + DataLoader): ${appResult.perSecond.toFixed(0)} req/s, p50 ${appResult.p50.toFixed(1)} ms, p95 ${appResult.p95.toFixed(1)} ms, errors ${appResult.errors}`);
  print(`  raw http + pg baseline:               ${rawResult.perSecond.toFixed(0)} req/s, p50 ${rawResult.p50.toFixed(1)} ms, p95 ${rawResult.p95.toFixed(1)} ms, errors ${rawResult.errors}`);
  print(`  ratio (GraphQL / raw): ${(appResult.perSecond / rawResult.perSecond).toFixed(2)}   (target >= 0.5)`);
  print(`  SQL statements per request (session check included): ${statementsPerRequest}   (target <= 3)`);

  await raw.close();
  await app.close();
}
