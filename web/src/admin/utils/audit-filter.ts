import type { AuditLogFilter } from '@registry/graphql-client';

/** What the audit page's filter form holds (the time range as ISO instants). */
export interface AuditFilterValues {
  username?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  /** [from, to) as ISO date-times */
  range?: [string, string] | null;
}

/** Form values → the API filter: blanks dropped, text trimmed. */
export function toAuditLogFilter(values: AuditFilterValues): AuditLogFilter {
  const filter: AuditLogFilter = {};
  const text = (value?: string) => value?.trim() || undefined;
  if (text(values.username)) filter.username = text(values.username);
  if (text(values.action)) filter.action = text(values.action);
  if (text(values.objectType)) filter.objectType = text(values.objectType);
  if (text(values.objectId)) filter.objectId = text(values.objectId);
  if (values.range?.[0]) filter.from = values.range[0];
  if (values.range?.[1]) filter.to = values.range[1];
  return filter;
}

/** The audit entry's detail (JSON text) as short "key: value" lines; changes as before → after. */
export function describeDetail(detail: string | null | undefined): string[] {
  if (!detail) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return [detail];
  }
  if (typeof parsed !== 'object' || parsed === null) return [String(parsed)];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (key === 'changes' && value && typeof value === 'object') {
      for (const [field, change] of Object.entries(value as Record<string, { before?: unknown; after?: unknown }>)) {
        lines.push(`${field}: ${show(change?.before)} → ${show(change?.after)}`);
      }
    } else {
      lines.push(`${key}: ${show(value)}`);
    }
  }
  return lines;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
