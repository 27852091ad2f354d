import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client, ClientBase, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  classifyEnterpriseSize,
  makeCreditCode,
  makeIdNumber,
  maskIdNumber,
  sizeRuleFor,
  todayIsoDate,
  type SizeClass,
  type SizeThreshold,
} from '@registry/domain';
import type { IdNumberVault } from '../../common/id-number-vault';
import { writeDemoHistory } from './demo-history';
import {
  CERTIFICATE_OCCUPATIONS,
  CERTIFYING_BODIES,
  COLLEGES,
  DISCIPLINARY_KINDS,
  ENTERPRISE_POSTS,
  FEMALE_GIVEN,
  GRADUATE_SCHOOLS,
  GRASSROOTS_POSTS,
  HONOR_TITLES,
  INCIDENT_KINDS,
  INDUSTRIES,
  KOREAN_SURNAMES,
  MALE_GIVEN,
  PHONE_PREFIXES,
  RELATED_MAJORS,
  RELATED_OCCUPATIONS,
  SECONDARY_MAJORS,
  SHORT_COURSES,
  SOCIAL_ORGANIZATIONS,
  SOCIAL_WORK_TITLES,
  SURNAMES,
  TRADE_NAME_CHARACTERS,
  TRAINING_PROVIDERS,
  TRIPARTITE_UNITS,
  UNIVERSITIES,
  UNRELATED_MAJORS,
  UNRELATED_OCCUPATIONS,
  type IndustryEntry,
  type OrganizationKind,
} from './demo-catalog';
import { seedStudiosDemo } from './studios-demo';
import { seedTrainingDemo } from './training-demo';

// The demo data: a deterministic, believable Jilin. Everything is drawn from seeded PRNG streams
// (one per table, so a table's content does not depend on how another one was drawn), held in
// column arrays, and bulk-loaded with COPY in one transaction. Ids are assigned here (COPY may
// write a GENERATED ALWAYS identity column) and the sequences are moved past them at the end.
//
// The story the yearly charts tell: coordinators join from 2021 to 2025, more each year; the
// share of large/medium enterprises and labor-relations social organizations with an active
// coordinator rises from ~20% at the end of 2021 to ~78% at the end of 2025, and township
// platforms get their grassroots coordinators over the same years, leaving some uncovered.

/** A size; `provinces` > 1 spreads it over Jilin and copies of its region tree (see cloneProvinces). */
export interface DemoSizes {
  enterprises: number;
  coordinators: number;
  provinces?: number;
}

export type DemoScale = 'demo' | 'province' | 'stress' | 'national' | DemoSizes;

export const DEMO_SCALES: Record<'demo' | 'province' | 'stress' | 'national', DemoSizes> = {
  demo: { enterprises: 20_000, coordinators: 5_000 },
  province: { enterprises: 400_000, coordinators: 50_000 },
  stress: { enterprises: 1_000_000, coordinators: 300_000 },
  // "national-lite" (issue 16): five provinces' worth of regions, a fifth of the data in each
  national: { enterprises: 5_000_000, coordinators: 1_000_000, provinces: 5 },
};

/**
 * The provinces the bulk generator lays beside Jilin for a size spread over several of them
 * (GB/T 2260 codes and names). Their region trees are Jilin's, copied under their codes and
 * marked synthetic: the sizes and the shape are what a scale bench needs, not the real map.
 */
export const OTHER_PROVINCES: readonly { code: string; name: string }[] = [
  { code: '21', name: '辽宁省' },
  { code: '23', name: '黑龙江省' },
  { code: '15', name: '内蒙古自治区' },
  { code: '13', name: '河北省' },
  { code: '14', name: '山西省' },
  { code: '37', name: '山东省' },
  { code: '41', name: '河南省' },
];

export const DEFAULT_DEMO_SEED = 20211120;

export interface GenerateDemoOptions {
  scale: DemoScale;
  seed?: number;
  vault: IdNumberVault;
  log?: (message: string) => void;
}

export interface GenerateDemoResult {
  enterprises: number;
  coordinators: number;
  seconds: number;
}

type Queryable = ClientBase;

/**
 * 'demo' | 'province' | 'stress' | 'national' | '<enterprises>x<coordinators>' (e.g. 3000x800) |
 * '<enterprises>x<coordinators>x<provinces>' (e.g. 5000000x1000000x5).
 */
export function parseDemoScale(raw: string | DemoScale | null | undefined): DemoScale {
  if (raw == null || raw === '') return 'demo';
  if (typeof raw !== 'string') return raw;
  const value = raw.trim().toLowerCase();
  if (value === 'demo' || value === 'province' || value === 'stress' || value === 'national') return value;
  const custom = /^(\d+)\s*[x/:,]\s*(\d+)(?:\s*[x/:,]\s*(\d+))?$/.exec(value);
  if (custom) return { enterprises: Number(custom[1]), coordinators: Number(custom[2]), ...(custom[3] ? { provinces: Number(custom[3]) } : {}) };
  throw new Error(`unknown demo scale "${raw}": use demo, province, stress, national, <enterprises>x<coordinators> or <enterprises>x<coordinators>x<provinces>`);
}

export function resolveDemoScale(scale: DemoScale): Required<DemoSizes> {
  const sizes = typeof scale === 'string' ? DEMO_SCALES[scale] : scale;
  if (!sizes) throw new Error(`unknown demo scale "${String(scale)}"`);
  const { enterprises, coordinators, provinces = 1 } = sizes;
  if (!Number.isInteger(enterprises) || enterprises < 1 || !Number.isInteger(coordinators) || coordinators < 0) {
    throw new Error(`demo scale needs a positive number of enterprises and coordinators: ${JSON.stringify(sizes)}`);
  }
  if (!Number.isInteger(provinces) || provinces < 1 || provinces > OTHER_PROVINCES.length + 1) {
    throw new Error(`demo scale spreads over 1 to ${OTHER_PROVINCES.length + 1} provinces: ${JSON.stringify(sizes)}`);
  }
  return { enterprises, coordinators, provinces };
}

/**
 * Lays the first `count - 1` of OTHER_PROVINCES beside Jilin: Jilin's region tree copied under
 * each province's code (22… → 21…, paths likewise), the province row named, every copy marked
 * synthetic. One statement per province, so the tree's own foreign key is checked at its end.
 */
export async function cloneProvinces(client: Queryable, count: number): Promise<number> {
  let added = 0;
  for (const province of OTHER_PROVINCES.slice(0, count - 1)) {
    const result = await client.query(
      `insert into region (code, name, level, parent_code, path, synthetic)
       select $1 || substr(code, 3), case when level = 'PROVINCE' then $2 else name end, level,
              case when parent_code is null then null else $1 || substr(parent_code, 3) end,
              regexp_replace(path, '(^|/)22', '\\1' || $1, 'g'), true
       from region where code like '22%' and path like '220000/%'
       on conflict (code) do nothing`,
      [province.code, province.name],
    );
    added += result.rowCount ?? 0;
  }
  return added;
}

// ---------------------------------------------------------------------------------------------
// Random numbers

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A separate stream per purpose, derived from the seed (splitmix-style mixing). */
function streamSeed(seed: number, stream: number): number {
  let z = (seed + Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** integer in [low, high] */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** log-uniform in [low, high) */
  logUniform(low: number, high: number): number {
    return low * Math.exp(this.next() * Math.log(high / low));
  }
  shuffle<T>(items: T[]): T[] {
    for (let index = items.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [items[index], items[other]] = [items[other], items[index]];
    }
    return items;
  }
}

/** Weighted choice by binary search over cumulative weights. */
class Weighted<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((weight, index) => {
      sum += Math.max(0, weight);
      this.cumulative[index] = sum;
    });
    this.total = sum;
  }
  static of<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
    return new Weighted(
      pairs.map(([item]) => item),
      pairs.map(([, weight]) => weight),
    );
  }
  get size(): number {
    return this.items.length;
  }
  pickIndex(random: Random): number {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
  pick(random: Random): T {
    return this.items[this.pickIndex(random)];
  }
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (days since 1970-01-01, UTC), formatted from a table

const MS_PER_DAY = 86_400_000;
const dayOf = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / MS_PER_DAY;
const TABLE_START = dayOf(1940, 1, 1);
const TABLE_END = dayOf(2031, 1, 1);
const ISO_DATES: string[] = [];
const YEARS = new Int16Array(TABLE_END - TABLE_START);
for (let day = TABLE_START; day < TABLE_END; day++) {
  const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  ISO_DATES.push(iso);
  YEARS[day - TABLE_START] = Number(iso.slice(0, 4));
}
const iso = (day: number): string => ISO_DATES[day - TABLE_START];
const yearOf = (day: number): number => YEARS[day - TABLE_START];
const addYears = (day: number, years: number): number => {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), Math.min(date.getUTCDate(), 28)) / MS_PER_DAY;
};

