import { JILIN_REGIONS, labelWithCode, makeIdNumber, todayIsoDate } from '@registry/domain';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { PENDING_SQL } from '../../api/src/analytics/rollup-sql';
import { COORDINATOR_SHEET } from '../../api/src/imports/sheets/columns';
import { databaseFingerprint, headerOf, ImportClient, removeStoredUploads, valuesOf, workbook, type Row } from '../fixtures/imports/helpers';
import { installCommitFault } from '../fixtures/imports/commit-fault';
import { seededRandom } from '../support/seeded-random';
import { startTestApp } from '../support/test-app';
import { adminDatabaseUrl, databaseUrlFor } from '../support/test-database';
import { load, print } from './support';

// Issue 6: a generated 100k-row coordinator xlsx imported end to end (upload, parse, validate,
// commit) through the real HTTP API of `node dist/api/main.js`, with the server's peak RSS,
// next to a raw COPY of the same rows into a scratch table in the same run; then a 100k-row
// export; then 100 fault-injection runs (the suite runs 20).
// Issue 17: the floor — the rows the import wrote, COPYed into the registry's own tables of a
// second freshly migrated database (same indexes, foreign keys, triggers; encrypted ID column as
// stored) in one transaction, rolled back — next to the import's commit and end-to-end times;
// and the export's peak RSS in a server process of its own (nothing left over from the import).
const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 100_000);
const FAULT_RUNS = Number(process.env.IMPORT_BENCH_FAULT_RUNS ?? 100);
const PASSWORD = 'Bench#Import2025';
// scratch databases of this bench: BENCH_DATABASE_PREFIX keeps two branches' runs apart
const DATABASE_PREFIX = process.env.BENCH_DATABASE_PREFIX ?? 'registry_bench';

/** The coordinators list of coordinators-list.bench.ts, asked while idle and during an import. */
const LIST_QUERY = `query($offset: Int) { coordinators(offset: $offset, limit: 20) {
  total items { id name idNumber status region { code name } enterprise { id name sizeClass } } } }`;
const LIST_CONNECTIONS = 4;

const COUNTIES = JILIN_REGIONS.filter((region) => region.level === 'COUNTY');

function benchRow(index: number): Row {
  const county = COUNTIES[index % COUNTIES.length];
  const day = Math.floor(index / 400);
  const birth = new Date(Date.UTC(1970, 0, 1 + day * 3)).toISOString().slice(0, 10);
  const sequence = index % 400;
  const idNumber = makeIdNumber('220104', birth, sequence, sequence % 2 ? 'MALE' : 'FEMALE');
  return {
    seq: index + 1,
    name: `协调员${index}`,
    idNumber,
    region: labelWithCode(county.name, county.code),
    category: 1 + (index % 6),
    affiliation: '其他',
    tripartite: index % 3 === 0 ? '是' : '否',
    unitName: `单位${index % 5000}`,
    post: '人力资源',
    phone: `139${String(index).padStart(8, '0')}`,
    joinedOn: '2018-03-01',
    status: '在岗',
    certOccupation: '劳动关系协调员',
    certLevel: 1 + (index % 5),
    certIssuedOn: '2019-05-10',
    certNumber: `C${index}`,
    eduLevel: '本科',
    eduMajor: '人力资源管理',
    eduSchool: '吉林大学',
    eduGraduatedOn: '2008-07-01',
    workStart: '2015-03-01',
    workOccupation: '劳动关系协调员',
    workEmployer: `单位${index % 5000}`,
  };
}

async function generateXlsx(path: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet(COORDINATOR_SHEET.name);
  sheet.addRow(headerOf(COORDINATOR_SHEET)).commit();
  for (let index = 0; index < ROWS; index++) sheet.addRow(valuesOf(COORDINATOR_SHEET, benchRow(index))).commit();
  sheet.commit();
  await book.commit();
}

async function scratchDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return databaseUrlFor(name);
}

function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const read = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: read('VmRSS'), hwm: read('VmHWM') };
}

