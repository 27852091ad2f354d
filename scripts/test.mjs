#!/usr/bin/env node
// `npm test`: builds what the integration and browser tests serve, type-checks test/ and web/ (swc and vite strip
// types without checking them), runs every jest project in one run, and prints the plain total
// last: "Tests: N passed, N failed". A type error in test/ counts as one failed test; tests
// skipped because a tool is missing are counted, with their suites, on the line before.
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
const skippedLine = `Skipped: ${skipped}${skippedSuites.size ? ` (${[...skippedSuites].map(([name, count]) => `${name}: ${count}`).join('; ')})` : ''}`;
const line = `Tests: ${passed} passed, ${failed} failed`;
writeFileSync(summaryFile, `${skippedLine}\n${line}\n`);
console.log(skippedLine);
console.log(line);
process.exit(status === 0 && failed === 0 ? 0 : 1);
