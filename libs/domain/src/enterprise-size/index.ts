// Enterprise size class 企业规模 by 统计上大中小微型企业划分办法(2017) (国统字〔2017〕213号).
// The rule is data: a new edition of the 办法 is a new table passed as `rules`, not new code.
import { canonicalIndustryCode } from '../industry';

export type SizeClass = 'LARGE' | 'MEDIUM' | 'SMALL' | 'MICRO';

export const SIZE_CLASS_LABELS: Record<SizeClass, string> = {
  LARGE: '大型',
  MEDIUM: '中型',
  SMALL: '小型',
  MICRO: '微型',
};

/** Largest first: the order in which a class is tried. */
export const SIZE_CLASSES: readonly SizeClass[] = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'];

/** 从业人员 X (persons), 营业收入 Y and 资产总额 Z (万元). */
export type SizeIndicator = 'EMPLOYEES' | 'REVENUE' | 'ASSETS';

export const SIZE_INDICATOR_LABELS: Record<SizeIndicator, string> = {
  EMPLOYEES: '从业人员（人）',
  REVENUE: '营业收入（万元）',
  ASSETS: '资产总额（万元）',
};

/** Inclusive lower bounds of one indicator; below `small` is micro. */
export interface SizeThreshold {
  indicator: SizeIndicator;
  large: number;
  medium: number;
  small: number;
}

export interface SizeRule {
  id: string;
  version: string;
  name: string;
  /**
   * Canonical GB/T 4754-2017 code prefixes (section letter, then division/group/class digits,
   * as canonicalIndustryCode writes them) that this row covers. Prefixes of different rows
   * never nest, so the first row whose prefix starts the code is the only one.
   */
  industries: readonly string[];
  thresholds: readonly SizeThreshold[];
  /** The 其他未列明行业 row: used for codes the table does not pin to a row, with a note. */
  fallback?: boolean;
}

export const SIZE_RULES_2017_VERSION = '2017';

/** The table's footnote 说明1, shown beside every classification. */
export const SIZE_RULES_2017_FOOTNOTE = '大型、中型和小型企业须同时满足所列指标的下限，否则下划一档；微型企业只须满足所列指标中的一项即可。';

const rule2017 = (key: string, name: string, industries: string[], thresholds: SizeThreshold[], fallback = false): SizeRule => ({
  id: `${SIZE_RULES_2017_VERSION}-${key}`,
  version: SIZE_RULES_2017_VERSION,
  name,
  industries,
  thresholds,
  ...(fallback ? { fallback } : {}),
});
const employees = (large: number, medium: number, small: number): SizeThreshold => ({ indicator: 'EMPLOYEES', large, medium, small });
const revenue = (large: number, medium: number, small: number): SizeThreshold => ({ indicator: 'REVENUE', large, medium, small });
const assets = (large: number, medium: number, small: number): SizeThreshold => ({ indicator: 'ASSETS', large, medium, small });

// Row scopes follow the table's 说明2: 工业 = 采矿业 + 制造业 + 电力热力燃气及水; 交通运输业 excludes
// 铁路运输业 (53) and includes 装卸搬运 (591); 仓储业 is 592–599; 信息传输业 = 63 + 64; 其他未列明行业
// covers M, N, O, 社会工作 (85), R and 房地产中介服务 (703), 其他房地产业 (709), but not
// 自有房地产经营活动 (704 in GB/T 4754-2017). J, P, 84, S, T and 53 are outside the 办法 (第三条).
export const SIZE_RULES_2017: readonly SizeRule[] = [
  rule2017('agriculture', '农、林、牧、渔业', ['A'], [revenue(20000, 500, 50)]),
  rule2017('industry', '工业', ['B', 'C', 'D'], [employees(1000, 300, 20), revenue(40000, 2000, 300)]),
  rule2017('construction', '建筑业', ['E'], [revenue(80000, 6000, 300), assets(80000, 5000, 300)]),
  rule2017('wholesale', '批发业', ['F51'], [employees(200, 20, 5), revenue(40000, 5000, 1000)]),
  rule2017('retail', '零售业', ['F52'], [employees(300, 50, 10), revenue(20000, 500, 100)]),
  rule2017('transport', '交通运输业', ['G54', 'G55', 'G56', 'G57', 'G58', 'G591'], [employees(1000, 300, 20), revenue(30000, 3000, 200)]),
  rule2017('warehousing', '仓储业', ['G592', 'G593', 'G594', 'G595', 'G596', 'G599'], [employees(200, 100, 20), revenue(30000, 1000, 100)]),
  rule2017('postal', '邮政业', ['G60'], [employees(1000, 300, 20), revenue(30000, 2000, 100)]),
  rule2017('accommodation', '住宿业', ['H61'], [employees(300, 100, 10), revenue(10000, 2000, 100)]),
  rule2017('catering', '餐饮业', ['H62'], [employees(300, 100, 10), revenue(10000, 2000, 100)]),
  rule2017('information-transmission', '信息传输业', ['I63', 'I64'], [employees(2000, 100, 10), revenue(100000, 1000, 100)]),
  rule2017('software', '软件和信息技术服务业', ['I65'], [employees(300, 100, 10), revenue(10000, 1000, 50)]),
  rule2017('real-estate-development', '房地产开发经营', ['K701'], [revenue(200000, 1000, 100), assets(10000, 5000, 2000)]),
  rule2017('property-management', '物业管理', ['K702'], [employees(1000, 300, 100), revenue(5000, 1000, 500)]),
  rule2017('leasing-business-services', '租赁和商务服务业', ['L'], [employees(300, 100, 10), assets(120000, 8000, 100)]),
  rule2017('other', '其他未列明行业', ['M', 'N', 'O', 'Q85', 'R', 'K703', 'K709'], [employees(300, 100, 10)], true),
];

