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

/** The xlsx export of the log under a filter (the API filter's JSON, as the page queries it). */
export function auditExportPath(filter: AuditLogFilter): string {
  return Object.keys(filter).length > 0 ? `/api/audit-log.xlsx?${new URLSearchParams({ filter: JSON.stringify(filter) })}` : '/api/audit-log.xlsx';
}

/** The page of an entry's object, where the app has one; null otherwise. */
export function auditObjectPath(objectType: string | null | undefined, objectId: string | null | undefined): string | null {
  if (!objectId || !/^\d{1,18}$/.test(objectId)) return null;
  if (objectType === 'coordinator') return `/coordinators/${objectId}`;
  if (objectType === 'enterprise') return `/enterprises/${objectId}`;
  if (objectType === 'nomination') return `/awards/nominations/${objectId}`;
  return null;
}
