import type { CoordinatorSort, CoordinatorStatus, CoordinatorsQueryVariables, SizeClass } from '@registry/graphql-client';
import {
  pageEntries,
  readIntList,
  readList,
  readOneOf,
  readPage,
  readPositiveInt,
  readText,
  writeParams,
  type PageState,
  type SortDirection,
} from '../../app/utils/url-params';

// The coordinator list's state as it lives in the URL (?region=220104&q=王&category=1,3&page=2).
export interface CoordinatorListParams extends PageState {
  regionCode?: string;
  search?: string;
  categories: number[];
  status?: CoordinatorStatus;
  /** 1 = 一级 … 5 = 五级: holds a certificate of this level or higher */
  certificateLevelAtLeast?: number;
  enterpriseSizeClasses: SizeClass[];
  sort?: CoordinatorSort;
  direction?: SortDirection;
}

export const COORDINATOR_CATEGORIES = [1, 2, 3, 4, 5, 6] as const;
export const COORDINATOR_STATUSES: readonly CoordinatorStatus[] = ['ACTIVE', 'LEFT'];
export const SIZE_CLASS_VALUES: readonly SizeClass[] = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'];
export const CERTIFICATE_LEVELS = [1, 2, 3, 4, 5] as const;
const SORTS: readonly CoordinatorSort[] = ['NAME', 'JOINED', 'REGION', 'NEWEST'];
const DIRECTIONS: readonly SortDirection[] = ['ASC', 'DESC'];

export function parseCoordinatorListParams(params: URLSearchParams): CoordinatorListParams {
  const level = readPositiveInt(params, 'level');
  const sort = readOneOf(params, 'sort', SORTS);
  return {
    ...readPage(params),
    regionCode: readText(params, 'region'),
    search: readText(params, 'q'),
    categories: readIntList(params, 'category', 1, 6),
    status: readOneOf(params, 'status', COORDINATOR_STATUSES),
    certificateLevelAtLeast: level && level <= 5 ? level : undefined,
    enterpriseSizeClasses: readList(params, 'size', SIZE_CLASS_VALUES),
    sort,
    direction: sort ? (readOneOf(params, 'dir', DIRECTIONS) ?? 'ASC') : undefined,
  };
}

export function serializeCoordinatorListParams(state: CoordinatorListParams): URLSearchParams {
  return writeParams([
    ['region', state.regionCode],
    ['q', state.search?.trim()],
    ['category', state.categories],
    ['status', state.status],
    ['level', state.certificateLevelAtLeast],
    ['size', state.enterpriseSizeClasses],
    ['sort', state.sort],
    ['dir', state.sort && state.direction === 'DESC' ? 'DESC' : undefined],
    ...pageEntries(state),
  ]);
}

/** Filters changed: back to the first page, keeping the sort and page size. */
export function withFilters(state: CoordinatorListParams, changes: Partial<CoordinatorListParams>): CoordinatorListParams {
  return { ...state, ...changes, page: 1 };
}

export function toCoordinatorsVariables(state: CoordinatorListParams): CoordinatorsQueryVariables {
  const filter: NonNullable<CoordinatorsQueryVariables['filter']> = {};
  if (state.regionCode) filter.regionCode = state.regionCode;
  if (state.search) filter.search = state.search;
  if (state.categories.length) filter.categories = state.categories;
  if (state.status) filter.status = state.status;
  if (state.certificateLevelAtLeast) filter.certificateLevelAtLeast = state.certificateLevelAtLeast;
  if (state.enterpriseSizeClasses.length) filter.enterpriseSizeClasses = state.enterpriseSizeClasses;
  return {
    filter,
    offset: (state.page - 1) * state.pageSize,
    limit: state.pageSize,
    order: state.sort ? { field: state.sort, direction: state.direction ?? 'ASC' } : undefined,
  };
}
