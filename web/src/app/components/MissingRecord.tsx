import { FullPageSpin } from './FullPageSpin';
import { NotFoundResult } from './NotFoundResult';
import { QueryError } from './QueryError';

interface Props {
  /** the record query's state */
  query: { data?: unknown; loading: boolean; error?: unknown; refetch: () => unknown };
  backTo: string;
  backLabel: string;
}

/**
 * What a record page shows while its record is missing: a spinner on the first load, the
 * failure with a retry, else not found (also the answer for a record outside the user's scope).
 */
export function MissingRecord({ query, backTo, backLabel }: Props) {
  const { data, loading, error, refetch } = query;
  if (loading && !data) return <FullPageSpin />;
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} fullPage />;
  return <NotFoundResult backTo={backTo} backLabel={backLabel} />;
}
