import {
  SIZE_CLASS_LABELS,
  SIZE_RULES_2017,
  SizeClass,
  SizeRule,
  classifyEnterpriseSize,
  sizeRuleFor,
} from './index';

// The 2017 table retyped independently of the module: [large, medium, small] lower bounds.
type Bounds = [number, number, number];
interface ExpectedRow {
  id: string;
  name: string;
  codes: string[];
  employees?: Bounds;
  revenue?: Bounds;
  assets?: Bounds;
}
const TABLE_2017: ExpectedRow[] = [
  { id: '2017-agriculture', name: '农、林、牧、渔业', codes: ['A', '0111', 'A05'], revenue: [20000, 500, 50] },
  { id: '2017-industry', name: '工业', codes: ['B06', 'C13', '3610', 'D44', '46'], employees: [1000, 300, 20], revenue: [40000, 2000, 300] },
  { id: '2017-construction', name: '建筑业', codes: ['E', '4710'], revenue: [80000, 6000, 300], assets: [80000, 5000, 300] },
  { id: '2017-wholesale', name: '批发业', codes: ['F51', '5110'], employees: [200, 20, 5], revenue: [40000, 5000, 1000] },
  { id: '2017-retail', name: '零售业', codes: ['F52', '5211'], employees: [300, 50, 10], revenue: [20000, 500, 100] },
  { id: '2017-transport', name: '交通运输业', codes: ['G54', '5411', 'G58', '591'], employees: [1000, 300, 20], revenue: [30000, 3000, 200] },
  { id: '2017-warehousing', name: '仓储业', codes: ['592', '5990', 'G596'], employees: [200, 100, 20], revenue: [30000, 1000, 100] },
  { id: '2017-postal', name: '邮政业', codes: ['G60', '6020'], employees: [1000, 300, 20], revenue: [30000, 2000, 100] },
  { id: '2017-accommodation', name: '住宿业', codes: ['H61', '6110'], employees: [300, 100, 10], revenue: [10000, 2000, 100] },
  { id: '2017-catering', name: '餐饮业', codes: ['H62', '6210'], employees: [300, 100, 10], revenue: [10000, 2000, 100] },
  { id: '2017-information-transmission', name: '信息传输业', codes: ['I63', '6311', 'I64'], employees: [2000, 100, 10], revenue: [100000, 1000, 100] },
  { id: '2017-software', name: '软件和信息技术服务业', codes: ['I65', '6510'], employees: [300, 100, 10], revenue: [10000, 1000, 50] },
  { id: '2017-real-estate-development', name: '房地产开发经营', codes: ['K7010', '701'], revenue: [200000, 1000, 100], assets: [10000, 5000, 2000] },
  { id: '2017-property-management', name: '物业管理', codes: ['K7020', '702'], employees: [1000, 300, 100], revenue: [5000, 1000, 500] },
  { id: '2017-leasing-business-services', name: '租赁和商务服务业', codes: ['L', '7111', 'L72'], employees: [300, 100, 10], assets: [120000, 8000, 100] },
  { id: '2017-other', name: '其他未列明行业', codes: ['M73', 'N77', 'O80', 'Q85', 'R88', '7030', 'K7090'], employees: [300, 100, 10] },
];

const CLASSES: SizeClass[] = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'];
type Indicator = 'employees' | 'revenue' | 'assets';
const INDICATORS: Indicator[] = ['employees', 'revenue', 'assets'];
// One person, or one yuan (0.0001 万元), below the bound.
const JUST_BELOW: Record<Indicator, number> = { employees: 1, revenue: 0.0001, assets: 0.0001 };

/** Every indicator the row uses at bound `level` (0 large, 1 medium, 2 small); unused ones at 0. */
function inputAt(row: ExpectedRow, code: string, level: number, lowered?: Indicator) {
  const value = (indicator: Indicator) => {
    const bounds = row[indicator];
    if (!bounds) return indicator === 'assets' ? null : 0;
    return bounds[level] - (indicator === lowered ? JUST_BELOW[indicator] : 0);
  };
  return { industryCode: code, employees: value('employees') as number, revenue: value('revenue') as number, assets: value('assets') };
}

