import type { TargetOverviewQuery } from '@registry/graphql-client';

type Verdict = TargetOverviewQuery['targetVerdicts'][number];

/** 'met' | 'notMet' | 'none' (nothing to count), for a verdict row's tag. */
export function verdictKind(row: Pick<Verdict['region'], 'met'>): 'met' | 'notMet' | 'none' {
  if (row.met === null) return 'none';
  return row.met ? 'met' : 'notMet';
}

/** Finished targets, the latest first. */
export function latestFirst(verdicts: readonly Verdict[]): Verdict[] {
  return [...verdicts].sort((left, right) => right.year - left.year);
}
