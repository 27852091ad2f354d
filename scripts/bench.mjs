#!/usr/bin/env node
// `npm run bench`: builds, then runs the benchmarks in test/bench (BENCH=name picks some).
// They use the PostgreSQL of DATABASE_URL (default: the local server at 127.0.0.1:5432) and
// keep their seeded databases (registry_bench_<scale>) between runs; BENCH_RESEED=true reseeds.
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
if (run('npx', ['nx', 'run-many', '-t', 'build', '--projects=domain,api,web', '--output-style=stream']) !== 0) process.exit(1);
process.exit(run('npx', ['jest', '-c', 'test/bench/jest.config.cjs', '--runInBand', '--verbose=false', ...process.argv.slice(2)]));
