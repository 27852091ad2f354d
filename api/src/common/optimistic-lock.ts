import type { EntityManager } from 'typeorm';
import { RegistryError } from './registry-error';

// TypeORM's @VersionColumn does not guard updates (typeorm#2848), so every update is
// `... where id = $1 and version = $2 returning id`, and this checks that a row came back.
export async function assertVersionMatched(
  manager: EntityManager,
  result: unknown,
  table: string,
  id: string,
  label: string,
): Promise<void> {
  // pg through TypeORM answers UPDATE … RETURNING with [rows, affectedCount]
  const rows = Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result;
  if (Array.isArray(rows) && rows.length > 0) return;
  const [current] = await manager.query(`select version from ${table} where id = $1`, [id]);
  if (!current) throw RegistryError.notFound(label, id);
  throw RegistryError.conflict(label, id, current.version);
}
