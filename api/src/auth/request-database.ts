import { Inject, Injectable, Logger, NestMiddleware, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import type { NextFunction, Request, Response } from 'express';
import type { SessionUser } from '../common/session-user';
import { DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from '../config/database-names';
import { isConnectionError, isPoolBusy, lsnValue, ReadReplicas, type Replica } from '../database/read-replicas';
import { SessionCache } from './session-cache';
import { scopeStatements } from './transaction-scope';

// Requests that carry a bearer token run their SQL as `registry_app` (no table ownership, no
// BYPASSRLS) on one connection per request, from a second pool that logs in as registry_app
// (see applicationLogin). The session lookup (AuthService.sessionUser) is that connection's first
// statement (it reads the session with no scope); every later statement carries the user's
// jurisdiction in `app.scope_path` as a transaction-local setting sent in the same round trip
// (transaction-scope.ts), never as a setting of the connection, so connections may be shared
// through a transaction-pooling PgBouncer. A session found in the short-lived session cache
// needs no lookup: a 20-row list costs two statements, or one while the session is cached. Row-level security on coordinator and enterprise then
// holds even where a service forgot its WHERE clause. Everything else (migrations, seeding,
// bootstrap, background work, anonymous requests such as login) runs as the owner.
// A request whose response has ended (client gone) continues on registry_app with no scope.
// See docs/decisions/0010-access-rls-application-role.md.
// With DATABASE_REPLICA_URLS, the plain reads of GraphQL queries and GETs go to a streaming
// replica that has replayed the session's last write (routedRunner, readAsOwner,
// docs/decisions/0903-read-replicas.md); without, none of that code is on the path.

interface RequestDatabaseState {
  runner: QueryRunner | null;
  /** the jurisdiction path of the request's user, once known ('' for none) */
  scopePath?: string;
  released: boolean;
  // With read replicas only (read-replicas.ts):
  /** the request's user, once known (whose last write a replica must have replayed) */
  userId?: string;
  /** the session's token hash, and its last write's position as the session row held it (another instance's write) */
  tokenHash?: string;
  sessionLsn?: bigint;
  /** a GraphQL query or a GET: its plain reads may go to a replica */
  readOnly?: boolean;
  /** the request wrote, opened a transaction or ran something not plainly a read: the rest stays on the primary */
  primaryOnly?: boolean;
  replica?: Replica | null;
  replicaRunner?: QueryRunner | null;
  /** a position the replica must also have replayed (dashboards: the roll-ups' last refresh) */
  minimumLsn?: bigint;
  /** the primary's WAL position now (set with replicas) */
  primaryLsn?: () => Promise<bigint>;
  /** remembers the primary's position now as the session's last write (set with replicas) */
  notePosition?: () => Promise<void>;
}

/** Owner reads of a read-only request (exports): on a replica's owner pool if one may serve the user. */
interface OwnerReadsState {
  userId: string;
  minimumLsn: bigint;
  replica?: Replica | null;
}

const requestDatabase = new AsyncLocalStorage<RequestDatabaseState>();
const ownerReads = new AsyncLocalStorage<OwnerReadsState>();

/** Marks the statement that looks up the session (it runs before the request's scope is known). */
export const SETS_SCOPE = '/* sets app.scope_path */';

/** Records the request's scope (and its session), from the session lookup or from the session cache. */
export function noteRequestScope(scopePath: string, session?: Pick<SessionUser, 'id' | 'sessionTokenHash' | 'lastWriteLsn'>): void {
  const state = requestDatabase.getStore();
  if (!state) return;
  state.scopePath = scopePath;
  state.userId = session?.id;
  state.tokenHash = session?.sessionTokenHash;
  state.sessionLsn = session?.lastWriteLsn ? BigInt(session.lastWriteLsn) : 0n;
}

/** The request only reads (a GraphQL query): its plain reads may go to a replica. */
export function noteReadOnlyRequest(): void {
  const state = requestDatabase.getStore();
  if (state) state.readOnly = true;
}

/** Statements a replica may answer: a plain read (no lock, no function that writes or sets). */
const PLAIN_READ = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*(?:select|with|values|table)\b/i;
const NOT_ONLY_A_READ =
  /\b(?:insert|update|delete|merge|truncate|copy|lock|nextval|setval|pg_(?:try_)?advisory_\w+|pg_notify|set_config|txid_current|pg_current_xact_id|pg_current_wal_\w+|for\s+(?:no\s+key\s+)?update|for\s+(?:key\s+)?share)\b/i;
export function isPlainRead(sql: string): boolean {
  return PLAIN_READ.test(sql) && !NOT_ONLY_A_READ.test(sql) && !sql.includes(SETS_SCOPE);
}
const NOTE_WRITE_POSITION = `with position as (select pg_current_wal_lsn() as lsn)
  update user_session s set last_write_lsn = greatest(coalesce(s.last_write_lsn, 0), (position.lsn - '0/0'::pg_lsn)::bigint)
  from position where s.token_hash = $1 returning position.lsn::text as lsn`;
/** Every live session of a user: a write done for them in the background (an import's commit). */
const NOTE_USER_WRITE_POSITION = `with position as (select pg_current_wal_lsn() as lsn)
  update user_session s set last_write_lsn = greatest(coalesce(s.last_write_lsn, 0), (position.lsn - '0/0'::pg_lsn)::bigint)
  from position where s.user_id = $1 and s.revoked_at is null and s.expires_at > now() returning position.lsn::text as lsn`;
function maximum(...values: (bigint | undefined)[]): bigint {
  return values.reduce<bigint>((highest, value) => (value !== undefined && value > highest ? value : highest), 0n);
}
const ENDS_WITHOUT_WRITING = /^\s*(?:rollback|abort|begin|start\s+transaction|savepoint|release|set\s+transaction)\b/i;

/**
 * Runs `work` as the owner, outside any request's scoped connection (system work only). With
 * replicas, owner work of a request that may write (a mutation, an upload) is followed by noting
 * the primary's position for the request's session, as its own writes are (read-your-writes).
 */
export function runAsOwner<T>(work: () => T): T {
  const state = requestDatabase.getStore();
  const result = asOwner(work);
  if (!state?.notePosition || state.readOnly || state.released || !state.userId) return result;
  const pending = result as unknown as { then?: unknown };
  if (typeof pending?.then !== 'function') return result;
  return (result as unknown as Promise<unknown>).then(async (value) => {
    await state.notePosition!();
    return value;
  }) as unknown as T;
}

/** Outside the request's connection and any owner reads: the owner's pool on the primary. */
function asOwner<T>(work: () => T): T {
  return requestDatabase.exit(() => ownerReads.exit(work));
}

/**
 * Runs the owner's reads of a read-only request (an export's cursor and lookups) on a replica's
 * owner connections when one may serve `userId` (read-replicas.ts); on the primary otherwise,
 * or without replicas (then it is runAsOwner exactly).
 */
export function readAsOwner<T>(userId: string, work: () => T): T {
  const state = requestDatabase.getStore();
  if (!state?.primaryLsn || !state.readOnly || state.primaryOnly) return runAsOwner(work);
  const reads: OwnerReadsState = { userId, minimumLsn: maximum(state.minimumLsn, state.sessionLsn) };
  return requestDatabase.exit(() => ownerReads.run(reads, work));
}

/**
 * The request has seen a write of its user that no request of theirs made (an import committed
 * by its background job, seen COMMITTED by the uploader's poll): from now on the session's reads
 * see at least what the primary holds now, as after its own writes. Nothing without replicas.
 */
export async function noteWriteSeen(): Promise<void> {
  const state = requestDatabase.getStore();
  if (state?.notePosition && !state.released && state.userId) await state.notePosition();
}

/**
 * With replicas: the request's later reads see at least what the primary holds now (the
 * dashboards after ensureFresh: the roll-ups' refresh, which is not the reader's own write).
 * One statement on the primary; nothing without replicas.
 */
export async function readFromNowOn(): Promise<void> {
  const state = requestDatabase.getStore();
  if (!state?.primaryLsn || !state.readOnly || state.primaryOnly) return;
  const lsn = await state.primaryLsn();
  if (lsn > (state.minimumLsn ?? 0n)) state.minimumLsn = lsn;
}

@Injectable()
export class RequestDatabase implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RequestDatabase');
  private applicationPool: DataSource | null = null;
  /** DATABASE_REPLICA_URLS: null without replicas (every statement on the primary, as before) */
  replicas: ReadReplicas | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionCache,
  ) {}

  async onModuleInit(): Promise<void> {
    const options = this.dataSource.options as DataSourceOptions & { url?: string; extra?: Record<string, unknown> };
    const login = await this.applicationLogin(options.url!);
    this.applicationPool = new DataSource({
      ...options,
      url: login.url,
      migrations: [],
      extra: {
        ...(options.extra ?? {}),
        // every connection of this pool is registry_app from its first statement
        options: login.options,
        application_name: 'registry-request',
      },
    } as DataSourceOptions);
    await this.applicationPool.initialize();
    if (this.config.replicas.urls.length > 0) {
      this.replicas = new ReadReplicas(options.url!, this.config.replicas.urls, login, options, this.config.replicas);
      this.replicas.start();
    }
    const original = this.dataSource.createQueryRunner.bind(this.dataSource);
    this.dataSource.createQueryRunner = (mode) => {
      const state = requestDatabase.getStore();
      if (!state && this.replicas) {
        const reads = ownerReads.getStore();
        if (reads) return this.replicas.ownerRunner(reads, () => original(mode)) ?? original(mode);
      }
      if (!state || !this.applicationPool) return original(mode);
      // A request cut short (client gone) keeps running without a scope, never as owner.
      // System work that outlives a response leaves through runAsOwner().
      if (state.released) return this.scopedRunner({ runner: null, released: false }, false);
      state.runner ??= this.replicas ? this.routedRunner(state, this.replicas) : this.scopedRunner(state, true);
      return state.runner;
    };
  }

  /**
   * How the request pool logs in: as registry_app itself, with a password derived from the
   * hash key (so every instance with the same configuration agrees), when the owner may alter
   * roles; otherwise (a DBA-managed role without a password) as the owner switching to
   * registry_app for the whole connection.
   */
  private async applicationLogin(ownerUrl: string): Promise<{ url: string; options: string | undefined }> {
    const password = createHmac('sha256', this.config.idNumberHashKey).update(`${APPLICATION_ROLE} login`).digest('hex');
    const url = new URL(ownerUrl);
    url.username = APPLICATION_ROLE;
    url.password = password;
    const canLogIn = async () => {
      const probe = new Client({ connectionString: url.toString() });
      try {
        await probe.connect();
        return true;
      } catch {
        return false;
      } finally {
        await probe.end().catch(() => undefined);
      }
    };
    try {
      // Already set (another instance, an earlier start): nothing to alter. Several instances
      // starting at once may race on ALTER ROLE ("tuple concurrently updated"): try again.
      for (let attempt = 0; !(await canLogIn()); attempt += 1) {
        if (attempt === 3) throw new Error(`cannot log in as ${APPLICATION_ROLE}`);
        const [{ statement }] = await this.dataSource.query(`select format('alter role %I login password %L', $1::text, $2::text) as statement`, [
          APPLICATION_ROLE,
          password,
        ]);
        await this.dataSource.query(statement).catch(() => undefined);
      }
      // no startup options: PgBouncer refuses them, and row-level security reads a missing
      // app.scope_path as no jurisdiction
      return { url: url.toString(), options: undefined };
    } catch (error) {
      this.logger.warn(`requests switch to ${APPLICATION_ROLE} on the owner's connections (logging in as it failed: ${String(error)})`);
      return { url: ownerUrl, options: `-c role=${APPLICATION_ROLE} -c app.scope_path=` };
    }
  }

  /** A registry_app runner; `sticky`: one per request, released when the response ends. */
  private scopedRunner(state: RequestDatabaseState, sticky: boolean): QueryRunner {
    const runner = this.applicationPool!.createQueryRunner();
    const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
    if (sticky) {
      // TypeORM releases a runner after each DataSource.query/transaction; this one lives
      // until the response ends.
      const release = runner.release.bind(runner);
      runner.release = async () => undefined;
      (runner as unknown as { realRelease: () => Promise<void> }).realRelease = () => releaseWhenConnected(runner, release);
    }
    // Resolvers of one request run side by side but share this one connection: their
    // statements are queued here, one at a time (pg deprecates queueing them itself).
    let queue: Promise<unknown> = Promise.resolve();
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
      const run = queue.then(async () => {
        // Anything that runs before the request's user is known runs with no scope at all.
        scopeStatements((await runner.connect()) as object, state.scopePath ?? '');
        return query(sql, parameters, structured);
      });
      queue = run.catch(() => undefined);
      return run;
    }) as QueryRunner['query'];
    return runner;
  }

  /**
   * The request's runner with read replicas: a plain read of a read-only request goes to a
   * replica that may serve its user (read-replicas.ts), on a registry_app connection of the
   * replica kept for the request and scoped the same way; everything else goes to the primary —
   * the session lookup, writes, transactions and whatever follows a write in the request. A read
   * that fails on the replica runs again on the primary. After a write commits, the primary's
   * WAL position is remembered for the user, so that the user's next reads see it.
   */
  private routedRunner(state: RequestDatabaseState, replicas: ReadReplicas): QueryRunner {
    const runner = this.scopedRunner(state, true);
    const onPrimary = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
    let queue: Promise<unknown> = Promise.resolve();
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
      const run = queue.then(async () => {
        if (state.readOnly && !state.primaryOnly && isPlainRead(sql)) {
          const replica = await replicas.pick(maximum(replicas.requiredLsn(state.userId), state.sessionLsn, state.minimumLsn), state.replica ?? null);
          if (replica) {
            try {
              const result = await this.onReplica(state, replicas, replica, sql, parameters, structured);
              replicas.counts.replica += 1;
              return result;
            } catch (error) {
              // a connection lost, a conflict with recovery, a write in disguise: the primary answers
              if (isPoolBusy(error)) replicas.counts.busy += 1;
              else replicas.counts.retriedOnPrimary += 1;
              if (isConnectionError(error)) replicas.markDown(replica, error);
              this.dropReplicaRunner(state);
            }
          }
        } else if (!sql.includes(SETS_SCOPE)) {
          state.primaryOnly = true;
        }
        const result = await onPrimary(sql, parameters, structured);
        if (state.userId && !sql.includes(SETS_SCOPE) && !isPlainRead(sql) && !ENDS_WITHOUT_WRITING.test(sql)) {
          // committed (outside any transaction now): remember where the primary's WAL is
          const connection = (runner as unknown as { databaseConnection?: { getTransactionStatus?: () => string | null } }).databaseConnection;
          if ((connection?.getTransactionStatus?.() ?? 'I') === 'I') {
            // kept with the session row too, for the other instances (same round trip)
            const updated = state.tokenHash ? ((await onPrimary(NOTE_WRITE_POSITION, [state.tokenHash])) as unknown[]) : [];
            const rows = (Array.isArray(updated[0]) ? updated[0] : updated) as { lsn: string }[];
            const lsn = rows[0]?.lsn ?? ((await onPrimary(`select pg_current_wal_lsn()::text as lsn`)) as { lsn: string }[])[0].lsn;
            replicas.noteWrite(state.userId, lsnValue(lsn)!);
            // the other instances' caches may hold the session with the position before it
            if (state.tokenHash) this.sessions.publish?.({ tokenHash: state.tokenHash });
          }
        }
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    }) as QueryRunner['query'];
    return runner;
  }

  /** After owner work of a request that may have written: the primary's position now, for the session (memory and row). */
  async notePosition(state: RequestDatabaseState): Promise<void> {
    if (!this.replicas || !state.userId) return;
    const userId = state.userId;
    const updated: unknown[] = state.tokenHash ? await asOwner(() => this.dataSource.query(NOTE_WRITE_POSITION, [state.tokenHash])) : [];
    const rows = (Array.isArray(updated[0]) ? updated[0] : updated) as { lsn: string }[];
    const lsn = rows[0]?.lsn ? lsnValue(rows[0].lsn)! : await this.primaryLsn();
    this.replicas.noteWrite(userId, lsn);
    // the other instances may hold this session in their cache with the position before the
    // write: they drop it (NOTIFY) and read the row again on the session's next request there
    if (state.tokenHash) this.sessions.publish?.({ tokenHash: state.tokenHash });
  }

  /**
   * A write done for a user outside their requests (an import committed by its background job):
   * the primary's position after it, on each of their live sessions (row, this instance's memory,
   * the other instances' caches), so their next reads anywhere see it. Nothing without replicas.
   */
  async noteUserWrite(userId: string | null): Promise<void> {
    if (!this.replicas || !userId) return;
    const updated: unknown[] = await asOwner(() => this.dataSource.query(NOTE_USER_WRITE_POSITION, [userId]));
    const rows = (Array.isArray(updated[0]) ? updated[0] : updated) as { lsn: string }[];
    this.replicas.noteWrite(userId, rows[0]?.lsn ? lsnValue(rows[0].lsn)! : await this.primaryLsn());
    this.sessions.evictUser(userId);
  }

  /** The primary's WAL position now (as the owner, outside the request's connection). */
  async primaryLsn(): Promise<bigint> {
    const [{ lsn }] = await asOwner(() => this.dataSource.query(`select pg_current_wal_lsn()::text as lsn`));
    return lsnValue(lsn)!;
  }

  private async onReplica(state: RequestDatabaseState, replicas: ReadReplicas, replica: Replica, sql: string, parameters?: unknown[], structured?: boolean): Promise<unknown> {
    if (state.replica !== replica) {
      this.dropReplicaRunner(state);
      state.replica = replica;
      state.replicaRunner = replicas.createRunner(replica);
    }
    const runner = state.replicaRunner!;
    scopeStatements((await runner.connect()) as object, state.scopePath ?? '');
    return (runner.query as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>).call(runner, sql, parameters, structured);
  }

  private dropReplicaRunner(state: RequestDatabaseState): void {
    const runner = state.replicaRunner;
    state.replica = null;
    state.replicaRunner = null;
    // plain reads outside transactions only: nothing is open on it
    if (runner) void releaseWhenConnected(runner, () => runner.release()).catch(() => undefined);
  }

  release(state: RequestDatabaseState): void {
    if (state.released) return;
    state.released = true;
    if (state.replicaRunner) this.dropReplicaRunner(state);
    const runner = state.runner as (QueryRunner & { realRelease?: () => Promise<void> }) | null;
    state.runner = null;
    if (!runner?.realRelease) return;
    // A transaction left open (a statement-level `begin` whose reader stopped early, a response
    // cut short) must not travel with the connection to the next request, nor hold a
    // PgBouncer server connection: the server's own transaction status decides.
    const connection = (runner as unknown as { databaseConnection?: { getTransactionStatus?: () => string | null } }).databaseConnection;
    const open = runner.isTransactionActive || (connection?.getTransactionStatus?.() ?? 'I') !== 'I';
    const done = open
      ? (runner.isTransactionActive ? runner.rollbackTransaction() : runner.query('rollback')).catch(() => undefined)
      : Promise.resolve();
    void done.then(() => runner.realRelease!()).catch((error) => this.logger.error(String(error)));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replicas?.stop();
    if (!this.applicationPool?.isInitialized) return;
    // A request still open at shutdown (a response that never ended) holds a sticky runner whose
    // release() does nothing: TypeORM's pool close awaits release() of its first connected runner
    // until none is left, and would spin on it forever, starving the event loop. Release them.
    const driver = this.applicationPool.driver as unknown as { connectedQueryRunners?: QueryRunner[] };
    for (const runner of [...(driver.connectedQueryRunners ?? [])]) {
      const realRelease = (runner as QueryRunner & { realRelease?: () => Promise<void> }).realRelease;
      await (realRelease ? realRelease() : runner.release()).catch(() => undefined);
      // one marked released while it was still connecting (before releaseWhenConnected): TypeORM
      // listed it after the release, with its connection still checked out
      const listed = driver.connectedQueryRunners ?? [];
      if (listed.includes(runner)) {
        (runner as unknown as { releaseCallback?: () => void }).releaseCallback?.();
        listed.splice(listed.indexOf(runner), 1);
      }
    }
    await this.applicationPool.destroy();
  }
}

