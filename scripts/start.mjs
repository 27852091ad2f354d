#!/usr/bin/env node
// `npm start`: builds the domain lib, the API and the web app (Nx caches unchanged builds),
// then runs the product on one port: web at /, GraphQL at /graphql, /health. Without
// DATABASE_URL it starts the embedded PostgreSQL under .data/ with demo data.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=domain,api,web', '--output-style=stream'], {
  stdio: 'inherit',
  env,
});
if (build.status !== 0) {
  console.error('build failed');
  process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--enable-source-maps', 'dist/api/main.js'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
