import { chinaYear } from '@registry/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../app/auth/AuthContext';
import { readBoolean, readIntList, readList, readOneOf, readPositiveInt, readText, writeParams } from '../../app/utils/url-params';

export const SIZE_CLASSES = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'] as const;
export type SizeClassValue = (typeof SIZE_CLASSES)[number];
export const FIRST_YEAR = 2021;

/** This year in China, whatever the browser's time zone. */
export function currentYear(): number {
  return chinaYear();
}

export interface DashboardParams {
  /** the region shown; the user's own region by default */
  region: string;
  year: number;
  /** 公有 true / 非公 false / both */
  publicOwned?: boolean;
  sizes: SizeClassValue[];
  category?: number;
  /** region whose uncovered large/medium enterprises are listed (drawer), if any */
  uncovered?: string;
  metric?: 'coordinators' | 'largeMediumRate' | 'perHundredLargeMedium' | 'largeMediumUncovered';
  /** 按上报口径: a closed year's figures as stored when it was closed */
  reported?: boolean;
}

const METRICS = ['coordinators', 'largeMediumRate', 'perHundredLargeMedium', 'largeMediumUncovered'] as const;

/** The dashboard's state from its URL; `ownRegion` is the user's region (the default). */
export function readDashboardParams(search: URLSearchParams, ownRegion: string | undefined, latest: number): DashboardParams {
  const year = readPositiveInt(search, 'year');
  const category = readIntList(search, 'category', 1, 6)[0];
  return {
    region: readText(search, 'region') ?? ownRegion ?? '220000',
    year: year && year >= FIRST_YEAR && year <= latest ? year : latest,
    publicOwned: readBoolean(search, 'public'),
    sizes: readList(search, 'size', SIZE_CLASSES),
    category,
    uncovered: readText(search, 'uncovered'),
    metric: readOneOf(search, 'metric', METRICS),
    reported: readBoolean(search, 'reported') || undefined,
  };
}

/** The dashboard's state lives in the URL, so a view can be bookmarked and shared. */
export function useDashboardParams(): [DashboardParams, (patch: Partial<DashboardParams>) => void] {
  const { me } = useAuth();
  const [search, setSearch] = useSearchParams();
  const latest = currentYear();
  const params = useMemo(() => readDashboardParams(search, me?.regionCode, latest), [search, me?.regionCode, latest]);

  const update = useCallback(
    (patch: Partial<DashboardParams>) => {
      const next = { ...params, ...patch };
      setSearch(
        writeParams([
          ['region', next.region !== me?.regionCode ? next.region : undefined],
          ['year', next.year !== latest ? next.year : undefined],
          ['public', next.publicOwned],
          ['size', next.sizes],
          ['category', next.category],
          ['uncovered', next.uncovered],
          ['metric', next.metric],
          ['reported', next.reported || undefined],
        ]),
      );
    },
    [params, setSearch, me?.regionCode, latest],
  );
  return [params, update];
}

/** The API variables of the overview query. */
export function overviewVariables(params: DashboardParams) {
  return {
    regionCode: params.region,
    year: params.year,
    publicOwned: params.publicOwned ?? null,
    sizeClasses: params.sizes.length > 0 ? params.sizes : null,
    category: params.category ?? null,
  };
}

/** The API variables of the big numbers' query (DashboardHeadline). */
export function headlineVariables(params: DashboardParams) {
  return { ...overviewVariables(params), byCategory: params.category !== undefined };
}
