#!/usr/bin/env node
// `npm test`: builds what the integration and browser tests serve, runs every jest project
// in one run, and prints the plain total last: "Tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: process.env.CI ? 'true' : process.env.NX_SKIP_NX_CACHE };
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;

mkdirSync('test-results', { recursive: true });
const summaryFile = 'test-results/summary.txt';
const jsonFile = 'test-results/jest.json';

if (run('npx', ['nx', 'run-many', '-t', 'build', '--projects=domain,api,web', '--output-style=stream']) !== 0) {
  writeFileSync(summaryFile, 'Tests: 0 passed, 1 failed\n');
  console.log('build failed');
  console.log('Tests: 0 passed, 1 failed');
  process.exit(1);
}

const extra = process.argv.slice(2);
const status = run('npx', ['jest', '--json', `--outputFile=${jsonFile}`, '--maxWorkers=2', ...extra]);

let passed = 0;
let failed = 0;
if (existsSync(jsonFile)) {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
} else {
  failed = 1;
}
const line = `Tests: ${passed} passed, ${failed} failed`;
writeFileSync(summaryFile, `${line}\n`);
console.log(line);
process.exit(status === 0 && failed === 0 ? 0 : 1);
