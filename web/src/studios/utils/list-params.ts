import type { StudioKind, StudioSort, StudioStatus, StudiosQueryVariables } from '@registry/graphql-client';
import { pageEntries, readOneOf, readPage, readText, writeParams, type PageState, type SortDirection } from '../../app/utils/url-params';

// The studio list's state in the URL (?region=220104&kind=GOLD_STUDIO&q=一汽 …).
export interface StudioListParams extends PageState {
  regionCode?: string;
  search?: string;
  kind?: StudioKind;
  status?: StudioStatus;
  sort?: StudioSort;
  direction?: SortDirection;
}

export const STUDIO_KINDS: readonly StudioKind[] = ['GOLD_STUDIO', 'GUIDANCE_STATION'];
export const STUDIO_STATUSES: readonly StudioStatus[] = ['ACTIVE', 'SUSPENDED', 'CLOSED'];
const SORTS: readonly StudioSort[] = ['NAME', 'OPENED_ON', 'REGION', 'NEWEST'];
const DIRECTIONS: readonly SortDirection[] = ['ASC', 'DESC'];

export function parseStudioListParams(params: URLSearchParams): StudioListParams {
  const sort = readOneOf(params, 'sort', SORTS);
  return {
    ...readPage(params),
    regionCode: readText(params, 'region'),
    search: readText(params, 'q'),
    kind: readOneOf(params, 'kind', STUDIO_KINDS),
    status: readOneOf(params, 'status', STUDIO_STATUSES),
    sort,
    direction: sort ? (readOneOf(params, 'dir', DIRECTIONS) ?? 'ASC') : undefined,
  };
}

export function serializeStudioListParams(state: StudioListParams): URLSearchParams {
  return writeParams([
    ['region', state.regionCode],
    ['q', state.search?.trim()],
    ['kind', state.kind],
    ['status', state.status],
    ['sort', state.sort],
    ['dir', state.sort && state.direction === 'DESC' ? 'DESC' : undefined],
    ...pageEntries(state),
  ]);
}

export function toStudiosVariables(state: StudioListParams): StudiosQueryVariables {
  const filter: NonNullable<StudiosQueryVariables['filter']> = {};
  if (state.regionCode) filter.regionCode = state.regionCode;
  if (state.search) filter.search = state.search;
  if (state.kind) filter.kind = state.kind;
  if (state.status) filter.status = state.status;
  return {
    filter,
    offset: (state.page - 1) * state.pageSize,
    limit: state.pageSize,
    order: state.sort ? { field: state.sort, direction: state.direction ?? 'ASC' } : undefined,
  };
}
