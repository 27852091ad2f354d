import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseCoordinatorListParams, serializeCoordinatorListParams, type CoordinatorListParams } from '../utils/list-params';

/** The list's filters, sort and page, read from and written to the URL query string. */
export function useCoordinatorListParams(): [CoordinatorListParams, (next: CoordinatorListParams) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseCoordinatorListParams(searchParams), [searchParams]);
  const update = useCallback((next: CoordinatorListParams) => setSearchParams(serializeCoordinatorListParams(next)), [setSearchParams]);
  return [state, update];
}
