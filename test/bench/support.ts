import http from 'node:http';
import { Client } from 'pg';
import { loadConfiguration } from '../../api/src/config/configuration';
import { IdNumberVault } from '../../api/src/common/id-number-vault';
import { generateDemoData } from '../../api/src/database/demo/generator';
import { runMigrations } from '../../api/src/server';
import { adminDatabaseUrl, databaseUrlFor } from '../support/test-database';

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export type Scale = 'province' | 'stress' | 'demo';

/**
 * A database seeded at the given scale, kept between bench runs (registry_bench_<scale>) so
 * the seeding cost is paid once; BENCH_RESEED=true starts it over.
 */
export async function benchDatabase(scale: Scale): Promise<string> {
  const name = `registry_bench_${scale}`;
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
    const result = await generateDemoData(client, { scale, vault, log: () => undefined });
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

/**
 * A closed-loop load: `connections` keep-alive connections each sending the next request as
 * soon as the previous answer arrives, for `seconds`. Latencies in milliseconds.
 */
export async function load(options: {
  url: string;
  method?: 'GET' | 'POST';
  body?: () => string;
  headers?: Record<string, string>;
  connections?: number;
  seconds?: number;
  check?: (status: number, body: string) => boolean;
}): Promise<LoadResult> {
  const connections = options.connections ?? 10;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(options.url);
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + (options.seconds ?? 10) * 1000;
  const one = () =>
    new Promise<void>((done) => {
      const body = options.body?.();
      const started = process.hrtime.bigint();
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: options.method ?? 'GET',
          headers: { ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}), ...options.headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            const text = Buffer.concat(chunks).toString();
            if (response.statusCode !== 200 || (options.check && !options.check(response.statusCode, text))) errors += 1;
            done();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        done();
      });
      if (body) request.write(body);
      request.end();
    });
  const began = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) await one();
    }),
  );
  const seconds = (Date.now() - began) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    errors,
  };
}
