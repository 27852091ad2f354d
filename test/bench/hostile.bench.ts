import { hostileXlsxFiles } from '../fixtures/imports/hostile-files';
import { ImportClient, removeStoredUploads } from '../fixtures/imports/helpers';
import { startTestApp, type TestApp } from '../support/test-app';
import { percentile, print } from './support';

// Issue 13: the worst /health latency (next to a 20-row list query) while hostile GraphQL
// documents keep arriving without an account, and while each hostile import file is processed,
// against the 500 ms target. A throw-away database (the figures do not depend on its size).
const TARGET_MS = 500;

function doubling(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, index) => `fragment F${index} on Query{...F${index + 1} ...F${index + 1}}`);
  return `query{...F0} ${fragments.join(' ')} fragment F${levels} on Query{regions{code name}}`;
}

const HOSTILE_DOCUMENTS = [
  doubling(24),
  doubling(30),
  `{ ${'coordinators { items { enterprise { '.repeat(4)}id${' } } }'.repeat(4)} }`,
  `{ ${Array.from({ length: 100 }, (_, index) => `a${index}: regions { code }`).join(' ')} }`,
  `{ regions ${'@include(if: true) '.repeat(200)} { code } }`,
  `{ regions { ${'code '.repeat(1500)} } }`,
  '{ ...A } fragment A on Query { regions { code } ...B } fragment B on Query { ...A }',
];

async function probe(t: TestApp, token: string): Promise<number> {
  const started = performance.now();
  await Promise.all([fetch(`${t.baseUrl}/health`).then((response) => response.text()), t.graphql('{ coordinators(limit: 20) { total items { id name } } }', {}, token)]);
  return performance.now() - started;
}

/** Probes one after another until `work` settles; the latencies, sorted. */
async function probeDuring(t: TestApp, token: string, work: Promise<unknown>): Promise<number[]> {
  let done = false;
  const settled = work.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) latencies.push(await probe(t, token));
  await settled;
  return latencies.sort((a, b) => a - b);
}

const figures = (latencies: number[]) =>
  `${latencies.length} probes, median ${percentile(latencies, 0.5).toFixed(1)} ms, worst ${latencies[latencies.length - 1].toFixed(1)} ms`;

export async function run(): Promise<void> {
  const t = await startTestApp();
  try {
    const token = await t.adminToken();
    const quiet = await probeDuring(t, token, new Promise((resolve) => setTimeout(resolve, 2000)));
    print(`hostile: quiet /health + list: ${figures(quiet)}`);
    let worst = 0;

    let sent = 0;
    const documents = (async () => {
      for (let round = 0; round < 20; round++) {
        for (const query of HOSTILE_DOCUMENTS) {
          await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
          sent += 1;
        }
      }
    })();
    const underDocuments = await probeDuring(t, token, documents);
    worst = Math.max(worst, underDocuments[underDocuments.length - 1]);
    print(`hostile: ${sent} hostile GraphQL documents: ${figures(underDocuments)}`);

    const client = new ImportClient(t.baseUrl, token);
    for (const [name, file] of Object.entries(hostileXlsxFiles())) {
      const uploaded = await client.upload('coordinators', 'hostile.xlsx', file);
      const job = client.wait(uploaded.body.id, ['VALIDATED', 'COMMITTED', 'FAILED'], 300_000);
      const latencies = await probeDuring(t, token, job);
      const outcome = await job;
      worst = Math.max(worst, latencies[latencies.length - 1]);
      print(`hostile: file "${name}" (${(file.length / 1024).toFixed(1)} kB) → ${outcome.status} ${outcome.message ?? ''}: ${figures(latencies)}`);
    }
    print(`hostile: worst /health + list latency ${worst.toFixed(1)} ms (target ${TARGET_MS} ms) ${worst <= TARGET_MS ? 'OK' : 'OVER TARGET'}`);
    await removeStoredUploads(t);
  } finally {
    await t.close();
  }
}
