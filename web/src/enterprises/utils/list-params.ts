import { INDUSTRY_SECTIONS } from '@registry/domain';
import type { EnterpriseSort, EnterprisesQueryVariables, SizeClass } from '@registry/graphql-client';
import {
  pageEntries,
  readBoolean,
  readList,
  readOneOf,
  readPage,
  readText,
  writeParams,
  type PageState,
  type SortDirection,
} from '../../app/utils/url-params';

// The enterprise list's state in the URL (?region=220104&size=LARGE,MEDIUM&covered=false …).
export type Ownership = 'public' | 'nonPublic';
/** active (default): registered ones; closed: deactivated ones; all: both */
export type EnterpriseStatusFilter = 'active' | 'closed' | 'all';

export interface EnterpriseListParams extends PageState {
  regionCode?: string;
  search?: string;
  sizeClasses: SizeClass[];
  covered?: boolean;
  industrySection?: string;
  ownership?: Ownership;
  socialOrganization?: boolean;
  status: EnterpriseStatusFilter;
  sort?: EnterpriseSort;
  direction?: SortDirection;
}

export const SIZE_CLASS_VALUES: readonly SizeClass[] = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'];
export const OWNERSHIPS: readonly Ownership[] = ['public', 'nonPublic'];
export const STATUS_FILTERS: readonly EnterpriseStatusFilter[] = ['active', 'closed', 'all'];
const SECTIONS = INDUSTRY_SECTIONS.map((entry) => entry.section as string);
const SORTS: readonly EnterpriseSort[] = ['NAME', 'EMPLOYEES', 'REVENUE', 'REGION', 'NEWEST'];
const DIRECTIONS: readonly SortDirection[] = ['ASC', 'DESC'];

export function parseEnterpriseListParams(params: URLSearchParams): EnterpriseListParams {
  const sort = readOneOf(params, 'sort', SORTS);
  return {
    ...readPage(params),
    regionCode: readText(params, 'region'),
    search: readText(params, 'q'),
    sizeClasses: readList(params, 'size', SIZE_CLASS_VALUES),
    covered: readBoolean(params, 'covered'),
    industrySection: readOneOf(params, 'section', SECTIONS),
    ownership: readOneOf(params, 'ownership', OWNERSHIPS),
    socialOrganization: readBoolean(params, 'social'),
    status: readOneOf(params, 'status', STATUS_FILTERS) ?? 'active',
    sort,
    direction: sort ? (readOneOf(params, 'dir', DIRECTIONS) ?? 'ASC') : undefined,
  };
}

export function serializeEnterpriseListParams(state: EnterpriseListParams): URLSearchParams {
  return writeParams([
    ['region', state.regionCode],
    ['q', state.search?.trim()],
    ['size', state.sizeClasses],
    ['covered', state.covered],
    ['section', state.industrySection],
    ['ownership', state.ownership],
    ['social', state.socialOrganization],
    ['status', state.status !== 'active' ? state.status : undefined],
    ['sort', state.sort],
    ['dir', state.sort && state.direction === 'DESC' ? 'DESC' : undefined],
    ...pageEntries(state),
  ]);
}

export function withFilters(state: EnterpriseListParams, changes: Partial<EnterpriseListParams>): EnterpriseListParams {
  return { ...state, ...changes, page: 1 };
}

export function toEnterprisesVariables(state: EnterpriseListParams): EnterprisesQueryVariables {
  const filter: NonNullable<EnterprisesQueryVariables['filter']> = {};
  if (state.regionCode) filter.regionCode = state.regionCode;
  if (state.search) filter.search = state.search;
  if (state.sizeClasses.length) filter.sizeClasses = state.sizeClasses;
  if (state.covered !== undefined) filter.covered = state.covered;
  if (state.industrySection) filter.industrySection = state.industrySection;
  if (state.ownership) filter.publicOwned = state.ownership === 'public';
  if (state.socialOrganization !== undefined) filter.socialOrganization = state.socialOrganization;
  // The server's default is active only; null asks for both.
  filter.active = state.status === 'all' ? null : state.status === 'active';
  return {
    filter,
    offset: (state.page - 1) * state.pageSize,
    limit: state.pageSize,
    order: state.sort ? { field: state.sort, direction: state.direction ?? 'ASC' } : undefined,
  };
}