@Injectable()
export class RequestDatabaseMiddleware implements NestMiddleware {
  constructor(private readonly database: RequestDatabase) {}

  use(request: Request, response: Response, next: NextFunction): void {
    // Anonymous requests (login, health, the web app's files) have no scope: they run as owner.
    if (!/^Bearer\s+\S+$/i.test(request.headers.authorization ?? '')) return next();
    const state: RequestDatabaseState = { runner: null, released: false };
    if (this.database.replicas) {
      // downloads and exports read; a GraphQL query says so once parsed (ReadOnlyRequestPlugin)
      if (request.method === 'GET' || request.method === 'HEAD') state.readOnly = true;
      state.primaryLsn = () => this.database.primaryLsn();
      state.notePosition = () => this.database.notePosition(state);
    }
    const finish = () => this.database.release(state);
    response.once('finish', finish);
    response.once('close', finish);
    requestDatabase.run(state, next);
  }
}

/**
 * Releases a runner once its connection is made. TypeORM's release() during a pending connect()
 * marks the runner released, and connect() then lists it among the pool's connected runners with
 * its connection checked out for good: closing the pool awaits that runner's release for ever
 * (a response closed by its client while the request's first statement was connecting).
 */
function releaseWhenConnected(runner: QueryRunner, release: () => Promise<void>): Promise<void> {
  const state = runner as unknown as { databaseConnection?: unknown; databaseConnectionPromise?: Promise<unknown> };
  if (state.databaseConnection || !state.databaseConnectionPromise) return release();
  return state.databaseConnectionPromise.then(release, release);
}
