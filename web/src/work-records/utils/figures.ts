import type { WorkFigureRowFieldsFragment } from '@registry/graphql-client';

export type WorkFigureKey = 'disputesMediated' | 'consultations' | 'activeCoordinators' | 'silentCoordinators' | 'disputesPer100Enterprises' | 'records';

/** A figure this year beside last year's: the change, null when last year has no figure to compare with. */
export function yearChange(current: WorkFigureRowFieldsFragment | null | undefined, previous: WorkFigureRowFieldsFragment | null | undefined, key: WorkFigureKey) {
  const now = current?.[key] ?? null;
  const before = previous?.[key] ?? null;
  if (now === null) return { value: null, change: null, percent: null };
  if (before === null) return { value: now, change: null, percent: null };
  const change = Math.round((now - before) * 10) / 10;
  return { value: now, change, percent: before === 0 ? null : Math.round((change / before) * 1000) / 10 };
}

/** The share of counted coordinators with recorded work in the 12 months, as a whole percent (null: none counted). */
export function activeShare(row: WorkFigureRowFieldsFragment | null | undefined): number | null {
  if (!row || row.coordinators === 0) return null;
  return Math.round((row.activeCoordinators / row.coordinators) * 100);
}

/** The child rows worth a line: any record, coordinator or enterprise. */
export function activeChildRows(rows: readonly WorkFigureRowFieldsFragment[] | null | undefined): WorkFigureRowFieldsFragment[] {
  return (rows ?? []).filter((row) => row.records > 0 || row.coordinators > 0 || row.enterprises > 0);
}