/** Samples the server's RSS every 50 ms while `work` runs; the peak in MB. */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peak: number; seconds: number }> {
  let peak = memoryOf(pid).rss;
  const timer = setInterval(() => (peak = Math.max(peak, memoryOf(pid).rss)), 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, peak: Math.max(peak, memoryOf(pid).rss), seconds: (performance.now() - started) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

async function startServer(databaseUrl: string, dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/api/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      ADMIN_PASSWORD: PASSWORD,
      SEED_DEMO: 'false',
      DEMO_MODE: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      WEB_DIST_DIR: 'does-not-exist',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((response) => response.ok).catch(() => false);
    if (ok) return child;
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function adminToken(baseUrl: string): Promise<string> {
  const graphql = async (query: string, variables: Record<string, unknown>, token?: string) =>
    (await (await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    })).json()) as { data?: any; errors?: unknown };
  const login = await graphql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`, { u: 'admin', p: PASSWORD });
  const token = login.data.login.accessToken as string;
  await graphql(`mutation($o: String!, $n: String!) { changePassword(oldPassword: $o, newPassword: $n) }`, { o: PASSWORD, n: `${PASSWORD}x` }, token);
  return token;
}

/** admin's token on a server restarted after adminToken() changed the password. */
async function signInAgain(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }`, variables: { u: 'admin', p: `${PASSWORD}x` } }),
  });
  return ((await response.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
}

async function rawCopy(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const columns = COORDINATOR_SHEET.columns.map((_, index) => `c${index} text`).join(', ');
  await client.query(`drop table if exists bench_raw_copy; create table bench_raw_copy (${columns})`);
  const started = performance.now();
  await client.query('begin');
  const stream = client.query(copyFrom(`copy bench_raw_copy from stdin`));
  await pipeline(
    Readable.from(
      (function* () {
        let chunk: string[] = [];
        for (let index = 0; index < ROWS; index++) {
          chunk.push(valuesOf(COORDINATOR_SHEET, benchRow(index)).map((value) => (value === null ? '\\N' : String(value))).join('\t'));
          if (chunk.length === 1000) {
            yield `${chunk.join('\n')}\n`;
            chunk = [];
          }
        }
        if (chunk.length) yield `${chunk.join('\n')}\n`;
      })(),
    ),
    stream,
  );
  await client.query('commit');
  const seconds = (performance.now() - started) / 1000;
  await client.query('drop table bench_raw_copy');
  await client.end();
  return seconds;
}

/** The tables an import of coordinators writes itself (triggers write the rest), parents first. */
const FLOOR_TABLES = ['coordinator', 'certificate', 'education', 'work_period', 'training'];

/** The rows of FLOOR_TABLES as COPY text (every stored column but generated ones), in id order. */
async function dumpRows(databaseUrl: string): Promise<{ table: string; columns: string[]; rows: number; text: Buffer }[]> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const dumps = [];
    for (const table of FLOOR_TABLES) {
      const columns = (
        await pg.query(
          `select attname from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
          [table],
        )
      ).rows.map((row) => row.attname as string);
      const chunks: Buffer[] = [];
      await pipeline(
        pg.query(copyTo(`copy (select ${columns.join(', ')} from ${table} order by id) to stdout`)),
        new Writable({ write: (chunk, _encoding, done) => (chunks.push(chunk), done()) }),
      );
      const text = Buffer.concat(chunks);
      let rows = 0;
      for (const byte of text) if (byte === 10) rows += 1;
      dumps.push({ table, columns, rows, text });
    }
    return dumps;
  } finally {
    await pg.end();
  }
}

/**
 * The floor: the dumped rows COPYed into the same tables of an empty, identically migrated
 * database in one transaction (every index, foreign key, check and trigger in place), then
 * rolled back. Seconds from BEGIN to the end of the last COPY.
 */
async function floorCopy(databaseUrl: string, dumps: Awaited<ReturnType<typeof dumpRows>>): Promise<number> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const started = performance.now();
    await pg.query('begin');
    // the commit's own setting (import-commit.service.ts): the triggers' joins over 100k new rows stay in memory
    await pg.query(`set local work_mem = '64MB'`);
    for (const dump of dumps) {
      if (dump.rows === 0) continue;
      const stream = pg.query(copyFrom(`copy ${dump.table} (${dump.columns.join(', ')}) from stdin`));
      await pipeline(Readable.from((function* () {
        for (let offset = 0; offset < dump.text.length; offset += 1 << 20) yield dump.text.subarray(offset, offset + (1 << 20));
      })()), stream);
    }
    const seconds = (performance.now() - started) / 1000;
    await pg.query('rollback');
    return seconds;
  } catch (error) {
    await pg.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await pg.end();
  }
}

function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}

async function endToEnd(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'import-bench-'));
  const file = join(dir, 'coordinators-100k.xlsx');
  const started = performance.now();
  await generateXlsx(file);
  print(`imports: generated ${ROWS} rows xlsx (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // the floor's database: migrated and started once by the same server, then left empty
  const floorUrl = await scratchDatabase(`${DATABASE_PREFIX}_floor`);
  await stopServer(await startServer(floorUrl, dir, 38000 + Math.floor(Math.random() * 1000)));
  const databaseUrl = await scratchDatabase(`${DATABASE_PREFIX}_imports`);
  const port = 39000 + Math.floor(Math.random() * 1000);
  let server = await startServer(databaseUrl, dir, port);
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    const token = await adminToken(baseUrl);
    const client = new ImportClient(baseUrl, token);
    const idle = memoryOf(server.pid!).rss;
    const imported = await peakRss(server.pid!, async () => {
      const response = await client.request(`/api/imports?${new URLSearchParams({ kind: 'coordinators', fileName: 'coordinators-100k.xlsx', commit: 'ALL_OR_NOTHING' })}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: Readable.toWeb(createReadStream(file)) as unknown as BodyInit,
        duplex: 'half',
      } as RequestInit);
      const body = (await response.json()) as { id: string };
      if (response.status !== 202) throw new Error(JSON.stringify(body));
      return client.wait(body.id, ['COMMITTED', 'FAILED'], 600_000);
    });
    const job = imported.result;
    if (job.status !== 'COMMITTED') throw new Error(`import failed: ${job.message} ${JSON.stringify((await client.errors(job.id)).slice(0, 5))}`);
    // analytics reflect the import: the roll-ups' pending marks gone after the commit
    const fresh = await (async () => {
      const pg = new Client({ connectionString: databaseUrl });
      await pg.connect();
      const seen = performance.now();
      const pending = async () => (await pg.query(`select ${PENDING_SQL} as pending`, [Number(todayIsoDate().slice(0, 4)), todayIsoDate()])).rows[0].pending as boolean;
      while ((await pending()) && performance.now() - seen < 120_000) await new Promise((resolve) => setTimeout(resolve, 20));
      const [state] = (await pg.query(`select last_refresh_ms, last_refresh_people, last_refresh_regions from analytics_state`)).rows;
      await pg.end();
      return { seconds: (performance.now() - seen) / 1000, state };
    })();
    const [{ count }] = (await (async () => {
      const pg = new Client({ connectionString: databaseUrl });
      await pg.connect();
      const rows = (await pg.query(`select count(*)::int as count from coordinator`)).rows;
      await pg.end();
      return rows;
    })()) as { count: number }[];
    const importRate = ROWS / imported.seconds;
    const copySeconds = await rawCopy(databaseUrl);
    const copyRate = ROWS / copySeconds;
    print(`imports: ${ROWS} rows end to end (upload + parse + validate + commit) in ${imported.seconds.toFixed(1)} s (target ≤ 15 s); ${count} coordinators stored`);
    print(`imports: server peak RSS ${imported.peak.toFixed(0)} MB during the import (idle ${idle.toFixed(0)} MB; target ≤ 300 MB)`);
    print(`imports: ${importRate.toFixed(0)} rows/s vs raw COPY ${copyRate.toFixed(0)} rows/s (${copySeconds.toFixed(2)} s) → ratio ${(importRate / copyRate).toFixed(2)} (target ≥ 0.6)`);
    const phases = job as unknown as { createdAt: string; validatedAt: string; committedAt: string };
    const validateSeconds = (Date.parse(phases.validatedAt) - Date.parse(phases.createdAt)) / 1000;
    const commitSeconds = (Date.parse(phases.committedAt) - Date.parse(phases.validatedAt)) / 1000;
    print(
      `imports: phases: parse + validate + COPY to staging + set checks ${validateSeconds.toFixed(1)} s; commit transaction ${commitSeconds.toFixed(1)} s ` +
        `(${(ROWS / commitSeconds).toFixed(0)} rows/s with 3 sub-records each, ratio to raw COPY ${(ROWS / commitSeconds / copyRate).toFixed(2)})`,
    );
    print(
      `imports: analytics reflect the import ${fresh.seconds.toFixed(1)} s after the job showed COMMITTED (refresh ${fresh.state.last_refresh_ms} ms: ` +
        `coordinator figures of ${fresh.state.last_refresh_people} people, enterprise figures of ${fresh.state.last_refresh_regions} regions; target ≤ 5 s)`,
    );
    print(`imports: machine load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);

    // the coordinators list (as coordinators-list.bench.ts asks it) idle, then during the
    // re-import below: reading and row checks must leave the server's event loop free
    const listLoad = (until?: Promise<unknown>) =>
      load({
        url: `${baseUrl}/graphql`,
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: (() => {
          let page = 0;
          return () => JSON.stringify({ query: LIST_QUERY, variables: { offset: (page++ % 50) * 20 } });
        })(),
        connections: LIST_CONNECTIONS,
        seconds: until ? 600 : 5,
        until,
      });
    await listLoad(new Promise((resolve) => setTimeout(resolve, 1000))); // warm-up
    const listIdle = await listLoad();

    // re-import of the same file: a dry run that finds nothing to change
    let reimported!: () => void;
    const listDuring = listLoad(new Promise<void>((resolve) => (reimported = resolve)));
    const again = await peakRss(server.pid!, async () => {
      const response = await client.request(`/api/imports?${new URLSearchParams({ kind: 'coordinators', fileName: 'again.xlsx' })}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: Readable.toWeb(createReadStream(file)) as unknown as BodyInit,
        duplex: 'half',
      } as RequestInit);
      return client.wait(((await response.json()) as { id: string }).id, ['VALIDATED', 'FAILED'], 600_000);
    }).finally(() => reimported());
    const listBusy = await listDuring;
    print(`imports: re-import dry run ${again.seconds.toFixed(1)} s (under the list load): new ${again.result.counts?.new}, updated ${again.result.counts?.updated}, unchanged ${again.result.counts?.unchanged}`);
    const listRatio = listBusy.p95 / listIdle.p95;
    print(
      `imports: list p95 idle ${listIdle.p95.toFixed(1)} ms, during import ${listBusy.p95.toFixed(1)} ms → ratio ${listRatio.toFixed(2)} (target ≤ 2: ${listRatio <= 2 ? 'ok' : 'MISSED'}) ` +
        `(${LIST_CONNECTIONS} connections; ${listIdle.requests} requests idle, ${listBusy.requests} during the ${listBusy.seconds.toFixed(1)} s import; errors ${listIdle.errors + listBusy.errors})`,
    );

    // the floor, twice (the faster one counts: the machine is shared)
    const dumps = await dumpRows(databaseUrl);
    const floors = [await floorCopy(floorUrl, dumps), await floorCopy(floorUrl, dumps)];
    const floor = Math.min(...floors);
    const written = dumps.map((dump) => `${dump.rows} ${dump.table}`).join(', ');
    print(`imports: floor: COPY of the imported rows (${written}) into the registry's tables in one transaction, rolled back: ${floors.map((f) => f.toFixed(2)).join(' s, ')} s → ${floor.toFixed(2)} s`);
    print(`imports: commit ${commitSeconds.toFixed(2)} s vs floor ${floor.toFixed(2)} s → floor/commit ${(floor / commitSeconds).toFixed(2)} (target ≥ 0.7: ${verdict(floor / commitSeconds >= 0.7)})`);
    print(
      `imports: end to end ${imported.seconds.toFixed(2)} s (target ≤ 8 s: ${verdict(imported.seconds <= 8)}) vs floor ${floor.toFixed(2)} s → floor/end-to-end ${(floor / imported.seconds).toFixed(2)} ` +
        `(target ≥ 0.5: ${verdict(floor / imported.seconds >= 0.5)})`,
    );

    const download = async (target: ImportClient) => {
      const response = await target.request('/api/exports/coordinators.xlsx');
      if (response.status !== 200) throw new Error(`export: ${response.status}`);
      let bytes = 0;
      await pipeline(Readable.fromWeb(response.body as never), new Writable({ write: (chunk, _encoding, done) => ((bytes += chunk.length), done()) }));
      return bytes;
    };
    const exported = await peakRss(server.pid!, () => download(client));
    print(`imports: export of ${count} coordinators by the importing server ${exported.seconds.toFixed(1)} s, ${(exported.result / 1024 / 1024).toFixed(1)} MB, its RSS peak ${exported.peak.toFixed(0)} MB (what the import left counts in)`);
    print(`imports: server VmHWM over the whole run ${memoryOf(server.pid!).hwm.toFixed(0)} MB`);

    // the export in a server process of its own: its RSS sampled every 50 ms during one export
    // (VmHWM, the high-water mark since start-up, printed beside it)
    await stopServer(server);
    server = await startServer(databaseUrl, dir, port);
    const own = new ImportClient(baseUrl, await signInAgain(baseUrl));
    const idleExport = memoryOf(server.pid!);
    const second = await peakRss(server.pid!, () => download(own));
    const hwm = memoryOf(server.pid!).hwm;
    print(
      `imports: export of ${count} coordinators (5 sheets, one snapshot) by a fresh server ${second.seconds.toFixed(1)} s, ${(second.result / 1024 / 1024).toFixed(1)} MB: ` +
        `server peak RSS ${second.peak.toFixed(0)} MB during the export (idle ${idleExport.rss.toFixed(0)} MB; target ≤ 250 MB: ${verdict(second.peak <= 250)}); ` +
        `VmHWM ${hwm.toFixed(0)} MB (${idleExport.hwm.toFixed(0)} MB of it reached before the export, at start-up)`,
    );
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
    const admin = new Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${DATABASE_PREFIX}_floor with (force)`);
    await admin.end();
  }
}

async function faults(): Promise<void> {
  const t = await startTestApp();
  try {
    const client = new ImportClient(t.baseUrl, await t.adminToken());
    const row = (index: number, phone: string): Row => ({ ...benchRow(index), phone });
    const seed = await client.dryRun('coordinators', 'seed.xlsx', await workbook('coordinators', { 协调员: Array.from({ length: 15 }, (_, i) => row(i, '13800000000')) }));
    await client.commit(seed.id, 'ALL_OR_NOTHING');
    const rows = Array.from({ length: 30 }, (_, i) => row(i, '13900000000'));
    const file = await workbook('coordinators', { 协调员: rows, 培训: rows.map((r) => ({ idNumber: r.idNumber, course: '调解实务', hours: 8, completedOn: '2022-01-05' })) });
    const before = await databaseFingerprint(t.sql);
    // 30 main rows, each with a certificate, an education, a work period and a training
    const random = seededRandom('imports bench: commit fault positions');
    const fault = await installCommitFault(t.sql);
    let partial = 0;
    const started = performance.now();
    try {
      for (let run = 0; run < FAULT_RUNS; run++) {
        const job = await client.dryRun('coordinators', 'fault.xlsx', file);
        await fault.arm(random.integer(1, rows.length * 5));
        if ((await client.commit(job.id, 'ALL_OR_NOTHING')).job?.status !== 'FAILED') partial += 1;
        if (JSON.stringify(await databaseFingerprint(t.sql)) !== JSON.stringify(before)) partial += 1;
      }
    } finally {
      await fault.remove();
    }
    print(`imports: fault injection ${FAULT_RUNS} runs in ${((performance.now() - started) / 1000).toFixed(1)} s, partial commits: ${partial}`);
  } finally {
    await removeStoredUploads(t);
    await t.close();
  }
}

export async function run(): Promise<void> {
  await endToEnd();
  if (FAULT_RUNS > 0) await faults();
}
