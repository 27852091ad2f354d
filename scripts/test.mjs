#!/usr/bin/env node
// `npm test`: builds what the integration and browser tests serve, type-checks test/ and web/ (swc and vite strip
// types without checking them), runs every jest project in one run, and prints the plain total
// last: "Tests: N passed, N failed". A type error in test/ counts as one failed test; tests
// skipped because a tool is missing are counted, with their suites, on the line before.
// The unit tests of libs/domain run a second time under another time zone (TZ_RERUN, default
// America/Los_Angeles): "today" and "this year" are China's wherever the machine is, and their
// counts go into the same total, so a test that depends on the machine's zone fails it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

// The build is never taken from Nx's cache: a cache entry restored without its outputs (seen:
// libs/domain/dist missing after "[local cache]") fails every test of the built server.
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true' };
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

// vite strips types without checking them, like swc: the web is type-checked here too
let typeCheck = 0;
for (const project of ['test', 'web']) {
  console.log(`type check of ${project}/ (tsc --noEmit -p ${project}/tsconfig.json)`);
  if (run('npx', ['tsc', '--noEmit', '-p', `${project}/tsconfig.json`]) !== 0) {
    console.log(`type check of ${project}/ failed: counted as 1 failed test`);
    typeCheck += 1;
  }
}

const extra = process.argv.slice(2);
const status = run('npx', ['jest', '--json', `--outputFile=${jsonFile}`, '--maxWorkers=2', ...extra]);

const otherZone = process.env.TZ_RERUN ?? 'America/Los_Angeles';
const zoneJsonFile = 'test-results/jest-domain-tz.json';
console.log(`unit tests of libs/domain again under TZ=${otherZone}`);
rmSync(zoneJsonFile, { force: true }); // a report left from an earlier run must not count
const zoneStatus = spawnSync('npx', ['jest', '--selectProjects', 'domain', '--json', `--outputFile=${zoneJsonFile}`, '--maxWorkers=2'], {
  stdio: 'inherit',
  env: { ...env, TZ: otherZone },
}).status ?? 1;

let passed = 0;
let failed = typeCheck;
let skipped = 0;
const skippedSuites = new Map();
if (existsSync(jsonFile)) {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed = report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      if (test.status !== 'pending' && test.status !== 'todo' && test.status !== 'skipped') continue;
      const name = test.ancestorTitles?.[0] ?? suite.name;
      skippedSuites.set(name, (skippedSuites.get(name) ?? 0) + 1);
    }
  }
} else {
  failed += 1;
}
if (existsSync(zoneJsonFile)) {
  const report = JSON.parse(readFileSync(zoneJsonFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
} else {
  failed += 1;
}
const skippedLine = `Skipped: ${skipped}${skippedSuites.size ? ` (${[...skippedSuites].map(([name, count]) => `${name}: ${count}`).join('; ')})` : ''}`;
const line = `Tests: ${passed} passed, ${failed} failed`;
writeFileSync(summaryFile, `${skippedLine}\n${line}\n`);
console.log(skippedLine);
console.log(line);
process.exit(status === 0 && zoneStatus === 0 && failed === 0 ? 0 : 1);