/** The data describes the years up to the end of 2025 (the 十四五 horizon). */
const DATA_END = dayOf(2025, 12, 31);
const REGISTRATION_START = dayOf(2015, 1, 1);
const FIRST_YEAR = 2021;
const LAST_YEAR = 2025;
const JOIN_YEAR_WEIGHTS = [0.12, 0.16, 0.2, 0.24, 0.28];
/** Cumulative share (of the final coverage) reached by the end of 2021 … 2025. */
const COVERAGE_PATH = [0.26, 0.45, 0.64, 0.82, 1];
/** Final share of large/medium enterprises and social organizations with a coordinator. */
const LARGE_MEDIUM_COVERAGE = 0.78;
const TOWNSHIP_COVERAGE = 0.72;
const LEFT_SHARE = 0.08;

const between = (random: Random, low: number, high: number): number => (high <= low ? low : random.int(low, high));
const clampDay = (day: number, low: number, high: number): number => Math.min(high, Math.max(low, day));

// ---------------------------------------------------------------------------------------------
// Regions, read from the region table

interface Place {
  code: string;
  name: string;
  level: 'PROVINCE' | 'UNIT' | 'COUNTY' | 'TOWNSHIP';
  path: string;
  unit: Place | null;
  county: Place | null;
  /** the province row above (itself for a province) */
  province: Place;
  /** a 6-digit GB/T 2260 code usable in ID numbers and credit codes */
  code6: string;
  /** county-level: code6 is a real GB/T 2260 code (not an NBS 7x development zone or a project code) */
  realCounty: boolean;
  /** as used in enterprise names: 长春市, 农安县 … */
  prefix: string;
  /** short city name: 长春, 延边, 长白山 */
  short: string;
  weight: number;
}

/** by Jilin's unit codes; a copied province (cloneProvinces) weighs its units as Jilin's */
const UNIT_WEIGHTS: Record<string, number> = {
  '220100': 3.0, '220200': 1.8, '222400': 1.0, '220300': 0.9, '220700': 0.9, '220581': 0.9, '220500': 0.8,
  '220800': 0.7, '220400': 0.6, '220600': 0.6, '229900': 0.5,
};

/** 南关区 → 长春市南关区; counties, county-level cities and zones named after their city stay as they are. */
function fullName(place: Place): string {
  if (place.level !== 'COUNTY' || !place.unit || !place.name.endsWith('区') || place.name.startsWith(place.short)) return place.name;
  return place.unit.name + place.name;
}

/** 长白山保护开发区池西区特殊乡镇 → 长白山保护开发区池西区 */
function townshipName(place: Place): string {
  return place.name.replace(/特殊乡镇$/, '');
}

function shortUnitName(name: string): string {
  return name.replace(/朝鲜族自治州$/, '').replace(/管委会$/, '').replace(/市$/, '');
}

/** Jilin's code of a region, also for the copies of its tree under other provinces' codes */
function jilinCode(code: string): string {
  return `22${code.slice(2)}`;
}

interface Regions {
  provinces: Place[];
  units: Place[];
  counties: Place[];
  townships: Place[];
  realCountyCodes: string[];
}

async function loadRegions(client: Queryable): Promise<Regions> {
  const { rows } = await client.query<{ code: string; name: string; level: Place['level']; parent_code: string | null; path: string }>(
    `select code, name, level, parent_code, path from region order by path`,
  );
  const byCode = new Map<string, Place>();
  const all: Place[] = [];
  for (const row of rows) {
    const segments = row.path.split('/').filter(Boolean);
    const unit = segments.length >= 2 ? (byCode.get(segments[1]) ?? null) : null;
    const parent = row.parent_code ? byCode.get(row.parent_code) : undefined;
    const county = row.level === 'COUNTY' ? null : parent?.level === 'COUNTY' ? parent : null;
    const place: Place = {
      code: row.code,
      name: row.name,
      level: row.level,
      path: row.path,
      unit: row.level === 'UNIT' ? null : unit,
      county,
      province: undefined as unknown as Place,
      code6: row.code.slice(0, 6),
      realCounty: row.level === 'COUNTY' && /^\d{6}$/.test(row.code) && row.code[4] !== '7',
      prefix: '',
      short: '',
      weight: 0,
    };
    byCode.set(row.code, place);
    all.push(place);
  }
  const provinces = all.filter((place) => place.level === 'PROVINCE');
  const townships = all.filter((place) => place.level === 'TOWNSHIP');
  if (provinces.length === 0 || townships.length === 0) {
    throw new Error('the region table is empty: run the migrations (SeedRegions) before generating demo data');
  }
  for (const place of all) {
    place.province = byCode.get(place.path.split('/')[0])!;
    const unit = place.level === 'UNIT' ? place : place.unit;
    place.short = unit ? shortUnitName(unit.name) : place.province.name.replace(/(省|自治区)$/, '');
    const unitPrefix = unit ? (jilinCode(unit.code) === '222400' || jilinCode(unit.code) === '229900' ? place.short : unit.name) : place.province.name;
    const county = place.level === 'COUNTY' ? place : place.county;
    // 县 and county-level cities lend their own name (农安县…, 榆树市…); districts use the city's.
    place.prefix = county && /[县市旗]$/.test(county.name) ? county.name : unitPrefix;
    if (place.level === 'TOWNSHIP') {
      const kind = place.name.endsWith('街道') ? 2.5 : place.name.endsWith('镇') ? 1.0 : place.name.endsWith('乡') ? 0.45 : 0.8;
      const district = county?.name.endsWith('区') ? 1.3 : 1;
      place.weight = (UNIT_WEIGHTS[unit ? jilinCode(unit.code) : ''] ?? 0.7) * kind * district;
    }
  }
  const counties = all.filter((place) => place.level === 'COUNTY');
  const realCountyCodes = counties.filter((place) => place.realCounty).map((place) => place.code6);
  return { provinces, units: all.filter((place) => place.level === 'UNIT'), counties, townships, realCountyCodes };
}

// ---------------------------------------------------------------------------------------------
// Enterprises

const SIZE_CODES: SizeClass[] = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'];
const LARGE = 0;
const MEDIUM = 1;
const SMALL = 2;
const MICRO = 3;
/** target tier shares before the size rule has its say (large, medium, small, micro) */
const TIER_WEIGHTS = [0.006, 0.036, 0.2, 0.758];
const PUBLIC_BY_TIER = [0.5, 0.36, 0.22, 0.18];
const SOCIAL_ORGANIZATION_SHARE = 0.01;
const CREDIT_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

interface Enterprises {
  count: number;
  name: string[];
  creditCode: string[];
  township: Int32Array;
  industry: string[];
  employees: Int32Array;
  revenue: Float64Array;
  assets: Float64Array;
  size: Uint8Array;
  publicOwned: Uint8Array;
  social: Uint8Array;
  /** 三(一) category of the employer's coordinators: 1 employer, 2 HR/legal services, 4 association */
  staffCategory: Uint8Array;
  registeredOn: Int32Array;
  /** earliest joined_on of a coordinator employed there */
  firstJoin: Int32Array;
}