describe('SIZE_RULES_2017', () => {
  it('has exactly the rows of the official table, versioned 2017', () => {
    expect(SIZE_RULES_2017.map((rule) => [rule.id, rule.name])).toEqual(TABLE_2017.map((row) => [row.id, row.name]));
    for (const rule of SIZE_RULES_2017) expect(rule.version).toBe('2017');
  });
  it('never lets two rows claim nested code prefixes', () => {
    const prefixes = SIZE_RULES_2017.flatMap((rule) => rule.industries.map((prefix) => ({ prefix, rule: rule.id })));
    for (const a of prefixes) {
      for (const b of prefixes) {
        if (a !== b) expect(a.prefix.startsWith(b.prefix)).toBe(false);
      }
    }
  });
});

describe.each(TABLE_2017)('$name ($id)', (row) => {
  const used = INDICATORS.filter((indicator) => row[indicator]);

  it.each(row.codes)('maps industry code %s to this row', (code) => {
    expect(sizeRuleFor(code)).toMatchObject({ rule: { id: row.id }, mapping: 'EXACT' });
  });

  it.each([0, 1, 2])('is exactly at the lower bounds of class %i: that class', (level) => {
    const result = classifyEnterpriseSize(inputAt(row, row.codes[0], level));
    expect(result).toMatchObject({ sizeClass: CLASSES[level], ruleId: row.id, ruleName: row.name, mapping: 'EXACT' });
    expect(result.notes).toEqual([]);
  });

  it.each([0, 1, 2])('drops one class when any one indicator is just below the bounds of class %i', (level) => {
    for (const indicator of used) {
      const result = classifyEnterpriseSize(inputAt(row, row.codes[row.codes.length - 1], level, indicator));
      expect(result.sizeClass).toBe(CLASSES[level + 1]);
      expect(result.ruleId).toBe(row.id);
    }
  });

  it('is micro at zero', () => {
    expect(classifyEnterpriseSize({ industryCode: row.codes[0], employees: 0, revenue: 0, assets: 0 }).sizeClass).toBe('MICRO');
  });

  if (used.length === 2) {
    it('is micro when one indicator is below the small bound, however large the other', () => {
      for (const indicator of used) {
        const input = inputAt(row, row.codes[0], 0);
        const tiny = { ...input, [indicator]: row[indicator]![2] - JUST_BELOW[indicator] };
        expect(classifyEnterpriseSize(tiny).sizeClass).toBe('MICRO');
      }
    });
  }
});

describe('both indicators must reach a bound (同时满足)', () => {
  it('drops a factory with 1,000 staff but revenue under 40,000 万元 to medium and says why', () => {
    const result = classifyEnterpriseSize({ industryCode: 'C36', employees: 1000, revenue: 39999 });
    expect(result.sizeClass).toBe('MEDIUM');
    expect(result.indicators).toEqual([
      { indicator: 'EMPLOYEES', value: 1000, sizeClass: 'LARGE' },
      { indicator: 'REVENUE', value: 39999, sizeClass: 'MEDIUM' },
    ]);
    expect(result.notes.join()).toContain('须同时满足');
  });
  it('makes a factory with large revenue but 299 staff small', () => {
    expect(classifyEnterpriseSize({ industryCode: 'C36', employees: 299, revenue: 100000 }).sizeClass).toBe('SMALL');
  });
  it('makes one indicator under the small bound enough for micro (满足其一)', () => {
    expect(classifyEnterpriseSize({ industryCode: 'C36', employees: 19, revenue: 100000 }).sizeClass).toBe('MICRO');
    expect(classifyEnterpriseSize({ industryCode: 'C36', employees: 5000, revenue: 299 }).sizeClass).toBe('MICRO');
  });
});

