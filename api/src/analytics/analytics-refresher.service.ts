import { chinaYear, todayIsoDate } from '@registry/domain';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { runAsOwner } from '../auth/request-database';
import { RegionsService } from '../regions/regions.service';
import {
  COORDINATOR_APPLY_SQL,
  COORDINATOR_LEAF_ROWS_SQL,
  coordinatorNodeRowsSql,
  COORDINATOR_STOCK_SQL,
  ENTERPRISE_ADD_SQL,
  ENTERPRISE_LEAF_ROWS_SQL,
  enterpriseNodeRowsSql,
  ENTERPRISE_SUBTRACT_SQL,
  FIRST_YEAR,
  STALE_SQL,
  WRITTEN_SQL,
  PERSON_COLUMNS,
  personFactsSql,
  PRUNE_COORDINATOR_SQL,
  PRUNE_SQL,
} from './rollup-sql';
import { buildBeside, nextTable, swapIn, type RollupTable } from './rollup-swap';

/** Poll for regions marked dirty by the triggers this often (ms). */
const POLL_INTERVAL_MS = 400; // ×5 while the LISTEN connection is up
/** A transaction advisory lock id: one refresh at a time across API instances. */
const REFRESH_LOCK = 74_050_001;
/**
 * A session advisory lock id, held on the listener's connection by the one instance that runs
 * the refresher; when that instance dies its connection ends, the lock is free and another
 * instance takes it at its next poll (within 2 s). See docs/decisions/0901-several-api-instances.md.
 */
const LEADER_LOCK = 74_050_002;
/** NOTIFY channel: the leader finished a refresh (the others' figure caches are stale). */
const REFRESHED_CHANNEL = 'analytics_refreshed';

export interface RefreshResult {
  /** regions whose enterprise figures were recomputed */
  regions: number;
  /** people whose coordinator figures were recomputed */
  people: number;
  full: boolean;
  milliseconds: number;
}

/** The share of the regions from which recomputing every enterprise figure costs less than the difference. */
const FULL_REBUILD_SHARE = 1 / 3;
/**
 * The share of the people from which rebuilding every coordinator figure costs less than the
 * difference (taking off and putting back costs a person about twice what a rebuild does)…
 */
const FULL_REBUILD_PEOPLE_SHARE = 1 / 2;
/** …once there are this many of them: below, either takes milliseconds. */
const FULL_REBUILD_MIN_PEOPLE = 2000;

export function currentYear(): number {
  return chinaYear();
}