/** GB 11714 organization code: 8 characters and a check character. */
function organizationCode(body8: string): string {
  let sum = 0;
  for (let index = 0; index < 8; index++) {
    const character = body8[index];
    const value = character >= '0' && character <= '9' ? Number(character) : character.charCodeAt(0) - 55;
    sum += value * ORGANIZATION_CODE_WEIGHTS[index];
  }
  const check = 11 - (sum % 11);
  return body8 + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** Six credit-code characters, unique per index (a bijection of 0 … 31^6-1). */
function uniqueBody(index: number, offset: number): string {
  const modulus = 31 ** 6;
  let value = (index * 559_893_211 + offset) % modulus;
  let text = '';
  for (let position = 0; position < 6; position++) {
    text = CREDIT_CHARACTERS[value % 31] + text;
    value = Math.floor(value / 31);
  }
  return text;
}

function tierBand(threshold: SizeThreshold, tier: number): [number, number] {
  switch (tier) {
    case LARGE:
      return [threshold.large, threshold.large * 3];
    case MEDIUM:
      return [threshold.medium, threshold.large];
    case SMALL:
      return [threshold.small, threshold.medium];
    default:
      return [Math.max(threshold.small * 0.04, 0.5), threshold.small];
  }
}

const GENERIC_EMPLOYEES: [number, number][] = [
  [500, 5000],
  [100, 1000],
  [10, 150],
  [1, 15],
];

interface PreparedIndustry extends IndustryEntry {
  section: string;
  thresholds: readonly SizeThreshold[];
}

function prepareIndustry(entry: IndustryEntry): PreparedIndustry {
  const match = sizeRuleFor(entry.code);
  if (!match) throw new Error(`demo catalog: invalid industry code ${entry.code}`);
  return { ...entry, section: entry.code[0], thresholds: match.rule.thresholds };
}

function generateEnterprises(count: number, regions: Regions, seed: number, log: (message: string) => void): Enterprises {
  const random = new Random(streamSeed(seed, 1));
  const tradeCharacters = [...new Set(TRADE_NAME_CHARACTERS)];
  const industries = new Weighted(INDUSTRIES.map(prepareIndustry), INDUSTRIES.map((entry) => entry.weight));
  const socialIndustries = SOCIAL_ORGANIZATIONS.map((entry) => ({ ...prepareIndustry({ code: entry.code, descs: entry.names, weight: 1, revenuePerEmployee: 8, assetRatio: 1 }) }));
  const townships = new Weighted(regions.townships, regions.townships.map((place) => place.weight));
  const tiers = new Weighted([LARGE, MEDIUM, SMALL, MICRO], TIER_WEIGHTS);
  const codeOffset = random.int(0, 31 ** 6 - 1);

  const result: Enterprises = {
    count,
    name: new Array<string>(count),
    creditCode: new Array<string>(count),
    township: new Int32Array(count),
    industry: new Array<string>(count),
    employees: new Int32Array(count),
    revenue: new Float64Array(count),
    assets: new Float64Array(count),
    size: new Uint8Array(count),
    publicOwned: new Uint8Array(count),
    social: new Uint8Array(count),
    staffCategory: new Uint8Array(count),
    registeredOn: new Int32Array(count),
    firstJoin: new Int32Array(count).fill(DATA_END + 1),
  };
  const tradeName = () => {
    const first = random.pick(tradeCharacters);
    let second = random.pick(tradeCharacters);
    while (second === first) second = random.pick(tradeCharacters);
    return first + second;
  };
  const round2 = (value: number) => Math.round(value * 100) / 100;

  for (let index = 0; index < count; index++) {
    // Every township gets at least one enterprise (when there are enough), then by weight.
    const townshipIndex = index < regions.townships.length && count >= regions.townships.length ? index : townships.pickIndex(random);
    const township = regions.townships[townshipIndex];
    result.township[index] = townshipIndex;
    const social = random.chance(SOCIAL_ORGANIZATION_SHARE);
    const industry = social ? random.pick(socialIndustries) : industries.pick(random);
    let tier = social ? (random.chance(0.25) ? SMALL : MICRO) : tiers.pick(random);

    // Figures inside the tier's band of each indicator the size rule uses; sometimes one
    // indicator a band lower (the rule then drops the enterprise a class, as in real life).
    const values: Record<string, number> = {};
    const lowered = tier < MICRO && random.chance(0.12) ? random.int(0, industry.thresholds.length - 1) : -1;
    industry.thresholds.forEach((threshold, position) => {
      const [low, high] = tierBand(threshold, position === lowered ? tier + 1 : tier);
      values[threshold.indicator] = random.logUniform(Math.max(low, 0.5), Math.max(high, low + 1));
    });
    const [employeeLow, employeeHigh] = social ? [2, tier === SMALL ? 40 : 10] : GENERIC_EMPLOYEES[tier];
    const employees = Math.max(1, Math.floor(values.EMPLOYEES ?? random.logUniform(employeeLow, employeeHigh)));
    const revenue = round2(values.REVENUE ?? employees * industry.revenuePerEmployee * random.logUniform(0.5, 2));
    const assets = round2(values.ASSETS ?? Math.max(revenue, 5) * industry.assetRatio * random.logUniform(0.5, 2));
    const size = classifyEnterpriseSize({ industryCode: industry.code, employees, revenue, assets }).sizeClass;
    tier = SIZE_CODES.indexOf(size);

    const publicOwned = random.chance(Math.min(0.95, PUBLIC_BY_TIER[tier] * (industry.publicBias ?? 1)) * (social ? 0 : 1));
    let kind: OrganizationKind | 'social' = social ? 'social' : (industry.kind ?? 'company');
    if (!social && industry.coopShare && tier >= SMALL && random.chance(industry.coopShare)) kind = 'coop';
    const desc = random.pick(industry.descs);
    const prefixRoll = random.next();
    const prefix =
      tier <= MEDIUM && prefixRoll < 0.35
        ? township.province.name
        : prefixRoll < 0.12
          ? township.province.name
          : prefixRoll < 0.5
            ? township.prefix
            : prefixRoll < 0.7
              ? township.short
              : (township.county ?? township).prefix;
    let name: string;
    let authority: string;
    switch (kind) {
      case 'social':
        name =
          desc === '商会' && township.county && random.chance(0.5)
            ? `${fullName(township.county)}${townshipName(township)}商会`
            : `${township.county && random.chance(0.5) ? fullName(township.county) : township.prefix}${desc}`;
        authority = '51';
        break;
      case 'coop':
        name = `${(township.county ?? township).prefix}${tradeName()}${desc}专业合作社`;
        authority = '93';
        break;
      case 'law':
        name = `吉林${tradeName()}律师事务所`;
        authority = '31';
        break;
      case 'nonprofit':
        name = `${prefix}${tradeName()}${desc}`;
        authority = '52';
        break;
      default: {
        const suffixRoll = random.next();
        const suffix =
          tier === LARGE
            ? suffixRoll < 0.45 ? '集团有限公司' : suffixRoll < 0.85 ? '股份有限公司' : '有限公司'
            : tier === MEDIUM
              ? suffixRoll < 0.5 ? '有限公司' : suffixRoll < 0.8 ? '股份有限公司' : '有限责任公司'
              : publicOwned
                ? suffixRoll < 0.6 ? '有限责任公司' : '有限公司'
                : suffixRoll < 0.75 ? '有限公司' : suffixRoll < 0.95 ? '有限责任公司' : '股份有限公司';
        name = `${prefix}${tradeName()}${desc}${suffix}`;
        authority = '91';
      }
    }
    // Registration authority's region: big ones often registered with the province or city.
    const county = township.county ?? township;
    const unitCode = township.unit && /^\d{4}00$/.test(township.unit.code) ? township.unit.code : county.code6;
    const registration =
      tier === LARGE && random.chance(0.4) ? township.province.code6 : tier <= MEDIUM && random.chance(0.3) ? unitCode : township.code6;
    const body = kind === 'social' || kind === 'nonprofit' ? 'MJ' : kind === 'law' ? '31' : 'MA';
    const creditCode = makeCreditCode(`${authority}${registration}${organizationCode(body + uniqueBody(index, codeOffset))}`);

    result.name[index] = name;
    result.creditCode[index] = creditCode;
    result.industry[index] = industry.code;
    result.employees[index] = employees;
    result.revenue[index] = revenue;
    result.assets[index] = assets;
    result.size[index] = tier;
    result.publicOwned[index] = publicOwned ? 1 : 0;
    result.social[index] = social ? 1 : 0;
    result.staffCategory[index] = social ? 4 : industry.code.startsWith('L726') || industry.code === 'L7221' ? 2 : 1;
  }
  const bySize = [0, 0, 0, 0];
  result.size.forEach((tier) => bySize[tier]++);
  log(
    `enterprises: ${count} (large ${bySize[LARGE]}, medium ${bySize[MEDIUM]}, small ${bySize[SMALL]}, micro ${bySize[MICRO]}; ` +
      `large+medium ${((100 * (bySize[LARGE] + bySize[MEDIUM])) / count).toFixed(1)}%)`,
  );
  return result;
}

/** Registration dates: before the first coordinator joined; larger ones registered earlier. */
function assignRegistrationDates(enterprises: Enterprises, seed: number): void {
  const random = new Random(streamSeed(seed, 2));
  for (let index = 0; index < enterprises.count; index++) {
    const latest = Math.min(DATA_END - 30, enterprises.firstJoin[index] - 30);
    const skew = enterprises.size[index] <= MEDIUM ? 2.2 : enterprises.size[index] === SMALL ? 1.2 : 0.9;
    enterprises.registeredOn[index] = REGISTRATION_START + Math.floor((latest - REGISTRATION_START) * random.next() ** skew);
  }
}

// ---------------------------------------------------------------------------------------------
// Coordinators

const ENTERPRISE = 0;
const GRASSROOTS = 1;
const TRIPARTITE = 2;
const OTHER = 3;
const AFFILIATIONS = ['ENTERPRISE', 'GRASSROOTS', 'TRIPARTITE', 'OTHER'];
const AFFILIATION_WEIGHTS = [0.6, 0.25, 0.1, 0.05];
const EDUCATION_LEVELS = ['SECONDARY_OR_BELOW', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR'];

interface Coordinators {
  count: number;
  joinedOn: Int32Array;
  leftOn: Int32Array;
  affiliation: Uint8Array;
  category: Uint8Array;
  enterprise: Int32Array;
  place: Place[];
  unitName: (string | null)[];
  post: string[];
  name: string[];
  female: Uint8Array;
  birth: Int32Array;
  idNumber: string[];
  phone: string[];
  /** the employer's name for work history */
  employer: string[];
  /** 0 none, else the skill level 1–5 of the first certificate */
  certificateLevel: Uint8Array;
  certificateOccupation: Uint8Array;
  certifiedOn: Int32Array;
  /** index into EDUCATION_LEVELS of the highest degree */
  education: Uint8Array;
  relatedMajor: Uint8Array;
}

function generateCoordinators(
  count: number,
  enterprises: Enterprises,
  regions: Regions,
  seed: number,
  log: (message: string) => void,
): Coordinators {
  const random = new Random(streamSeed(seed, 3));
  const joinedOn = new Int32Array(count);
  const joinYears = new Weighted([2021, 2022, 2023, 2024, 2025], JOIN_YEAR_WEIGHTS);
  for (let index = 0; index < count; index++) {
    const year = joinYears.pick(random);
    joinedOn[index] = between(random, dayOf(year, 1, 4), Math.min(dayOf(year, 12, 28), DATA_END));
  }
  // Ids in order of joining, like a register filled over the years.
  joinedOn.sort();

  const coordinators: Coordinators = {
    count,
    joinedOn,
    leftOn: new Int32Array(count),
    affiliation: new Uint8Array(count),
    category: new Uint8Array(count),
    enterprise: new Int32Array(count).fill(-1),
    place: new Array<Place>(count),
    unitName: new Array<string | null>(count).fill(null),
    post: new Array<string>(count),
    name: new Array<string>(count),
    female: new Uint8Array(count),
    birth: new Int32Array(count),
    idNumber: new Array<string>(count),
    phone: new Array<string>(count),
    employer: new Array<string>(count),
    certificateLevel: new Uint8Array(count),
    certificateOccupation: new Uint8Array(count),
    certifiedOn: new Int32Array(count),
    education: new Uint8Array(count),
    relatedMajor: new Uint8Array(count),
  };
  const affiliations = new Weighted([ENTERPRISE, GRASSROOTS, TRIPARTITE, OTHER], AFFILIATION_WEIGHTS);
  const perYear = (kind: number) => {
    const counts = new Map<number, number>();
    for (let index = 0; index < count; index++) {
      if (coordinators.affiliation[index] !== kind) continue;
      const year = yearOf(joinedOn[index]);
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
    return counts;
  };
  for (let index = 0; index < count; index++) coordinators.affiliation[index] = affiliations.pick(random);

  // --- who covers what, year by year
  const coverer = new Uint8Array(count);
  const pool: number[] = [];
  const smallMicro: number[] = [];
  const smallMicroWeights: number[] = [];
  for (let index = 0; index < enterprises.count; index++) {
    if (enterprises.size[index] <= MEDIUM || enterprises.social[index]) pool.push(index);
    else {
      smallMicro.push(index);
      smallMicroWeights.push(enterprises.size[index] === SMALL ? 4 : 1);
    }
  }
  random.shuffle(pool);
  const smallMicroPick = new Weighted(smallMicro, smallMicroWeights);
  const enterprisePerYear = perYear(ENTERPRISE);
  const enterpriseStaff = [...enterprisePerYear.values()].reduce((sum, value) => sum + value, 0);
  const coverTarget = Math.min(Math.round(LARGE_MEDIUM_COVERAGE * pool.length), Math.round(0.85 * enterpriseStaff));

  const townshipOrder = random.shuffle(regions.townships.map((_, index) => index));
  const grassrootsPerYear = perYear(GRASSROOTS);
  const grassrootsStaff = [...grassrootsPerYear.values()].reduce((sum, value) => sum + value, 0);
  const townshipTarget = Math.min(Math.round(TOWNSHIP_COVERAGE * townshipOrder.length), Math.round(0.8 * grassrootsStaff));

  let covered = 0;
  let townshipsCovered = 0;
  const scanYear = (year: number, start: number): number => {
    let end = start;
    while (end < count && yearOf(joinedOn[end]) === year) end++;
    const step = year - FIRST_YEAR;
    let enterpriseNeed = Math.round(COVERAGE_PATH[step] * coverTarget) - covered;
    let enterpriseLeft = enterprisePerYear.get(year) ?? 0;
    let townshipNeed = Math.round(COVERAGE_PATH[step] * townshipTarget) - townshipsCovered;
    let townshipLeft = grassrootsPerYear.get(year) ?? 0;
    for (let index = start; index < end; index++) {
      const affiliation = coordinators.affiliation[index];
      if (affiliation === ENTERPRISE) {
        let enterprise: number;
        if (enterpriseNeed > 0 && covered < pool.length && random.next() < enterpriseNeed / enterpriseLeft) {
          enterprise = pool[covered++];
          enterpriseNeed--;
          coverer[index] = 1;
        } else if (covered > 0 && (smallMicro.length === 0 || random.chance(0.25))) {
          enterprise = pool[random.int(0, covered - 1)];
        } else if (smallMicro.length > 0) {
          enterprise = smallMicroPick.pick(random);
        } else {
          enterprise = pool[random.int(0, pool.length - 1)];
        }
        enterpriseLeft--;
        coordinators.enterprise[index] = enterprise;
        if (enterprises.firstJoin[enterprise] > joinedOn[index]) enterprises.firstJoin[enterprise] = joinedOn[index];
        coordinators.place[index] = regions.townships[enterprises.township[enterprise]];
      } else if (affiliation === GRASSROOTS) {
        let township: number;
        if (townshipNeed > 0 && random.next() < townshipNeed / townshipLeft) {
          township = townshipOrder[townshipsCovered++];
          townshipNeed--;
          coverer[index] = 1;
        } else if (townshipsCovered > 0) {
          township = townshipOrder[random.int(0, townshipsCovered - 1)];
        } else {
          township = townshipOrder[townshipsCovered++];
          coverer[index] = 1;
        }
        townshipLeft--;
        coordinators.place[index] = regions.townships[township];
      }
    }
    return end;
  };
  let cursor = 0;
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) cursor = scanYear(year, cursor);

  // --- tripartite member units, mediation and others; categories, posts, departures
  const tripartiteUnits = new Weighted(TRIPARTITE_UNITS, TRIPARTITE_UNITS.map((unit) => unit.weight));
  const countiesAndUnits = [...regions.counties, ...regions.units];
  const townships = new Weighted(regions.townships, regions.townships.map((place) => place.weight));
  const coverers = coverer.reduce((sum, value) => sum + value, 0);
  const leftChance = Math.min(0.5, (LEFT_SHARE * count) / Math.max(1, count - coverers));
  for (let index = 0; index < count; index++) {
    const affiliation = coordinators.affiliation[index];
    if (affiliation === ENTERPRISE) {
      const enterprise = coordinators.enterprise[index];
      coordinators.category[index] = enterprises.staffCategory[enterprise];
      coordinators.post[index] = random.pick(ENTERPRISE_POSTS);
      coordinators.employer[index] = enterprises.name[enterprise];
    } else if (affiliation === GRASSROOTS) {
      const township = coordinators.place[index];
      const unitName = `${townshipName(township)}${township.name.endsWith('街道') ? '劳动保障事务所' : '人力资源和社会保障服务中心'}`;
      coordinators.category[index] = 3;
      coordinators.unitName[index] = unitName;
      coordinators.employer[index] = unitName;
      coordinators.post[index] = random.pick(GRASSROOTS_POSTS);
    } else if (affiliation === TRIPARTITE) {
      const unit = tripartiteUnits.pick(random);
      const roll = random.next();
      const place = roll < 0.04 ? (regions.provinces.length === 1 ? regions.provinces[0] : random.pick(regions.provinces)) : roll < 0.75 ? random.pick(regions.counties) : random.pick(regions.units);
      const unitName = place.level === 'PROVINCE' ? unit.provinceName : `${fullName(place)}${unit.suffix}`;
      coordinators.place[index] = place;
      coordinators.category[index] = unit.category;
      coordinators.unitName[index] = unitName;
      coordinators.employer[index] = unitName;
      coordinators.post[index] = random.pick(unit.posts);
    } else {
      const mediation = random.chance(0.5);
      let unitName: string;
      let place: Place;
      if (mediation) {
        if (random.chance(0.5)) {
          place = townships.pick(random);
          unitName = `${townshipName(place)}人民调解委员会`;
        } else {
          place = random.pick(countiesAndUnits);
          unitName = `${fullName(place)}${random.pick(['劳动人事争议调解中心', '物流行业调解委员会', '建筑业劳动争议调解委员会'])}`;
        }
        coordinators.category[index] = 5;
        coordinators.post[index] = random.pick(['专职调解员', '调解委员会主任', '兼职调解员']);
      } else {
        place = random.pick(countiesAndUnits);
        unitName = `${fullName(place)}${random.pick(['法律援助中心', '劳动关系研究会', '人力资源服务产业园', '职工服务中心'])}`;
        coordinators.category[index] = 6;
        coordinators.post[index] = random.pick(['工作人员', '法律顾问', '项目主管']);
      }
      coordinators.place[index] = place;
      coordinators.unitName[index] = unitName;
      coordinators.employer[index] = unitName;
    }
    const joined = joinedOn[index];
    if (!coverer[index] && DATA_END - joined > 120 && random.chance(leftChance)) {
      coordinators.leftOn[index] = between(random, joined + 90, DATA_END);
    }
  }

  // --- the people
  const surnames = Weighted.of(SURNAMES);
  const koreanSurnames = Weighted.of(KOREAN_SURNAMES);
  const maleGiven = [...MALE_GIVEN];
  const femaleGiven = [...FEMALE_GIVEN];
  const usedIds = new Set<string>();
  const certificateOccupations = new Weighted(
    CERTIFICATE_OCCUPATIONS.map((_, index) => index),
    CERTIFICATE_OCCUPATIONS.map(([, weight]) => weight),
  );
  const certificateLevels = new Weighted([5, 4, 3, 2, 1], [0.09, 0.4, 0.33, 0.15, 0.03]);
  const socialWorkLevels = new Weighted([3, 2, 1], [0.6, 0.35, 0.05]);
  const educationLevels = new Weighted([0, 1, 2, 3, 4], [0.1, 0.35, 0.45, 0.09, 0.01]);
  const certificateChance = [0.7, 0.74, 0.68, 0.6];
  for (let index = 0; index < count; index++) {
    const place = coordinators.place[index];
    const female = random.chance(0.56);
    const korean = (place.unit ? jilinCode(place.unit.code) === '222400' : false) && random.chance(0.3);
    const surname = (korean ? koreanSurnames : surnames).pick(random);
    const given = female ? femaleGiven : maleGiven;
    const name = surname + random.pick(given) + (random.chance(0.68) ? random.pick(given) : '');
    // Born 1965–1998, most around 1980–1990.
    const year = Math.round(1965 + 33 * ((random.next() + random.next() + random.next()) / 3));
    const birth = between(random, dayOf(year, 1, 1), dayOf(year, 12, 31));
    // Born in the home county mostly, elsewhere in Jilin sometimes.
    const home = place.level === 'TOWNSHIP' ? (place.county ?? place) : place;
    const localCodes = regions.realCountyCodes.filter((code) => home.path.includes(`/${code}/`) || code.slice(0, 4) === home.code6.slice(0, 4));
    const region6 =
      random.chance(0.8) && home.realCounty
        ? home.code6
        : random.chance(0.8) && place.level === 'TOWNSHIP' && /^\d{6}$/.test(place.code6) && place.code6[4] !== '7'
          ? place.code6
          : random.chance(0.6) && localCodes.length > 0
            ? random.pick(localCodes)
            : random.pick(regions.realCountyCodes);
    let sequence = random.int(0, 999);
    let idNumber = makeIdNumber(region6, iso(birth), sequence, female ? 'FEMALE' : 'MALE');
    while (usedIds.has(idNumber)) {
      sequence = (sequence + 2) % 1000;
      idNumber = makeIdNumber(region6, iso(birth), sequence, female ? 'FEMALE' : 'MALE');
    }
    usedIds.add(idNumber);
    coordinators.name[index] = name;
    coordinators.female[index] = female ? 1 : 0;
    coordinators.birth[index] = birth;
    coordinators.idNumber[index] = idNumber;
    coordinators.phone[index] = random.pick(PHONE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');

    // Facts the sub-record streams share.
    const affiliation = coordinators.affiliation[index];
    if (random.chance(certificateChance[affiliation])) {
      const occupation = certificateOccupations.pick(random);
      coordinators.certificateOccupation[index] = occupation;
      coordinators.certificateLevel[index] = CERTIFICATE_OCCUPATIONS[occupation][0] === '社会工作者' ? socialWorkLevels.pick(random) : certificateLevels.pick(random);
      const joined = joinedOn[index];
      const earliest = Math.max(dayOf(2016, 1, 1), addYears(birth, 22));
      coordinators.certifiedOn[index] = random.chance(0.65)
        ? clampDay(joined + random.int(-730, 540), earliest, DATA_END)
        : clampDay(between(random, dayOf(2016, 1, 1), DATA_END), earliest, DATA_END);
    }
    coordinators.education[index] = educationLevels.pick(random);
    coordinators.relatedMajor[index] = random.chance(0.45) ? 1 : 0;
  }
  log(`coordinators: ${count} (${enterpriseStaff} at employers covering ${covered} of ${pool.length} large/medium enterprises and social organizations; ${grassrootsStaff} grassroots in ${townshipsCovered} townships)`);
  return coordinators;
}

// ---------------------------------------------------------------------------------------------
// COPY

const NULL = '\\N';
const bool = (value: boolean | number): string => (value ? 't' : 'f');

async function copyInto(client: Queryable, table: string, columns: string[], lines: Iterable<string>): Promise<number> {
  let rows = 0;
  function* chunks(): Generator<string> {
    let batch: string[] = [];
    for (const line of lines) {
      batch.push(line);
      rows++;
      if (batch.length === 4000) {
        yield batch.join('\n') + '\n';
        batch = [];
      }
    }
    if (batch.length > 0) yield batch.join('\n') + '\n';
  }
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks(), { objectMode: false }), stream);
  return rows;
}

function* enterpriseLines(enterprises: Enterprises, regions: Regions): Generator<string> {
  for (let index = 0; index < enterprises.count; index++) {
    const township = regions.townships[enterprises.township[index]];
    const industry = enterprises.industry[index];
    yield [
      index + 1,
      enterprises.creditCode[index],
      enterprises.name[index],
      township.code,
      township.path,
      industry,
      industry[0],
      enterprises.employees[index],
      enterprises.revenue[index].toFixed(2),
      enterprises.assets[index].toFixed(2),
      bool(enterprises.publicOwned[index]),
      bool(enterprises.social[index]),
      SIZE_CODES[enterprises.size[index]],
      iso(enterprises.registeredOn[index]),
    ].join('\t');
  }
}

function* incidentLines(enterprises: Enterprises, seed: number): Generator<string> {
  const random = new Random(streamSeed(seed, 4));
  const wanted = Math.max(3, Math.round(enterprises.count * 0.012));
  const chosen = new Set<number>();
  const largeMedium: number[] = [];
  for (let index = 0; index < enterprises.count; index++) if (enterprises.size[index] <= MEDIUM) largeMedium.push(index);
  for (let attempt = 0; chosen.size < wanted && attempt < wanted * 5; attempt++) {
    const index = largeMedium.length > 0 && random.chance(0.4) ? random.pick(largeMedium) : random.int(0, enterprises.count - 1);
    if (enterprises.registeredOn[index] + 180 < DATA_END) chosen.add(index);
  }
  let id = 0;
  for (const index of [...chosen].sort((left, right) => left - right)) {
    const kind = random.pick(INCIDENT_KINDS);
    const occurred = between(random, Math.max(enterprises.registeredOn[index] + 180, dayOf(2016, 1, 1)), DATA_END);
    yield [++id, index + 1, kind.kind, iso(occurred), random.pick(kind.descriptions)].join('\t');
  }
}

function* coordinatorLines(coordinators: Coordinators, vault: IdNumberVault): Generator<string> {
  for (let index = 0; index < coordinators.count; index++) {
    const idNumber = coordinators.idNumber[index];
    const sealed = vault.seal(idNumber);
    const place = coordinators.place[index];
    const affiliation = coordinators.affiliation[index];
    const left = coordinators.leftOn[index];
    const enterprise = coordinators.enterprise[index];
    const entered = `${iso(coordinators.joinedOn[index])} 09:00:00+08`;
    yield [
      index + 1,
      coordinators.name[index],
      coordinators.female[index] ? 'FEMALE' : 'MALE',
      iso(coordinators.birth[index]),
      sealed.cipher,
      sealed.keyId,
      sealed.hash,
      maskIdNumber(idNumber),
      coordinators.phone[index],
      coordinators.category[index],
      AFFILIATIONS[affiliation],
      bool(affiliation === GRASSROOTS || affiliation === TRIPARTITE),
      enterprise >= 0 ? enterprise + 1 : NULL,
      coordinators.unitName[index] ?? NULL,
      place.code,
      place.path,
      coordinators.post[index],
      left ? 'LEFT' : 'ACTIVE',
      iso(coordinators.joinedOn[index]),
      left ? iso(left) : NULL,
      entered,
      left ? `${iso(left)} 09:00:00+08` : entered,
    ].join('\t');
  }
}

function* certificateLines(coordinators: Coordinators, seed: number): Generator<string> {
  const random = new Random(streamSeed(seed, 5));
  let id = 0;
  let serial = random.int(1000, 5000);
  for (let index = 0; index < coordinators.count; index++) {
    const level = coordinators.certificateLevel[index];
    if (!level) continue;
    const occupation = CERTIFICATE_OCCUPATIONS[coordinators.certificateOccupation[index]][0];
    const issued = coordinators.certifiedOn[index];
    const line = (certificateLevel: number, on: number) => {
      const socialWork = occupation === '社会工作者';
      const issuer = socialWork
        ? '人力资源社会保障部 民政部'
        : on < dayOf(2020, 1, 1)
          ? random.chance(0.8) ? '吉林省人力资源和社会保障厅' : '吉林省职业技能鉴定中心'
          : random.chance(0.5) ? '吉林省人力资源和社会保障厅' : random.pick(CERTIFYING_BODIES);
      const number = random.chance(0.35) ? `S2200${String(yearOf(on)).slice(2)}${certificateLevel}${String(++serial).padStart(7, '0')}` : NULL;
      return [++id, index + 1, occupation, certificateLevel, socialWork ? SOCIAL_WORK_TITLES[certificateLevel] : NULL, number, issuer, iso(on)].join('\t');
    };
    yield line(level, issued);
    // Some moved a level up a few years later.
    if (level >= 3 && occupation !== '社会工作者' && random.chance(0.2)) {
      const later = issued + random.int(365, 1100);
      if (later <= DATA_END) yield line(level - 1, later);
    }
  }
}

function* educationLines(coordinators: Coordinators, seed: number): Generator<string> {
  const random = new Random(streamSeed(seed, 6));
  const relatedMajors = Weighted.of(RELATED_MAJORS);
  let id = 0;
  const graduationAge = [18, 21, 22, 25, 29];
  for (let index = 0; index < coordinators.count; index++) {
    const level = coordinators.education[index];
    const birth = coordinators.birth[index];
    const related = coordinators.relatedMajor[index] === 1;
    const major = (levelIndex: number, isRelated: boolean) =>
      levelIndex === 0 ? random.pick(SECONDARY_MAJORS) : isRelated ? relatedMajors.pick(random) : random.pick(UNRELATED_MAJORS);
    const school = (levelIndex: number) =>
      levelIndex === 0 ? NULL : levelIndex === 1 ? random.pick(COLLEGES) : levelIndex === 2 ? random.pick(UNIVERSITIES) : random.pick(GRADUATE_SCHOOLS);
    const graduated = (levelIndex: number, extraYears: number) => {
      const year = yearOf(birth) + graduationAge[levelIndex] + extraYears + random.int(0, 1);
      return Math.min(dayOf(year, 7, 1), DATA_END);
    };
    // 专升本 or a first degree before a master's.
    let lateBy = 0;
    if ((level === 2 || level === 3) && random.chance(0.25)) {
      yield [++id, index + 1, EDUCATION_LEVELS[level - 1], major(level - 1, random.chance(0.4)), school(level - 1), iso(graduated(level - 1, 0))].join('\t');
      lateBy = level === 2 ? random.int(2, 8) : random.int(0, 6);
    }
    yield [++id, index + 1, EDUCATION_LEVELS[level], major(level, related), school(level), iso(graduated(level, lateBy))].join('\t');
  }
}

function* workPeriodLines(coordinators: Coordinators, enterprises: Enterprises, seed: number): Generator<string> {
  const random = new Random(streamSeed(seed, 7));
  const related = Weighted.of(RELATED_OCCUPATIONS);
  const periodCounts = new Weighted([1, 2, 3], [0.45, 0.38, 0.17]);
  let id = 0;
  for (let index = 0; index < coordinators.count; index++) {
    const joined = coordinators.joinedOn[index];
    const left = coordinators.leftOn[index];
    const low = Math.max(dayOf(2008, 1, 1), addYears(coordinators.birth[index], 20));
    const high = Math.min(joined, dayOf(2023, 12, 31));
    const currentStart = between(random, Math.min(low, high), high);
    const periods: { start: number; end: number | null; occupation: string; employer: string }[] = [
      {
        start: currentStart,
        end: left ? Math.max(left, currentStart) : null,
        occupation: related.pick(random),
        employer: coordinators.employer[index],
      },
    ];
    const wanted = periodCounts.pick(random);
    let next = currentStart;
    while (periods.length < wanted) {
      // The previous job ended shortly before the next began, or ran on beside it for a while.
      const end = random.chance(0.15) ? next + random.int(30, 300) : next - random.int(1, 150);
      const start = end - random.int(300, 2200);
      if (start < low || end <= start) break;
      periods.unshift({
        start,
        end: Math.min(end, DATA_END),
        occupation: random.chance(0.55) ? related.pick(random) : random.pick(UNRELATED_OCCUPATIONS),
        employer: enterprises.name[random.int(0, enterprises.count - 1)],
      });
      next = start;
    }
    for (const period of periods) {
      yield [++id, index + 1, iso(period.start), period.end === null ? NULL : iso(period.end), period.occupation, period.employer].join('\t');
    }
  }
}

const LEVEL_NAMES: Record<number, string> = { 5: '五级', 4: '四级', 3: '三级', 2: '二级', 1: '一级' };
const SKILL_SUBSIDY: Record<number, number> = { 5: 1000, 4: 1500, 3: 2000, 2: 2000, 1: 2000 };

function* trainingLines(coordinators: Coordinators, seed: number): Generator<string> {
  const random = new Random(streamSeed(seed, 8));
  let id = 0;
  for (let index = 0; index < coordinators.count; index++) {
    const level = coordinators.certificateLevel[index];
    const certified = coordinators.certifiedOn[index];
    const joined = coordinators.joinedOn[index];
    const end = coordinators.leftOn[index] || DATA_END;
    const occupation = level ? CERTIFICATE_OCCUPATIONS[coordinators.certificateOccupation[index]][0] : '';
    // The skill training that led to the certificate.
    if (level && occupation !== '社会工作者' && certified >= dayOf(2019, 1, 1) && random.chance(0.75)) {
      const completed = Math.max(dayOf(2018, 9, 1), certified - random.int(20, 120));
      const hours = level >= 4 ? random.int(64, 96) : random.int(96, 120);
      const subsidyRoll = random.next();
      const subsidy: [string, number] | null =
        subsidyRoll < 0.35
          ? ['SKILL_UPGRADE', SKILL_SUBSIDY[level]]
          : subsidyRoll < 0.55
            ? ['VOCATIONAL_TRAINING', 100 * random.int(8, 18)]
            : subsidyRoll < 0.6
              ? ['LIVING_ALLOWANCE', 50 * random.int(6, 18)]
              : null;
      yield [
        ++id,
        index + 1,
        `${occupation}（${LEVEL_NAMES[level]}）职业技能培训`,
        hours.toFixed(1),
        random.pick(TRAINING_PROVIDERS),
        random.chance(0.9) ? '合格' : '优秀',
        iso(completed),
        subsidy ? subsidy[0] : NULL,
        subsidy ? subsidy[1].toFixed(2) : NULL,
      ].join('\t');
    }
    // Short courses once in the register.
    if (random.chance(0.25)) {
      const courses = random.chance(0.3) ? 2 : 1;
      for (let course = 0; course < courses; course++) {
        const completed = between(random, Math.max(dayOf(2021, 1, 1), joined - 365), end);
        const subsidized = random.chance(0.05);
        yield [
          ++id,
          index + 1,
          random.pick(SHORT_COURSES),
          random.pick([8, 8, 16, 16, 24, 32, 40]).toFixed(1),
          random.pick(TRAINING_PROVIDERS),
          random.chance(0.9) ? '合格' : random.chance(0.8) ? '优秀' : '不合格',
          iso(completed),
          subsidized ? 'VOCATIONAL_TRAINING' : NULL,
          subsidized ? (100 * random.int(3, 8)).toFixed(2) : NULL,
        ].join('\t');
      }
    }
  }
}

function* honorLines(coordinators: Coordinators, seed: number): Generator<string> {
  const random = new Random(streamSeed(seed, 9));
  const levels = new Weighted(['COUNTY', 'CITY', 'PROVINCIAL', 'NATIONAL'] as const, [0.55, 0.34, 0.09, 0.02]);
  let id = 0;
  for (let index = 0; index < coordinators.count; index++) {
    if (!random.chance(0.05)) continue;
    const place = coordinators.place[index];
    const honors = random.chance(0.15) ? 2 : 1;
    for (let honor = 0; honor < honors; honor++) {
      const level = levels.pick(random);
      const title = random.pick(HONOR_TITLES[level]);
      const awarded =
        level === 'NATIONAL' ? dayOf(random.pick([2018, 2023]), 4, 27) : between(random, Math.max(dayOf(2016, 1, 1), addYears(coordinators.birth[index], 25)), DATA_END);
      const unit = place.level === 'UNIT' ? place : place.unit;
      const county = place.level === 'COUNTY' ? place : place.county;
      const issuer =
        level === 'NATIONAL'
          ? '人力资源社会保障部 中华全国总工会 中国企业联合会/中国企业家协会 全国工商联'
          : level === 'PROVINCIAL'
            ? '吉林省协调劳动关系三方委员会'
            : level === 'CITY'
              ? `${unit?.name ?? '吉林省'}协调劳动关系三方委员会`
              : `${county ? fullName(county) : (unit?.name ?? '')}人力资源和社会保障局`;
      const prefixedTitle = level === 'CITY' ? `${unit?.name ?? ''}${title}` : level === 'COUNTY' && county ? `${fullName(county)}${title}` : title;
      yield [++id, index + 1, prefixedTitle, level, iso(awarded), issuer].join('\t');
    }
  }
}

function* disciplinaryLines(coordinators: Coordinators, seed: number): Generator<string> {
  const random = new Random(streamSeed(seed, 10));
  let id = 0;
  for (let index = 0; index < coordinators.count; index++) {
    if (!random.chance(0.01)) continue;
    const record = random.pick(DISCIPLINARY_KINDS);
    const on = between(random, Math.max(dayOf(2017, 1, 1), addYears(coordinators.birth[index], 20)), DATA_END);
    yield [++id, index + 1, record.kind, iso(on), record.description].join('\t');
  }
}

/** Work records run up to China's today (the figures of the current year), from 2019. */
const WORK_START = dayOf(2019, 1, 1);

/**
 * 六(三) work records: per person and year a few dated records of the kinds their affiliation
 * does (mediations with outcomes, consultations, policy publicity, guidance, negotiation,
 * teaching), some dated only to the month. About one person in eight stops recording a year or
 * more before today, and one in twenty never records anything: the silent coordinators.
 */
function* workRecordLines(coordinators: Coordinators, seed: number, today: number): Generator<string> {
  const random = new Random(streamSeed(seed, 11));
  // Yearly ranges per affiliation: disputes mediated, consultations answered.
  const disputes: [number, number][] = [[0, 12], [2, 40], [1, 25], [3, 50]];
  const consultations: [number, number][] = [[5, 80], [20, 300], [10, 150], [5, 100]];
  const outcomes = ['MEDIATED', 'MEDIATED', 'MEDIATED', 'NOT_MEDIATED', 'REFERRED_TO_ARBITRATION', 'WITHDRAWN'];
  const others: [string, number, [number, number]][] = [
    ['POLICY_PUBLICITY', 0.55, [1, 8]],
    ['EMPLOYMENT_GUIDANCE', 0.45, [1, 10]],
    ['COLLECTIVE_NEGOTIATION', 0.2, [1, 3]],
    ['TRAINING_GIVEN', 0.2, [1, 6]],
    ['OTHER', 0.1, [1, 4]],
  ];
  let id = 0;
  const line = (index: number, kind: string, count: number, day: number, outcome: string | null) => {
    const monthOnly = random.chance(0.15);
    const on = monthOnly ? `${iso(day).slice(0, 8)}01` : iso(day);
    return [++id, index + 1, kind, count, on, monthOnly ? 'MONTH' : 'DAY', outcome ?? NULL].join('\t');
  };
  for (let index = 0; index < coordinators.count; index++) {
    if (random.chance(0.05)) continue;
    const joined = Math.max(coordinators.joinedOn[index], WORK_START);
    const left = coordinators.leftOn[index] || today;
    const stop = random.chance(0.12) ? Math.min(left, today - random.int(380, 1400)) : Math.min(left, today);
    const affiliation = coordinators.affiliation[index];
    for (let year = yearOf(joined); year <= yearOf(Math.max(joined, stop)); year++) {
      const from = Math.max(joined, dayOf(year, 1, 1));
      const to = Math.min(stop, dayOf(year, 12, 31));
      const share = (to - from + 1) / 365;
      if (share < 0.05) continue;
      if (random.chance(0.85)) {
        const [low, high] = disputes[affiliation];
        let total = Math.round(random.int(low, high) * share);
        for (let part = random.int(1, 3); part > 0 && total > 0; part--) {
          const count = part === 1 ? total : random.int(1, total);
          total -= count;
          yield line(index, 'DISPUTE_MEDIATED', count, between(random, from, to), random.pick(outcomes));
        }
      }
      if (random.chance(0.85)) {
        const [low, high] = consultations[affiliation];
        yield line(index, 'CONSULTATION', Math.round(random.int(low, high) * share), between(random, from, to), null);
      }
      for (const [kind, chance, [low, high]] of others) {
        if (random.chance(chance)) yield line(index, kind, random.int(low, high), between(random, from, to), null);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

const IDENTITY_TABLES = [
  'enterprise',
  'enterprise_incident',
  'coordinator',
  'certificate',
  'education',
  'work_period',
  'training',
  'honor',
  'disciplinary_record',
  'work_record',
];

/**
 * Generates and bulk-loads the demo data in one transaction (COPY), then VACUUM ANALYZEs. The
 * enterprise and coordinator tables must be empty; regions must be loaded.
 */
export async function generateDemoData(client: Client | PoolClient, options: GenerateDemoOptions): Promise<GenerateDemoResult> {
  const started = process.hrtime.bigint();
  const log = options.log ?? (() => undefined);
  const seed = (options.seed ?? DEFAULT_DEMO_SEED) >>> 0;
  const sizes = resolveDemoScale(options.scale);
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const step = (message: string) => log(`${message} (${elapsed().toFixed(1)} s)`);

  const {
    rows: [existing],
  } = await client.query<{ enterprises: number; coordinators: number }>(
    `select (select count(*) from enterprise)::int as enterprises, (select count(*) from coordinator)::int as coordinators`,
  );
  if (existing.enterprises > 0 || existing.coordinators > 0) {
    throw new Error(
      `demo data needs empty enterprise and coordinator tables (found ${existing.enterprises} enterprises, ${existing.coordinators} coordinators); reset first (seed-cli --reset)`,
    );
  }

  if (sizes.provinces > 1) {
    const added = await cloneProvinces(client, sizes.provinces);
    step(`laid ${sizes.provinces - 1} provinces beside Jilin (${added} regions)`);
  }
  const regions = await loadRegions(client);
  const enterprises = generateEnterprises(sizes.enterprises, regions, seed, step);
  const coordinators = generateCoordinators(sizes.coordinators, enterprises, regions, seed, step);
  assignRegistrationDates(enterprises, seed);

  await client.query('begin');
  try {
    await client.query(`set local synchronous_commit = off`);
    const loaded: Record<string, number> = {};
    loaded.enterprise = await copyInto(
      client,
      'enterprise',
      ['id', 'credit_code', 'name', 'region_code', 'region_path', 'industry_code', 'industry_section', 'employees', 'revenue', 'assets',
        'public_owned', 'social_organization', 'derived_size_class', 'registered_on'],
      enterpriseLines(enterprises, regions),
    );
    step(`loaded ${loaded.enterprise} enterprises`);
    loaded.enterprise_incident = await copyInto(
      client,
      'enterprise_incident',
      ['id', 'enterprise_id', 'kind', 'occurred_on', 'description'],
      incidentLines(enterprises, seed),
    );
    loaded.coordinator = await copyInto(
      client,
      'coordinator',
      ['id', 'name', 'gender', 'birth_date', 'id_number_cipher', 'id_number_key_id', 'id_number_hash', 'id_number_masked', 'phone',
        'category', 'affiliation', 'tripartite_or_grassroots', 'enterprise_id', 'unit_name', 'region_code', 'region_path', 'post',
        'status', 'joined_on', 'left_on', 'created_at', 'updated_at'],
      coordinatorLines(coordinators, options.vault),
    );
    step(`loaded ${loaded.coordinator} coordinators`);
    loaded.certificate = await copyInto(
      client,
      'certificate',
      ['id', 'coordinator_id', 'occupation', 'level', 'title', 'certificate_number', 'issuer', 'issued_on'],
      certificateLines(coordinators, seed),
    );
    loaded.education = await copyInto(
      client,
      'education',
      ['id', 'coordinator_id', 'level', 'major', 'school', 'graduated_on'],
      educationLines(coordinators, seed),
    );
    loaded.work_period = await copyInto(
      client,
      'work_period',
      ['id', 'coordinator_id', 'start_on', 'end_on', 'occupation', 'employer'],
      workPeriodLines(coordinators, enterprises, seed),
    );
    loaded.training = await copyInto(
      client,
      'training',
      ['id', 'coordinator_id', 'course', 'hours', 'provider', 'result', 'completed_on', 'subsidy_kind', 'subsidy_amount'],
      trainingLines(coordinators, seed),
    );
    loaded.honor = await copyInto(client, 'honor', ['id', 'coordinator_id', 'title', 'level', 'awarded_on', 'issuer'], honorLines(coordinators, seed));
    loaded.disciplinary_record = await copyInto(
      client,
      'disciplinary_record',
      ['id', 'coordinator_id', 'kind', 'occurred_on', 'description'],
      disciplinaryLines(coordinators, seed),
    );
    loaded.work_record = await copyInto(
      client,
      'work_record',
      ['id', 'coordinator_id', 'kind', 'count', 'recorded_on', 'date_precision', 'outcome'],
      workRecordLines(coordinators, seed, Math.min(TABLE_END - 1, Date.parse(todayIsoDate()) / MS_PER_DAY)),
    );
    const history = await writeDemoHistory(client, seed);
    step(`history to today: ${history.moves} employer moves, ${history.figures} enterprises' new figures, ${history.closures} closures`);
    // The identity sequences continue after the ids written here.
    await client.query(
      IDENTITY_TABLES.map(
        (table) => `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false);`,
      ).join('\n'),
    );
    await client.query('commit');
    step(
      `loaded sub-records: ${Object.entries(loaded)
        .filter(([table]) => table !== 'enterprise' && table !== 'coordinator')
        .map(([table, rows]) => `${table} ${rows}`)
        .join(', ')}`,
    );
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  const studios = await seedStudiosDemo(client);
  step(`loaded ${studios.studios} studios and guidance stations`);
  const training = await seedTrainingDemo(client);
  step(`loaded ${training.sessions} training sessions, ${training.participations} participations, ${training.claims} subsidy claims`);
  // VACUUM too: freshly loaded pages are not yet all-visible, and until they are, scoped counts
  // cannot use index-only scans (5x slower at province scale).
  await client.query(`vacuum analyze ${['region', ...IDENTITY_TABLES].join(', ')}`);
  const seconds = elapsed();
  step('analyzed');
  return { enterprises: sizes.enterprises, coordinators: sizes.coordinators, seconds: Math.round(seconds * 10) / 10 };
}
