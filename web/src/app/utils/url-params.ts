// Small readers and writers for list state kept in the URL query string, so a filtered,
// sorted page can be bookmarked, shared and restored with the back button.
export type SortDirection = 'ASC' | 'DESC';

export interface PageState {
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

export function readText(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key)?.trim();
  return value ? value : undefined;
}

export function readPositiveInt(params: URLSearchParams, key: string): number | undefined {
  const raw = params.get(key);
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value > 0 ? value : undefined;
}

/** Comma-separated values, each kept only if `allowed` accepts it. */
export function readList<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T[] {
  const raw = params.get(key);
  if (!raw) return [];
  return [...new Set(raw.split(',').filter((value): value is T => (allowed as readonly string[]).includes(value)))];
}

export function readIntList(params: URLSearchParams, key: string, min: number, max: number): number[] {
  const raw = params.get(key);
  if (!raw) return [];
  const values = raw
    .split(',')
    .filter((value) => /^\d+$/.test(value))
    .map(Number)
    .filter((value) => value >= min && value <= max);
  return [...new Set(values)].sort((left, right) => left - right);
}

export function readOneOf<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T | undefined {
  const raw = params.get(key);
  return raw && (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

export function readBoolean(params: URLSearchParams, key: string): boolean | undefined {
  const raw = params.get(key);
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return undefined;
}

export function readPage(params: URLSearchParams): PageState {
  const pageSize = readPositiveInt(params, 'pageSize');
  return {
    page: readPositiveInt(params, 'page') ?? 1,
    pageSize: pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** Writes only what differs from the default, in a stable order. */
export function writeParams(entries: [string, string | number | boolean | readonly (string | number)[] | undefined | null][]): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of entries) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
      continue;
    }
    params.set(key, String(value));
  }
  return params;
}

export function pageEntries(page: PageState): [string, number | undefined][] {
  return [
    ['page', page.page > 1 ? page.page : undefined],
    ['pageSize', page.pageSize !== DEFAULT_PAGE_SIZE ? page.pageSize : undefined],
  ];
}

/** antd Table sorter order ↔ API direction. */
export function toSortOrder(direction: SortDirection | undefined): 'ascend' | 'descend' | null {
  if (direction === 'ASC') return 'ascend';
  if (direction === 'DESC') return 'descend';
  return null;
}

export function fromSortOrder(order: 'ascend' | 'descend' | null | undefined): SortDirection | undefined {
  if (order === 'ascend') return 'ASC';
  if (order === 'descend') return 'DESC';
  return undefined;
}
