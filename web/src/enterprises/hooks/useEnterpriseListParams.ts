import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseEnterpriseListParams, serializeEnterpriseListParams, type EnterpriseListParams } from '../utils/list-params';

/** The list's filters, sort and page, read from and written to the URL query string. */
export function useEnterpriseListParams(): [EnterpriseListParams, (next: EnterpriseListParams) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseEnterpriseListParams(searchParams), [searchParams]);
  const update = useCallback((next: EnterpriseListParams) => setSearchParams(serializeEnterpriseListParams(next)), [setSearchParams]);
  return [state, update];
}
