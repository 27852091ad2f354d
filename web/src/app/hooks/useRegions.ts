import { useQuery } from '@apollo/client/react';
import { RegionsDocument, type RegionFieldsFragment } from '@registry/graphql-client';
import { useMemo } from 'react';
import { useAuth } from '../auth/AuthContext';

const NO_REGIONS: RegionFieldsFragment[] = [];

/** Every region the user can see (their subtree and the ancestors above it), loaded once. */
export function useRegions() {
  const { me } = useAuth();
  const { data, loading, error, refetch } = useQuery(RegionsDocument, { fetchPolicy: 'cache-first' });
  const regions = data?.regions ?? NO_REGIONS;
  const byCode = useMemo(() => new Map(regions.map((region) => [region.code, region])), [regions]);
  return { regions, byCode, loading, error, refetch, scopeCode: me?.regionCode };
}
