import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { loadConfiguration } from '../../api/src/config/configuration';
import { IdNumberVault } from '../../api/src/common/id-number-vault';
import { generateDemoData, parseDemoScale } from '../../api/src/database/demo/generator';
import { runMigrations } from '../../api/src/server';
import { adminDatabaseUrl, databaseUrlFor } from '../support/test-database';

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** A named scale (national: the national-lite size, 5M enterprises / 1M coordinators over five provinces), or `<enterprises>x<coordinators>[x<provinces>]`. */
export type Scale = 'province' | 'stress' | 'demo' | 'national' | `${number}x${number}` | `${number}x${number}x${number}`;

/**
 * A database seeded at the given scale, kept between bench runs (registry_bench_<scale>) so
 * the seeding cost is paid once; BENCH_RESEED=true starts it over.
 */
export async function benchDatabase(scale: Scale): Promise<string> {
  // BENCH_DATABASE_PREFIX keeps the databases of branches with other migrations apart
  const name = `${process.env.BENCH_DATABASE_PREFIX ?? 'registry_bench'}_${scale}`;
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  if (process.env.BENCH_RESEED === 'true') await admin.query(`drop database if exists ${name} with (force)`);
  const exists = await admin.query(`select 1 from pg_database where datname = $1`, [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = databaseUrlFor(name);
  await runMigrations(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  const [{ count }] = (await client.query(`select count(*)::int as count from enterprise`)).rows;
  if (count === 0) {
    const started = Date.now();
    const vault = new IdNumberVault(loadConfiguration({ NODE_ENV: 'test' }));
    const result = await generateDemoData(client, { scale: parseDemoScale(scale), vault, log: () => undefined });
    print(`seeded ${scale}: ${result.enterprises} enterprises, ${result.coordinators} coordinators in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await client.end();
  return url;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

// The load generator runs on its own thread (like wrk would run as its own process), so the
// server under test does not share its event loop with the client.
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, method, bodies, headers, connections, seconds } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
const latencies = [];
let errors = 0;
let next = 0;
let until = Date.now() + seconds * 1000;
// 'stop' from the caller ends the load early (a load that lasts as long as some other work)
parentPort.on('message', () => (until = 0));
parentPort.unref();
function one() {
  return new Promise((done) => {
    const body = bodies.length ? bodies[next++ % bodies.length] : undefined;
    const started = process.hrtime.bigint();
    const request = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method,
      headers: { ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}), ...headers } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          // an answer counts as an error when it is not 200 or carries GraphQL errors
          if (response.statusCode !== 200 || Buffer.concat(chunks).includes('"errors"')) errors += 1;
          done();
        });
      });
    request.on('error', () => { errors += 1; done(); });
    if (body) request.write(body);
    request.end();
  });
}
const began = Date.now();
Promise.all(Array.from({ length: connections }, async () => { while (Date.now() < until) await one(); })).then(() => {
  agent.destroy();
  parentPort.postMessage({ latencies, errors, seconds: (Date.now() - began) / 1000 });
});
`;

/**
 * A closed-loop load: `connections` keep-alive connections each sending the next request as
 * soon as the previous answer arrives, for `seconds`, from a worker thread. `body` is called up
 * to 200 times up front and the bodies are sent in rotation. Latencies in milliseconds.
 */
export async function load(options: {
  url: string;
  method?: 'GET' | 'POST';
  body?: () => string;
  headers?: Record<string, string>;
  connections?: number;
  seconds?: number;
  /** kept for callers; the worker counts non-200 answers and GraphQL errors as errors */
  check?: (status: number, body: string) => boolean;
  /** ends the load when it settles, before `seconds` have passed */
  until?: Promise<unknown>;
}): Promise<LoadResult> {
  const bodies = options.body ? Array.from({ length: 200 }, () => options.body!()) : [];
  const result = await new Promise<{ latencies: number[]; errors: number; seconds: number }>((done, fail) => {
    const worker = new Worker(LOAD_WORKER, {
      eval: true,
      workerData: {
        url: options.url,
        method: options.method ?? 'GET',
        bodies,
        headers: options.headers ?? {},
        connections: options.connections ?? 10,
        seconds: options.seconds ?? 10,
      },
    });
    worker.once('message', done);
    worker.once('error', fail);
    void options.until?.finally(() => worker.postMessage('stop'));
  });
  const latencies = result.latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds: result.seconds,
    perSecond: latencies.length / result.seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    errors: result.errors,
  };
}

export const BENCH_ADMIN_PASSWORD = 'Bench#Admin2025';

/**
 * The product as it runs in production: `node dist/api/main.js` (built by `npm run bench`) in its
 * own process on the given database, so measurements include neither jest nor the load.
 */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<{ url: string; pid: number; close(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['dist/api/main.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      DEMO_MODE: 'true',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
      WEB_DIST_DIR: 'none',
      ID_NUMBER_KEYS: 'demo:' + 'd3a0'.repeat(16),
      ID_NUMBER_HASH_KEY: 'a11ce'.repeat(13).slice(0, 64),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health`).then((response) => response.ok).catch(() => false);
    if (ok) break;
    if (attempt > 600) throw new Error('the server did not answer /health within 60 s');
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return {
    url,
    pid: child.pid!,
    // a server that has not exited 20 s after SIGTERM is killed, and the bench says so (seen
    // after the first-load bench: the API's shutdown waiting on something, see ADR 0312)
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        const kill = setTimeout(() => {
          print(`  (the server did not exit within 20 s of SIGTERM: killed)`);
          child.kill('SIGKILL');
        }, 20000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Signs in on a running server and returns the bearer token. */
export async function signIn(url: string, username = 'admin', password = BENCH_ADMIN_PASSWORD): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`, variables: { u: username, p: password } }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`sign-in failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}
