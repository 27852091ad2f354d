import type { EntityManager } from 'typeorm';
import { ROLLUP_KEYS } from './rollup-sql';

// A full rebuild of a roll-up fills a table of its own beside the live one and swaps it in at
// the very end (docs/decisions/0051-rollup-rebuild-beside-and-swap.md): readers go on reading
// the live table (the last committed refresh) for the whole build, and wait only for the swap,
// a few catalog changes just before the refresh commits.

export type RollupTable = keyof typeof ROLLUP_KEYS;

/** Where a rebuild's rows go until the swap. */
export function nextTable(table: RollupTable): string {
  return `${table}_next`;
}

/** Each attempt to take the live tables waits this long at most: a reader queued behind the swap waits no longer. */
const SWAP_LOCK_TIMEOUT_MS = 200;
/** Attempts with that bound before the swap waits for its lock like any statement. */
const SWAP_LOCK_ATTEMPTS = 25;

/**
 * Fills `<table>_next` (created here, in the refresh's transaction, so no one else sees it) with
 * the rows of `rowsSql`, then builds its primary key and statistics: the long part of a rebuild,
 * during which nothing locks the live table. The new table has the live one's columns (with the
 * generated ones), defaults, checks and grants; its key is built after the rows, once (maintaining
 * it row by row cost more than the copy).
 */
export async function buildBeside(manager: EntityManager, table: RollupTable, rowsSql: string, parameters: unknown[] = []): Promise<void> {
  const next = nextTable(table);
  await manager.query(`drop table if exists ${next}`);
  await manager.query(`create table ${next} (like ${table} including defaults including generated including constraints including storage)`);
  const grants: { grantee: string; privileges: string }[] = await manager.query(
    `select grantee, string_agg(privilege_type, ', ') as privileges from information_schema.role_table_grants
     where table_schema = current_schema() and table_name = $1 and grantee <> current_user group by grantee`,
    [table],
  );
  for (const { grantee, privileges } of grants) await manager.query(`grant ${privileges} on ${next} to "${grantee.replace(/"/g, '""')}"`);
  // the rows carry the live table's stored columns in order; generated ones are computed
  await manager.query(`insert into ${next} ${rowsSql}`, parameters);
  await manager.query(`alter table ${next} add constraint ${next}_pkey primary key (${ROLLUP_KEYS[table]})`);
  // readers plan their first queries on the new table from its real size
  await manager.query(`analyze ${next}`);
}

/**
 * Puts the tables built by `buildBeside` in place of the live ones, in the caller's transaction
 * (which should commit right after: the live tables stay locked until then). The lock is asked
 * for with a short timeout, again and again: a long reader holding the live table makes the swap
 * wait, not every reader queued behind it. Names stay those of the migrations (the key is
 * `<table>_pkey` again).
 */
export async function swapIn(manager: EntityManager, tables: RollupTable[]): Promise<void> {
  if (tables.length === 0) return;
  for (let attempt = 1; ; attempt += 1) {
    const bounded = attempt < SWAP_LOCK_ATTEMPTS;
    await manager.query(`savepoint rollup_swap`);
    try {
      await manager.query(`set local lock_timeout = '${bounded ? SWAP_LOCK_TIMEOUT_MS : 0}ms'`);
      await manager.query(`lock table ${tables.join(', ')} in access exclusive mode`);
      await manager.query(`release savepoint rollup_swap`);
      break;
    } catch (error) {
      await manager.query(`rollback to savepoint rollup_swap`);
      // 55P03 lock_not_available: a reader still holds a live table; try again
      if (!bounded || (error as { code?: string }).code !== '55P03') throw error;
    }
  }
  // `set local` inside the released savepoint holds to the commit; the swap's statements need no lock wait
  await manager.query(`set local lock_timeout = 0`);
  for (const table of tables) {
    const next = nextTable(table);
    await manager.query(`drop table ${table}`);
    await manager.query(`alter table ${next} rename to ${table}`);
    await manager.query(`alter table ${table} rename constraint ${next}_pkey to ${table}_pkey`);
  }
}