describe('missing assets', () => {
  it('counts as 0 where the row uses assets, and says so', () => {
    const result = classifyEnterpriseSize({ industryCode: 'E47', employees: 500, revenue: 90000 });
    expect(result.sizeClass).toBe('MICRO');
    expect(result.notes).toContainEqual(expect.stringContaining('未填写资产总额，按0计算'));
    expect(classifyEnterpriseSize({ industryCode: 'L72', employees: 300, revenue: 0, assets: null }).notes).toContainEqual(
      expect.stringContaining('未填写资产总额'),
    );
  });
  it('is ignored where the row does not use assets', () => {
    expect(classifyEnterpriseSize({ industryCode: 'C13', employees: 1000, revenue: 40000 })).toMatchObject({ sizeClass: 'LARGE', notes: [] });
  });
});

describe('codes the table does not pin to one row', () => {
  it('falls back to 其他未列明行业 for industries outside the 办法, with a note', () => {
    for (const code of ['J66', 'P83', 'Q84', 'S92', 'T97', 'G53', '5311', 'K7040']) {
      const result = classifyEnterpriseSize({ industryCode: code, employees: 300, revenue: 0 });
      expect(result).toMatchObject({ sizeClass: 'LARGE', ruleId: '2017-other', mapping: 'OUTSIDE_SCOPE' });
      expect(result.notes[0]).toContain('不在2017年划分办法的适用范围内');
    }
  });
  it('names the candidate rows when the code is too coarse', () => {
    expect(sizeRuleFor('F')?.candidates.map((rule) => rule.name)).toEqual(['批发业', '零售业']);
    expect(sizeRuleFor('G59')?.candidates.map((rule) => rule.name)).toEqual(['交通运输业', '仓储业']);
    expect(sizeRuleFor('K70')?.candidates.map((rule) => rule.name)).toEqual(['房地产开发经营', '物业管理', '其他未列明行业']);
    const result = classifyEnterpriseSize({ industryCode: 'H', employees: 10, revenue: 0 });
    expect(result).toMatchObject({ sizeClass: 'SMALL', mapping: 'AMBIGUOUS_CODE', ruleId: '2017-other' });
    expect(result.notes[0]).toContain('住宿业、餐饮业');
  });
});

describe('bad input', () => {
  it('throws for an invalid industry code or negative figures', () => {
    expect(() => classifyEnterpriseSize({ industryCode: 'Z99', employees: 1, revenue: 1 })).toThrow('行业代码无效');
    expect(() => classifyEnterpriseSize({ industryCode: 'C13', employees: -1, revenue: 1 })).toThrow('从业人员');
    expect(() => classifyEnterpriseSize({ industryCode: 'C13', employees: 1.5, revenue: 1 })).toThrow('从业人员');
    expect(() => classifyEnterpriseSize({ industryCode: 'C13', employees: 1, revenue: Number.NaN })).toThrow('营业收入');
    expect(() => classifyEnterpriseSize({ industryCode: 'E47', employees: 1, revenue: 1, assets: -5 })).toThrow('资产总额');
    expect(sizeRuleFor('nonsense')).toBeNull();
  });
});

describe('another edition of the table', () => {
  it('is used when passed in, without code changes', () => {
    const edition: SizeRule[] = [
      { id: '2030-industry', version: '2030', name: '工业', industries: ['B', 'C', 'D'], thresholds: [{ indicator: 'EMPLOYEES', large: 500, medium: 100, small: 10 }] },
      { id: '2030-other', version: '2030', name: '其他', industries: [], thresholds: [{ indicator: 'EMPLOYEES', large: 100, medium: 50, small: 5 }], fallback: true },
    ];
    expect(classifyEnterpriseSize({ industryCode: 'C13', employees: 500, revenue: 0 }, edition)).toMatchObject({
      sizeClass: 'LARGE',
      ruleId: '2030-industry',
      ruleVersion: '2030',
    });
    expect(classifyEnterpriseSize({ industryCode: 'F51', employees: 50, revenue: 0 }, edition)).toMatchObject({ sizeClass: 'MEDIUM', ruleId: '2030-other' });
  });
});

it('labels the classes in Chinese', () => {
  expect(CLASSES.map((sizeClass) => SIZE_CLASS_LABELS[sizeClass])).toEqual(['大型', '中型', '小型', '微型']);
});