// Keeps the roll-up tables in step with the registry. Triggers (migrations AnalyticsRollups,
// AnalyticsRefreshNotify, AnalyticsPersonDelta) note every person and region a write touches
// and NOTIFY analytics_dirty; this service LISTENs and, right after the commit, recomputes the
// enterprise figures of those regions and the coordinator figures of those people (and their
// ancestors by difference), and polls as a safety net. Readers call `ensureFresh` first, which
// waits only when a notified change is not yet in the roll-ups. A new day (ages and
// certificates held are counted as of today) rebuilds the coordinator figures, a new year all.
@Injectable()
export class AnalyticsRefresher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Analytics');
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private running: Promise<RefreshResult | null> | null = null;
  private stopped = false;
  private listener: Client | null = null;
  /** bumped by every notification; a refresh that started at generation g covers all writes up to g */
  private dirtyGeneration = 1;
  private refreshedGeneration = 0;
  /** this instance holds LEADER_LOCK (or has no listener connection to hold it on: it refreshes itself) */
  private leader = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.soon) clearTimeout(this.soon);
    await this.running?.catch(() => null);
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private async listen(): Promise<void> {
    const options = this.dataSource.options as { url?: string; host?: string; port?: number; username?: string; password?: unknown; database?: string };
    const client = new Client({
      connectionString: options.url,
      host: options.host,
      port: options.port,
      user: options.username,
      password: options.password as string | undefined,
      database: options.database,
      // pg_stat_activity tells which process leads
      application_name: `registry-refresher:${process.pid}`,
    });
    try {
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === REFRESHED_CHANNEL) {
          // the leader's refresh: figures cached here are stale
          if (!this.leader) this.refreshedGeneration = this.dirtyGeneration;
          return;
        }
        this.dirtyGeneration += 1;
        if (this.listener && !this.leader) return;
        // a short debounce gathers the statements of one import into one refresh
        if (!this.soon) {
          this.soon = setTimeout(() => {
            this.soon = null;
            if (!this.stopped) void this.refreshNow().catch((error) => this.stopped || this.logger.error(`roll-up refresh failed: ${(error as Error).message}`));
          }, 30);
          this.soon.unref?.();
        }
      });
      client.on('error', (error) => {
        this.logger.warn(`analytics listener lost (${error.message}); polling only`);
        this.listener = null;
        this.leader = false;
      });
      await client.query('listen analytics_dirty');
      await client.query(`listen ${REFRESHED_CHANNEL}`);
      this.listener = client;
      await this.tryToLead();
    } catch (error) {
      this.logger.warn(`analytics listener unavailable (${(error as Error).message}); polling only`);
      await client.end().catch(() => undefined);
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref?.();
  }

  /** Takes the refresher's leadership when nobody holds it; true while this instance leads. */
  private async tryToLead(): Promise<boolean> {
    if (!this.listener) return true;
    if (this.leader) return true;
    const [row] = (await this.listener.query(`select pg_try_advisory_lock($1) as acquired`, [LEADER_LOCK])).rows;
    this.leader = Boolean(row?.acquired);
    if (this.leader) this.logger.log(`this instance (pid ${process.pid}) runs the analytics refresher`);
    return this.leader;
  }

  /** Whether this instance runs the refresher now. */
  get leading(): boolean {
    return this.leader || !this.listener;
  }

  private async tick(): Promise<void> {
    try {
      // another instance leads: it refreshes; this one only checks whether it is gone
      if (!(await this.tryToLead())) return;
      const [{ written, stale }] = await this.dataSource.query(`select ${WRITTEN_SQL} as written, ${STALE_SQL} as stale`, [currentYear(), todayIsoDate()]);
      if (written || stale) {
        // Readers wait for writes they may have made, not for the rebuild of a new day: until it
        // is done they get yesterday's figures.
        if (written) this.dirtyGeneration += 1;
        await this.refreshNow();
      }
    } catch (error) {
      if (!this.stopped) this.logger.error(`roll-up refresh failed: ${(error as Error).message}`);
    } finally {
      this.schedule(this.listener ? POLL_INTERVAL_MS * 5 : POLL_INTERVAL_MS);
    }
  }

  /** Runs a refresh now, or after the one already running if more writes came in meanwhile. */
  refreshNow(): Promise<RefreshResult | null> {
    if (!this.leading) return Promise.resolve(null);
    if (this.running) {
      return this.running.then((result) => (this.refreshedGeneration < this.dirtyGeneration ? this.refreshNow() : result));
    }
    const generation = this.dirtyGeneration;
    // System work: as the table owner, never on a reader's row-level-secured connection.
    this.running = runAsOwner(() => this.refresh())
      .finally(() => {
        // Also after a failure: readers stop waiting (they get the previous figures); the dirty
        // rows came back with the rollback and the poller tries again.
        this.refreshedGeneration = Math.max(this.refreshedGeneration, generation);
        this.running = null;
      })
      .then((result) => {
        if (result && this.listener) void this.listener.query(`select pg_notify($1, '')`, [REFRESHED_CHANNEL]).catch(() => undefined);
        return result;
      });
    return this.running;
  }

  /** Changes whenever a refresh finishes: cached figures computed at another value are stale. */
  get generation(): number {
    return this.refreshedGeneration;
  }

  /** Waits (up to `timeoutMs`) until every write notified so far is in the roll-ups: a user sees their own write. */
  async ensureFresh(timeoutMs = 4000): Promise<void> {
    if (!this.leading) {
      // another instance refreshes: wait until nothing written is left for it
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [{ written }] = await runAsOwner(() => this.dataSource.query(`select ${WRITTEN_SQL} as written`));
        if (!written || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      this.refreshedGeneration = this.dirtyGeneration;
      return;
    }
    if (!this.listener) {
      // no notifications: ask the database whether anything is pending
      const [{ written }] = await this.dataSource.query(`select ${WRITTEN_SQL} as written`);
      if (written) this.dirtyGeneration += 1;
    }
    if (this.refreshedGeneration >= this.dirtyGeneration) return;
    const deadline = Date.now() + timeoutMs;
    while (this.refreshedGeneration < this.dirtyGeneration && Date.now() < deadline) {
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, deadline - Date.now())).unref?.());
      await Promise.race([this.refreshNow().catch(() => null), timeout]);
    }
  }

  private async refresh(): Promise<RefreshResult | null> {
    const started = Date.now();
    return this.dataSource.transaction(async (manager) => {
      // another instance refreshing: wait for it, then take what is left
      await manager.query(`select pg_advisory_xact_lock($1)`, [REFRESH_LOCK]);
      const year = currentYear();
      const today = todayIsoDate();
      const [state] = await manager.query(`select built_year, built_on::text as built_on from analytics_state where id = 1`);
      // TypeORM answers a DELETE … RETURNING with [rows, affected]
      const [dirty] = (await manager.query(`delete from analytics_dirty_region returning region_code`)) as [{ region_code: string }[], number];
      const allCodes = this.regions.allCodes();
      const dirtyCodes = [...new Set(dirty.map((row) => row.region_code))];
      // A change reaching a third of the regions (a province-wide import) is cheaper to
      // recompute whole than to take off and put back region by region.
      const enterprisesFull = !state || state.built_year !== year || dirtyCodes.length >= allCodes.length * FULL_REBUILD_SHARE;
      const codes = enterprisesFull ? allCodes : dirtyCodes;
      const coordinatorsFull = !state || state.built_year !== year || state.built_on !== today;
      // The enterprise tables are recomputed alongside, in a transaction of their own on a second
      // connection (a second core). If either part fails, this one rolls back, the dirty marks
      // come back and the next refresh redoes both (recomputing is idempotent).
      const clock = new RefreshClock();
      const parts = await Promise.allSettled([
        codes.length > 0 ? this.dataSource.transaction((other) => this.recomputeEnterprises(other, codes, enterprisesFull, year, clock)) : Promise.resolve(),
        this.recomputeCoordinators(manager, coordinatorsFull, year, today, clock),
      ]);
      const failed = parts.find((part) => part.status === 'rejected');
      if (failed) throw failed.reason;
      const coordinators = (parts[1] as PromiseFulfilledResult<{ people: number; full: boolean; rebuilt: RollupTable[] }>).value;
      if (codes.length === 0 && coordinators.people === 0 && !coordinators.full) return null;
      // last, so that the live coordinator tables are locked only from here to the commit (not
      // while the enterprise figures are still being computed)
      await clock.time('coordinator swap', swapIn(manager, coordinators.rebuilt));
      const milliseconds = Date.now() - started;
      await manager.query(
        `update analytics_state set built_year = $1, built_on = $2, refreshed_at = now(), last_refresh_ms = $3, last_refresh_regions = $4,
           last_refresh_people = $5 where id = 1`,
        [year, today, milliseconds, codes.length, coordinators.people],
      );
      const full = enterprisesFull || coordinators.full;
      if (full || codes.length > 50 || coordinators.people > 1000) {
        this.logger.log(`roll-ups refreshed for ${codes.length} regions and ${coordinators.people} people in ${milliseconds} ms${full ? ' (rebuilt)' : ''}: ${clock}`);
      }
      return { regions: codes.length, people: coordinators.people, full, milliseconds };
    });
  }

  private async recomputeEnterprises(manager: EntityManager, codes: string[], full: boolean, year: number, clock: RefreshClock): Promise<void> {
    await this.tuneForRefresh(manager);
    if (full) {
      // this part's own transaction commits right after its swap
      await clock.time('enterprise leaf', buildBeside(manager, 'analytics_enterprise_leaf', ENTERPRISE_LEAF_ROWS_SQL, [codes, FIRST_YEAR, year]));
      await clock.time('enterprise node', buildBeside(manager, 'analytics_enterprise_node', enterpriseNodeRowsSql(nextTable('analytics_enterprise_leaf'))));
      await clock.time('enterprise swap', swapIn(manager, ['analytics_enterprise_leaf', 'analytics_enterprise_node']));
      return;
    }
    await clock.time('enterprise subtract', manager.query(ENTERPRISE_SUBTRACT_SQL, [codes]));
    await clock.time('enterprise add', manager.query(ENTERPRISE_ADD_SQL, [codes, FIRST_YEAR, year]));
    await manager.query(PRUNE_SQL, [this.ancestorsOf(codes)]);
  }

  /**
   * The coordinator figures of the people marked since the last refresh: their old facts
   * (analytics_person) are taken off and their new ones added, or, on a new day or when half of
   * everyone changed, every figure is rebuilt from everyone's facts.
   */
  private async recomputeCoordinators(
    manager: EntityManager,
    full: boolean,
    year: number,
    today: string,
    clock: RefreshClock,
  ): Promise<{ people: number; full: boolean; rebuilt: RollupTable[] }> {
    await this.tuneForRefresh(manager);
    const yearCount = year - FIRST_YEAR + 1;
    await manager.query(
      `create temp table dirty_people on commit drop as
       with marked as (delete from analytics_dirty_coordinator returning coordinator_id) select distinct coordinator_id as id from marked`,
    );
    await manager.query(`analyze dirty_people`);
    const [{ people, everyone }] = await manager.query(
      `select (select count(*) from dirty_people)::int as people, (select count(*) from analytics_person)::int as everyone`,
    );
    if (!full && people === 0) return { people: 0, full: false, rebuilt: [] };
    full ||= people >= FULL_REBUILD_MIN_PEOPLE && people >= everyone * FULL_REBUILD_PEOPLE_SHARE;
    if (full) {
      await clock.time(
        'person facts',
        manager.query(`create temp table analytics_scope on commit drop as select facts.*, 1 as sign from (${personFactsSql(yearCount, null)}) facts`, [FIRST_YEAR, today]),
      );
      // only refreshes (one at a time) read analytics_person: its lock keeps no reader waiting
      await manager.query(`truncate analytics_person`);
      await clock.time('person store', manager.query(`insert into analytics_person select ${PERSON_COLUMNS} from analytics_scope`));
    } else {
      await manager.query(`create temp table analytics_scope on commit drop as select *, 1 as sign from analytics_person with no data`);
      await clock.time(
        'person old facts',
        manager.query(`with old as (delete from analytics_person where id in (select id from dirty_people) returning *) insert into analytics_scope select *, -1 from old`),
      );
      await clock.time(
        'person facts',
        manager.query(
          `with fresh as (insert into analytics_person ${personFactsSql(yearCount, 'select id from dirty_people')} returning *) insert into analytics_scope select *, 1 from fresh`,
          [FIRST_YEAR, today],
        ),
      );
    }
    // people first, then person × year: each statement planned from the real size of the one before
    // (the row counts are what matter; sampling the wide array columns cost more than the plans gained)
    await manager.query(`analyze analytics_scope (region_code, status)`);
    await clock.time('person × year', manager.query(COORDINATOR_STOCK_SQL, [FIRST_YEAR, year, today]));
    await manager.query(`analyze analytics_stock (region_code, year)`);
    if (full) {
      // built beside the live tables, swapped in by the caller just before the commit
      await clock.time('coordinator leaf', buildBeside(manager, 'analytics_coordinator_leaf', COORDINATOR_LEAF_ROWS_SQL, [FIRST_YEAR, year, today]));
      await clock.time('coordinator node', buildBeside(manager, 'analytics_coordinator_node', coordinatorNodeRowsSql(nextTable('analytics_coordinator_leaf'))));
      const [{ everyone }] = await manager.query(`select count(*)::int as everyone from analytics_scope`);
      return { people: everyone, full: true, rebuilt: ['analytics_coordinator_leaf', 'analytics_coordinator_node'] };
    }
    await clock.time('coordinator apply', manager.query(COORDINATOR_APPLY_SQL, [FIRST_YEAR, year, today]));
    const regions = ((await manager.query(`select region_code from analytics_scope union select unnest(region_codes) from analytics_scope`)) as { region_code: string }[]).map((row) => row.region_code);
    await manager.query(PRUNE_COORDINATOR_SQL, [regions, this.ancestorsOf(regions)]);
    return { people, full: false, rebuilt: [] };
  }

  /**
   * Settings of a refresh transaction. Roll-ups can always be rebuilt from the registry: no
   * need to wait for the WAL flush. JIT compiled the statements for 1.3 s of every full refresh
   * and saved less than that.
   */
  private async tuneForRefresh(manager: EntityManager): Promise<void> {
    await manager.query(`set local synchronous_commit = off`);
    await manager.query(`set local work_mem = '128MB'`);
    await manager.query(`set local jit = off`);
  }

  /** The regions themselves and every region above them (from their jurisdiction paths). */
  private ancestorsOf(codes: string[]): string[] {
    const nodes = new Set<string>();
    for (const code of codes) {
      const region = this.regions.find(code);
      if (!region) continue;
      for (const part of region.path.split('/')) if (part) nodes.add(part);
    }
    return [...nodes];
  }
}

/** How long a refresh's main steps took, for the log line of a large refresh. */
class RefreshClock {
  private readonly steps: string[] = [];

  async time<T>(label: string, work: Promise<T>): Promise<T> {
    const started = Date.now();
    const result = await work;
    this.steps.push(`${label} ${Date.now() - started} ms`);
    return result;
  }

  toString(): string {
    return this.steps.join(', ');
  }
}