/** How an industry code met the table: one row, several rows, or none. */
export type SizeRuleMapping = 'EXACT' | 'AMBIGUOUS_CODE' | 'OUTSIDE_SCOPE';

export interface SizeRuleMatch {
  rule: SizeRule;
  mapping: SizeRuleMapping;
  /** For AMBIGUOUS_CODE: the rows a more detailed code could land in. */
  candidates: SizeRule[];
}

/**
 * The row of `rules` for a GB/T 4754 code; null when the code is invalid. A code too coarse to
 * pick a row (e.g. "G", "K70") or outside the 办法 gets the fallback row, marked as such.
 */
export function sizeRuleFor(industryCode: string, rules: readonly SizeRule[] = SIZE_RULES_2017): SizeRuleMatch | null {
  const code = canonicalIndustryCode(industryCode);
  if (!code) return null;
  const fallback = rules.find((rule) => rule.fallback);
  if (!fallback) throw new Error('size rule table has no fallback row');

  const exact = rules.find((rule) => rule.industries.some((prefix) => code.startsWith(prefix)));
  if (exact) return { rule: exact, mapping: 'EXACT', candidates: [] };

  const candidates = rules.filter((rule) => rule.industries.some((prefix) => prefix.startsWith(code)));
  if (candidates.length > 0) return { rule: fallback, mapping: 'AMBIGUOUS_CODE', candidates };
  return { rule: fallback, mapping: 'OUTSIDE_SCOPE', candidates: [] };
}

export interface SizeClassificationInput {
  industryCode: string;
  employees: number;
  /** 营业收入, 万元 */
  revenue: number;
  /** 资产总额, 万元; only some rows use it */
  assets?: number | null;
}

export interface IndicatorVerdict {
  indicator: SizeIndicator;
  value: number;
  /** The class this indicator alone would give. */
  sizeClass: SizeClass;
}

export interface SizeClassification {
  sizeClass: SizeClass;
  ruleId: string;
  ruleName: string;
  ruleVersion: string;
  mapping: SizeRuleMapping;
  indicators: IndicatorVerdict[];
  notes: string[];
}

function classOfValue(value: number, threshold: SizeThreshold): SizeClass {
  if (value >= threshold.large) return 'LARGE';
  if (value >= threshold.medium) return 'MEDIUM';
  if (value >= threshold.small) return 'SMALL';
  return 'MICRO';
}

function requireAmount(value: number, label: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${label}应为不小于0的数：${value}`);
}

/**
 * Classifies an enterprise. Large, medium and small must reach the lower bound of every listed
 * indicator, otherwise the enterprise drops a class; one indicator below the small bound makes
 * it micro. That is the same as taking the smallest class any single indicator gives.
 * Throws RangeError for an invalid industry code or negative figures (validate input first).
 */
export function classifyEnterpriseSize(
  input: SizeClassificationInput,
  rules: readonly SizeRule[] = SIZE_RULES_2017,
): SizeClassification {
  const match = sizeRuleFor(input.industryCode, rules);
  if (!match) throw new RangeError(`行业代码无效：${input.industryCode}`);
  if (!Number.isInteger(input.employees) || input.employees < 0) {
    throw new RangeError(`从业人员应为不小于0的整数：${input.employees}`);
  }
  requireAmount(input.revenue, '营业收入');
  if (input.assets != null) requireAmount(input.assets, '资产总额');

  const { rule, mapping, candidates } = match;
  const notes: string[] = [];
  if (mapping === 'AMBIGUOUS_CODE') {
    notes.push(
      `行业代码${input.industryCode}不够细，无法确定适用的划分标准（可能是${candidates.map(({ name }) => name).join('、')}），暂按${rule.name}标准划分；请填写更细的行业代码`,
    );
  } else if (mapping === 'OUTSIDE_SCOPE') {
    notes.push(`行业代码${input.industryCode}不在${rule.version}年划分办法的适用范围内，参照${rule.name}标准划分`);
  }

  const values: Record<SizeIndicator, number> = {
    EMPLOYEES: input.employees,
    REVENUE: input.revenue,
    ASSETS: input.assets ?? 0,
  };
  if (input.assets == null && rule.thresholds.some(({ indicator }) => indicator === 'ASSETS')) {
    notes.push(`${rule.name}按资产总额划分，但未填写资产总额，按0计算`);
  }

  const indicators = rule.thresholds.map((threshold) => ({
    indicator: threshold.indicator,
    value: values[threshold.indicator],
    sizeClass: classOfValue(values[threshold.indicator], threshold),
  }));
  const sizeClass = indicators.reduce<SizeClass>(
    (smallest, { sizeClass: candidate }) => (SIZE_CLASSES.indexOf(candidate) > SIZE_CLASSES.indexOf(smallest) ? candidate : smallest),
    'LARGE',
  );

  if (new Set(indicators.map((verdict) => verdict.sizeClass)).size > 1) {
    const detail = indicators.map((verdict) => `${SIZE_INDICATOR_LABELS[verdict.indicator]}${SIZE_CLASS_LABELS[verdict.sizeClass]}`).join('，');
    notes.push(`各指标对应档次不同（${detail}），须同时满足所列指标的下限，取${SIZE_CLASS_LABELS[sizeClass]}`);
  }

  return { sizeClass, ruleId: rule.id, ruleName: rule.name, ruleVersion: rule.version, mapping, indicators, notes };
}
