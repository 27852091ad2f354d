import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Real servers on loopback for the scale suites (PgBouncer, HAProxy, PostgreSQL pairs): each on
// a free port, in a throw-away directory, stopped by the suite that started it.

export const PGBOUNCER = '/usr/sbin/pgbouncer';
export const HAPROXY = '/usr/sbin/haproxy';
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port (polling, generous bound). */
export async function waitForPort(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A directory the unprivileged `postgres` user can use too (servers refuse to run as root). */
export function serverDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), `${prefix}-`));
  chmodSync(directory, 0o777);
  return directory;
}

export const runningAsRoot = () => process.getuid?.() === 0;

export interface RunningServer {
  process: ChildProcess;
  port: number;
  /** output so far, for failure messages */
  log(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startProcess(command: string, args: string[], port: number, options: { env?: NodeJS.ProcessEnv; directory?: string } = {}): RunningServer {
  const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    port,
    log: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      if (options.directory && existsSync(options.directory)) rmSync(options.directory, { recursive: true, force: true });
    },
  };
}

/**
 * PgBouncer in transaction pooling in front of `target` (host:port), with few server
 * connections so that many clients share each one.
 */
export async function startPgBouncer(
  target: { host: string; port: number },
  users: Record<string, string>,
  options: { poolSize?: number; maxUserConnections?: Record<string, number> } = {},
): Promise<RunningServer> {
  const directory = serverDirectory('pgbouncer');
  const port = await freePort();
  // clients get in without a password; PgBouncer logs in to the server with these
  writeFileSync(join(directory, 'users.txt'), Object.entries(users).map(([user, password]) => `"${user}" "${password}"`).join('\n') + '\n');
  writeFileSync(
    join(directory, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${target.host} port=${target.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      "unix_socket_dir = ''",
      'auth_type = trust',
      `auth_file = ${join(directory, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize ?? 3}`,
      'max_client_conn = 500',
      'ignore_startup_parameters = extra_float_digits',
      'server_reset_query =',
      'log_connections = 0',
      'log_disconnections = 0',
      '[users]',
      ...Object.entries(options.maxUserConnections ?? {}).map(([user, size]) => `${user} = max_user_connections=${size}`),
      '',
    ].join('\n'),
  );
  chmodSync(join(directory, 'pgbouncer.ini'), 0o644);
  chmodSync(join(directory, 'users.txt'), 0o644);
  // PgBouncer refuses to run as root: -u switches to the postgres user
  const args = [...(runningAsRoot() ? ['-u', 'postgres'] : []), join(directory, 'pgbouncer.ini')];
  const server = startProcess(PGBOUNCER, args, port, { directory });
  await waitForPort(port).catch((error) => {
    throw new Error(`${error}\n${server.log()}`);
  });
  return server;
}

/** HAProxy in front of `servers` (round robin, health-checked on /health every 500 ms). */
export async function startHaproxy(servers: number[]): Promise<RunningServer> {
  const directory = serverDirectory('haproxy');
  const port = await freePort();
  const config = [
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout check 5s',
    // a request that could not reach a server (connection refused: an instance gone) goes to
    // another one; a request already sent is never resent (it may not be idempotent)
    '  retries 3',
    '  option redispatch',
    '  retry-on conn-failure',
    'frontend registry',
    `  bind 127.0.0.1:${port}`,
    '  default_backend api',
    'backend api',
    '  balance roundrobin',
    '  option httpchk GET /health',
    ...servers.map((serverPort, index) => `  server api${index + 1} 127.0.0.1:${serverPort} check inter 500ms fall 3 rise 2`),
    '',
  ].join('\n');
  writeFileSync(join(directory, 'haproxy.cfg'), config);
  const server = startProcess(HAPROXY, ['-db', '-f', join(directory, 'haproxy.cfg')], port, { directory });
  await waitForPort(port).catch((error) => {
    throw new Error(`${error}\n${server.log()}`);
  });
  return server;
}

/** The built API server (dist/api/main.js) as a child process on a free port. */
export async function startBuiltApi(env: Record<string, string>, port?: number): Promise<RunningServer> {
  const main = join(__dirname, '../../dist/api/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build it first (npx nx run api:build)`);
  const listenPort = port ?? (await freePort());
  const server = startProcess(process.execPath, [main], listenPort, { env: { ...process.env, ...env, PORT: String(listenPort) } });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const healthy = await fetch(`http://127.0.0.1:${listenPort}/health`).then((response) => response.ok, () => false);
    if (healthy) return server;
    if (server.process.exitCode !== null || Date.now() > deadline) {
      await server.stop();
      throw new Error(`the API on port ${listenPort} did not start:\n${server.log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A PostgreSQL server of the test's own (primary or standby) on a loopback port. */
export interface PostgresServer {
  port: number;
  directory: string;
  /** `pg_ctl stop -m <mode>`; removes the directory unless `keep` */
  stop(mode?: 'fast' | 'immediate', keep?: boolean): Promise<void>;
}

const POSTGRES_TOOLS = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'];

/** Fails clearly when the PostgreSQL server binaries are not installed. */
export function requirePostgresBinaries(): void {
  const missing = POSTGRES_TOOLS.filter((tool) => !existsSync(join(POSTGRES_BIN, tool)));
  if (missing.length > 0) {
    throw new Error(`PostgreSQL server binaries missing in ${POSTGRES_BIN}: ${missing.join(', ')} (apt-get install -y postgresql-15)`);
  }
}

/** Runs a PostgreSQL tool to its end, as the postgres user when this process is root. */
function runTool(tool: string, args: string[]): Promise<string> {
  const command = runningAsRoot() ? '/usr/sbin/runuser' : join(POSTGRES_BIN, tool);
  const argv = runningAsRoot() ? ['-u', 'postgres', '--', join(POSTGRES_BIN, tool), ...args] : args;
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${tool} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

function postgresServer(directory: string, port: number): PostgresServer {
  return {
    port,
    directory,
    stop: async (mode = 'fast', keep = false) => {
      if (existsSync(join(directory, 'data', 'postmaster.pid'))) {
        await runTool('pg_ctl', ['-D', join(directory, 'data'), '-m', mode, '-w', 'stop']).catch(() => undefined);
      }
      if (!keep) rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function startPostgres(directory: string, port: number): Promise<void> {
  const options = [
    `-c port=${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${directory}`,
    '-c max_connections=200',
    '-c shared_buffers=32MB',
    '-c fsync=off',
    '-c full_page_writes=off',
  ].join(' ');
  await runTool('pg_ctl', ['-D', join(directory, 'data'), '-l', join(directory, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
}

/**
 * A primary (wal_level=replica) and a streaming hot standby made from it with
 * `pg_basebackup -R`, each on a free loopback port in a throw-away directory, trust
 * authentication on loopback, superuser `postgres`.
 */
export async function startPostgresPair(): Promise<{ primary: PostgresServer; standby: PostgresServer }> {
  requirePostgresBinaries();
  const primaryDirectory = serverDirectory('pg-primary');
  const primaryPort = await freePort();
  await runTool('initdb', ['-D', join(primaryDirectory, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  writeFileSync(
    join(primaryDirectory, 'data', 'postgresql.auto.conf'),
    ['wal_level = replica', 'max_wal_senders = 5', 'hot_standby = on', 'hot_standby_feedback = on', "wal_keep_size = '128MB'", ''].join('\n'),
  );
  await startPostgres(primaryDirectory, primaryPort);
  const primary = postgresServer(primaryDirectory, primaryPort);
  try {
    const standbyDirectory = serverDirectory('pg-standby');
    const standbyPort = await freePort();
    await runTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', join(standbyDirectory, 'data'), '-R', '-X', 'stream', '-c', 'fast']);
    await startPostgres(standbyDirectory, standbyPort);
    return { primary, standby: postgresServer(standbyDirectory, standbyPort) };
  } catch (error) {
    await primary.stop('immediate');
    throw error;
  }
}
