import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** A list's filters, sort and page, read from and written to the URL query string. */
export function useUrlListParams<P>(parse: (params: URLSearchParams) => P, serialize: (state: P) => URLSearchParams): [P, (next: P) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parse(searchParams), [parse, searchParams]);
  const update = useCallback((next: P) => setSearchParams(serialize(next)), [serialize, setSearchParams]);
  return [state, update];
}
