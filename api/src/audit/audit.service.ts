import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maskIdNumbersDeep, maskIdNumbersInText } from '@registry/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { SessionUser } from '../common/session-user';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string;
  regionPath?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Before/after of the fields that changed, for the audit row of an update. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { before: before[key], after: after[key] };
  }
  return changes;
}

// The audit trail is append-only: the application inserts, never updates or deletes. A write
// and its audit row go through the same EntityManager, so they commit or roll back together.
// No row holds a full ID number: whatever looks like one in the details (a filter, a reason, a
// typed username) is masked here, where every row is written.
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(user: Pick<SessionUser, 'id' | 'username'> | null, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `insert into audit_log (user_id, username, action, object_type, object_id, region_path, detail, ip)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        user?.id ?? null,
        user?.username ? maskIdNumbersInText(user.username) : null,
        entry.action,
        entry.objectType ?? null,
        entry.objectId ? maskIdNumbersInText(entry.objectId) : null,
        entry.regionPath ?? null,
        entry.detail ? JSON.stringify(maskIdNumbersDeep(entry.detail)) : null,
        entry.ip ?? null,
      ],
    );
  }
}
