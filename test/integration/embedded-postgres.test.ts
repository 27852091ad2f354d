import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

// `npm start` without DATABASE_URL: a real PostgreSQL under the data folder that survives
// restarts, and a server left behind by a killed run is found and reused. Each start runs in
// its own Node process on the built API (dist/), as `npm start` does.
const MODULE = resolve('dist/api/database/embedded-postgres.js');

function starter(dataDir: string, port: number, holdOpen: boolean): string {
  return `
    const { startEmbeddedPostgres } = require(${JSON.stringify(MODULE)});
    startEmbeddedPostgres(${JSON.stringify(dataDir)}, ${port}).then(async (db) => {
      console.log(JSON.stringify({ url: db.url, startedHere: db.startedHere }));
      if (!${holdOpen}) { await db.stop(); process.exit(0); }
    }).catch((error) => { console.error(String(error)); process.exit(1); });`;
}

/** Starts the server from a child process, then SIGKILLs the child: the server stays up. */
async function startInKilledChild(dataDir: string, port: number): Promise<{ url: string; startedHere: boolean }> {
  const child = spawn(process.execPath, ['-e', starter(dataDir, port, true)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const started = await new Promise<{ url: string; startedHere: boolean }>((ready, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const line = chunk.toString().split('\n').find((text) => text.includes('"url"'));
      if (line) ready(JSON.parse(line));
    });
    child.on('exit', (code) => fail(new Error(`starter exited with ${code}: ${errors}`)));
  });
  child.kill('SIGKILL');
  return started;
}

async function query(url: string, text: string): Promise<any[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

(existsSync(MODULE) ? describe : describe.skip)('embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(process.cwd(), 'tmp-embedded-'));
  const port = 57000 + Math.floor(Math.random() * 1000);
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  const serverPid = () => Number(readFileSync(pidFile, 'utf8').split('\n')[0]);

  afterAll(() => {
    try {
      process.kill(serverPid(), 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('survives a killed run: the next start reuses the running server and the data is there', async () => {
    const first = await startInKilledChild(dataDir, port);
    expect(first.startedHere).toBe(true);
    await query(first.url, `create table kept (value text); insert into kept values ('survives')`);
    const pid = serverPid();
    const second = await startInKilledChild(dataDir, port);
    expect(second.startedHere).toBe(false);
    expect(serverPid()).toBe(pid);
    await expect(query(second.url, `select value from kept`)).resolves.toEqual([{ value: 'survives' }]);
  });

  it('starts over a stale pid file whose process is gone, and keeps the data', async () => {
    process.kill(serverPid(), 'SIGTERM');
    for (let wait = 0; wait < 100 && existsSync(pidFile); wait += 1) await new Promise((done) => setTimeout(done, 100));
    writeFileSync(pidFile, '999999\n');
    const restarted = await startInKilledChild(dataDir, port);
    expect(restarted.startedHere).toBe(true);
    await expect(query(restarted.url, `select value from kept`)).resolves.toEqual([{ value: 'survives' }]);
  });
});
