import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';

// The streaming replicas that read-only requests read from (DATABASE_REPLICA_URLS), how far each
// has replayed, and the commit position of each user's last write. A read goes to a replica only
// when the replica is up, lags at most REPLICA_MAX_LAG_MS, and has replayed the reader's last
// write (pg_last_wal_replay_lsn() ≥ the LSN remembered after that write's commit); otherwise to
// the primary. Lag is measured by LSN: every REPLICA_CHECK_MS the primary's pg_current_wal_lsn()
// is sampled, and a replica's lag is the age of the oldest sample it has not replayed yet (0 when
// it has replayed the latest), so an idle primary with nothing to replay is no lag at all.
// Routing itself is in request-database.ts. See docs/decisions/0903-read-replicas.md.

/** An LSN ('16/B374D848') as a number; null for none. */
export function lsnValue(text: string | null | undefined): bigint | null {
  if (!text) return null;
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** A pool of the replica is busy (every connection in use for a while): the primary answers, the replica stays up. */
export function isPoolBusy(error: unknown): boolean {
  return /timeout exceeded when trying to connect/i.test((error as Error)?.message ?? '');
}

/** Errors after which the replica counts as down until its next successful check. */
export function isConnectionError(error: unknown): boolean {
  if (isPoolBusy(error)) return false;
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (typeof code === 'string' && (/^(08|57P)/.test(code) || /^E[A-Z]+$/.test(code))) return true;
  return /connection|terminat|timeout|ECONNREFUSED|ECONNRESET|socket/i.test(message ?? '');
}

export interface Replica {
  index: number;
  /** host:port/database, for logs (no credentials) */
  name: string;
  /** registry_app's pool on the replica (null until the replica first answers) */
  source: DataSource | null;
  /** the owner's pool on the replica (exports), a few connections */
  ownerSource: DataSource | null;
  up: boolean;
  replayLsn: bigint;
}

interface ReplicaMonitor extends Replica {
  ownerUrl: string;
  appUrl: string;
  monitor: Client | null;
  connecting: Promise<Client> | null;
  initializing: Promise<void> | null;
  refreshing: Promise<void> | null;
  downSince: number | null;
  lastAttempt: number;
}

/** Users whose last write position is kept at most (the oldest make room). */
const MAX_WRITERS = 50_000;

export class ReadReplicas {
  private readonly logger = new Logger('ReadReplicas');
  private readonly replicas: ReplicaMonitor[];
  /** user id → LSN after the commit of that user's last write on this instance */
  private readonly lastWrite = new Map<string, bigint>();
  /** the primary's WAL position over the last while, oldest first */
  private readonly samples: { at: number; lsn: bigint }[] = [];
  private primaryMonitor: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private next = 0;
  /**
   * statements answered by a replica; replica statements or runners that failed and went to the
   * primary; those that went there because the replica's pool was busy; owner runners on a replica
   */
  readonly counts = { replica: 0, retriedOnPrimary: 0, busy: 0, ownerRunners: 0 };

  constructor(
    private readonly primaryOwnerUrl: string,
    urls: string[],
    /** how the request pool logs in on the primary: the replicas take the same user */
    private readonly login: { url: string; options: string | undefined },
    private readonly poolOptions: DataSourceOptions & { extra?: Record<string, unknown> },
    private readonly limits: { maxLagMilliseconds: number; checkMilliseconds: number },
  ) {
    this.replicas = urls.map((url, index) => {
      const owner = new URL(url);
      const app = new URL(url);
      const primaryLogin = new URL(login.url);
      const primaryOwner = new URL(primaryOwnerUrl);
      // registry_app's login (or the owner with SET ROLE), as on the primary: the replica is a copy
      if (primaryLogin.username !== primaryOwner.username || primaryLogin.password !== primaryOwner.password) {
        app.username = primaryLogin.username;
        app.password = primaryLogin.password;
      }
      return {
        index,
        name: `${owner.hostname}:${owner.port || 5432}${owner.pathname}`,
        ownerUrl: url,
        appUrl: app.toString(),
        source: null,
        ownerSource: null,
        up: false,
        replayLsn: 0n,
        monitor: null,
        connecting: null,
        initializing: null,
        refreshing: null,
        downSince: Date.now(),
        lastAttempt: 0,
      };
    });
  }

  start(): void {
    const tick = async () => {
      if (this.stopped) return;
      await this.check().catch((error) => this.logger.debug(String(error)));
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.limits.checkMilliseconds);
      this.timer?.unref();
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.primaryMonitor?.end().catch(() => undefined);
    for (const replica of this.replicas) {
      await replica.monitor?.end().catch(() => undefined);
      await replica.initializing?.catch(() => undefined);
      if (replica.source?.isInitialized) await replica.source.destroy().catch(() => undefined);
      if (replica.ownerSource?.isInitialized) await replica.ownerSource.destroy().catch(() => undefined);
    }
  }

  /** Remembers the position after a user's committed write (only ever forward). */
  noteWrite(userId: string, lsn: bigint): void {
    const known = this.lastWrite.get(userId);
    if (known !== undefined && known >= lsn) return;
    this.lastWrite.delete(userId);
    if (this.lastWrite.size >= MAX_WRITERS) this.lastWrite.delete(this.lastWrite.keys().next().value!);
    this.lastWrite.set(userId, lsn);
  }

  /** What a replica must have replayed to serve this user's reads (0: anything). */
  requiredLsn(userId: string | undefined): bigint {
    return (userId && this.lastWrite.get(userId)) || 0n;
  }

  /** Milliseconds the replica is behind the primary: the age of the oldest WAL it has not replayed. */
  lagMilliseconds(replica: Replica, now = Date.now()): number {
    for (const sample of this.samples) if (sample.lsn > replica.replayLsn) return now - sample.at;
    return 0;
  }

  /**
   * A replica that may serve a read needing `required`: up, within the lag limit, and past the
   * position (looked at again once, right now, if the last check saw it short of it); `preferred`
   * first (the one the request already reads from). Null: read from the primary.
   */
  async pick(required: bigint, preferred: Replica | null): Promise<Replica | null> {
    const usable = (replica: ReplicaMonitor) =>
      replica.up && replica.source?.isInitialized === true && this.lagMilliseconds(replica) <= this.limits.maxLagMilliseconds;
    const order = preferred ? [this.replicas[preferred.index]] : this.rotation();
    for (const replica of order) {
      if (!usable(replica)) continue;
      if (replica.replayLsn < required) await this.refresh(replica);
      if (usable(replica) && replica.replayLsn >= required) return replica;
    }
    return preferred ? this.pick(required, null) : null;
  }

  /** A statement on this replica failed for want of a connection: no reads until it answers a check again. */
  markDown(replica: Replica, error: unknown): void {
    const monitor = this.replicas[replica.index];
    if (!monitor.up) return;
    monitor.up = false;
    monitor.downSince = Date.now();
    this.logger.warn(`replica ${monitor.name} is unreachable, reads go to the primary: ${String((error as Error)?.message ?? error)}`);
  }

  /**
   * A runner for the owner's reads on a replica that may serve them by what was last seen of it
   * (no waiting: TypeORM asks for runners synchronously), or null. If the replica cannot be
   * reached when the runner first connects, the runner carries on on the primary instead; once
   * a statement has run on the replica, a lost connection fails the work (an export: the
   * download breaks and can be asked again).
   */
  ownerRunner(reads: { userId: string; minimumLsn: bigint; replica?: Replica | null }, primary: () => QueryRunner): QueryRunner | null {
    if (reads.replica === undefined) {
      const required = this.requiredLsn(reads.userId);
      const floor = required > reads.minimumLsn ? required : reads.minimumLsn;
      reads.replica =
        this.rotation().find(
          (replica) => replica.up && replica.ownerSource?.isInitialized === true && replica.replayLsn >= floor && this.lagMilliseconds(replica) <= this.limits.maxLagMilliseconds,
        ) ?? null;
    }
    const replica = reads.replica as ReplicaMonitor | null;
    if (!replica?.up || !replica.ownerSource?.isInitialized) return null;
    const runner = replica.ownerSource.createQueryRunner();
    this.counts.ownerRunners += 1;
    type Query = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
    const onReplica = { connect: runner.connect.bind(runner), query: runner.query.bind(runner) as Query, release: runner.release.bind(runner) };
    let fallback: QueryRunner | null = null;
    let answered = false;
    const giveUp = (error: unknown) => {
      if (isPoolBusy(error)) this.counts.busy += 1;
      else {
        this.markDown(replica, error);
        this.counts.retriedOnPrimary += 1;
      }
      void onReplica.release().catch(() => undefined);
      fallback = primary();
      return fallback;
    };
    runner.connect = async () => {
      if (fallback) return fallback.connect();
      try {
        return await onReplica.connect();
      } catch (error) {
        if (answered || !(isConnectionError(error) || isPoolBusy(error))) throw error;
        return giveUp(error).connect();
      }
    };
    runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
      if (fallback) return (fallback.query as Query).call(fallback, sql, parameters, structured);
      try {
        const result = await onReplica.query(sql, parameters, structured);
        answered = true;
        return result;
      } catch (error) {
        if (answered || !(isConnectionError(error) || isPoolBusy(error))) throw error;
        const primaryRunner = giveUp(error);
        return (primaryRunner.query as Query).call(primaryRunner, sql, parameters, structured);
      }
    }) as QueryRunner['query'];
    runner.release = async () => {
      if (fallback) await fallback.release();
      await onReplica.release().catch(() => undefined);
    };
    return runner;
  }

  /** A runner on the replica's registry_app pool. */
  createRunner(replica: Replica): QueryRunner {
    return replica.source!.createQueryRunner();
  }

  private rotation(): ReplicaMonitor[] {
    const start = this.next++ % this.replicas.length;
    return [...this.replicas.slice(start), ...this.replicas.slice(0, start)];
  }

  private async check(): Promise<void> {
    const now = Date.now();
    const primary = await this.primaryLsn().catch(() => null);
    if (primary !== null) {
      this.samples.push({ at: now, lsn: primary });
      // keep enough history to tell a lag beyond the limit
      const keepFrom = now - this.limits.maxLagMilliseconds - 10 * this.limits.checkMilliseconds - 1000;
      while (this.samples.length > 1 && this.samples[1].at < keepFrom) this.samples.shift();
    }
    await Promise.all(this.replicas.map((replica) => this.refresh(replica)));
  }

  private async primaryLsn(): Promise<bigint> {
    if (!this.primaryMonitor) {
      const client = new Client({ connectionString: this.primaryOwnerUrl, application_name: 'registry-replica-monitor', connectionTimeoutMillis: 2000 });
      client.on('error', () => (this.primaryMonitor = null));
      await client.connect();
      this.primaryMonitor = client;
    }
    try {
      const { rows } = await this.primaryMonitor.query(`select pg_current_wal_lsn()::text as lsn`);
      return lsnValue(rows[0].lsn)!;
    } catch (error) {
      await this.primaryMonitor?.end().catch(() => undefined);
      this.primaryMonitor = null;
      throw error;
    }
  }

  /** Looks at the replica's replay position (one check at a time per replica). */
  private refresh(replica: ReplicaMonitor): Promise<void> {
    replica.refreshing ??= this.look(replica).finally(() => (replica.refreshing = null));
    return replica.refreshing;
  }

  private async look(replica: ReplicaMonitor): Promise<void> {
    // a replica that is down is tried at most every second
    if (!replica.up && Date.now() - replica.lastAttempt < 1000) return;
    replica.lastAttempt = Date.now();
    try {
      const client = await this.monitorOf(replica);
      const { rows } = await withTimeout(
        client.query(`select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn`),
        2000,
      );
      // a promoted replica is a primary of its own: its data went another way
      if (!rows[0].standby) throw new Error('not a standby (promoted?)');
      replica.replayLsn = lsnValue(rows[0].lsn) ?? 0n;
      if (!replica.source?.isInitialized) await this.initialize(replica);
      if (!replica.up) this.logger.log(`replica ${replica.name} serves reads (replayed ${rows[0].lsn})`);
      replica.up = true;
      replica.downSince = null;
    } catch (error) {
      if (replica.up) this.markDown(replica, error);
      replica.downSince ??= Date.now();
      const monitor = replica.monitor;
      replica.monitor = null;
      await monitor?.end().catch(() => undefined);
    }
  }

  private async monitorOf(replica: ReplicaMonitor): Promise<Client> {
    if (replica.monitor) return replica.monitor;
    replica.connecting ??= (async () => {
      const client = new Client({ connectionString: replica.ownerUrl, application_name: 'registry-replica-monitor', connectionTimeoutMillis: 2000 });
      client.on('error', () => {
        if (replica.monitor === client) replica.monitor = null;
      });
      await client.connect();
      replica.monitor = client;
      return client;
    })().finally(() => (replica.connecting = null));
    return replica.connecting;
  }

  private initialize(replica: ReplicaMonitor): Promise<void> {
    const pool = (url: string, extra: Record<string, unknown>) =>
      new DataSource({
        ...this.poolOptions,
        url,
        entities: [],
        migrations: [],
        migrationsRun: false,
        installExtensions: false,
        extra: { ...(this.poolOptions.extra ?? {}), connectionTimeoutMillis: 5000, ...extra },
      } as DataSourceOptions);
    replica.initializing ??= (async () => {
      const source = pool(replica.appUrl, { options: this.login.options, application_name: 'registry-replica' });
      const ownerSource = pool(replica.ownerUrl, { max: 8, application_name: 'registry-replica-owner' });
      try {
        await Promise.all([source.initialize(), ownerSource.initialize()]);
      } catch (error) {
        await Promise.all([source, ownerSource].map((each) => (each.isInitialized ? each.destroy() : undefined))).catch(() => undefined);
        throw error;
      }
      replica.source = source;
      replica.ownerSource = ownerSource;
    })().finally(() => (replica.initializing = null));
    return replica.initializing;
  }
}

function withTimeout<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    work,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${milliseconds} ms (timeout)`)), milliseconds);
    }),
  ]).finally(() => clearTimeout(timer));
}
