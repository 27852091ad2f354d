import { addDays, addYears } from '../dates';
import {
  AwardTier,
  DEFAULT_ELIGIBILITY_TABLES,
  effectiveCertificateLevel,
  EligibilityFacts,
  EligibilityResult,
  evaluateEligibility,
  extendEligibilityTables,
  isRelatedMajor,
  isRelatedOccupation,
} from './index';

const asOf = '2021-11-30';

function facts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    tripartiteOrGrassroots: false,
    certificates: [],
    educations: [],
    workPeriods: [],
    honors: [],
    disciplinaryRecords: [],
    employerIncidents: [],
    ...overrides,
  };
}

/** Ongoing related work of exactly `years` years by asOf. */
const exactly = (years: number, occupation = '劳动关系协调员') => [{ start: addYears(asOf, -years), end: null, occupation }];
/** One day short of `years` years. */
const oneDayShort = (years: number, occupation = '劳动关系协调员') => [{ start: addDays(addYears(asOf, -years), 1), end: null, occupation }];

const certificate = (level: number, issuedOn = '2019-05-01', occupation = '劳动关系协调员') => ({ occupation, level, issuedOn });
const relatedDegree = { level: 'JUNIOR_COLLEGE' as const, major: '劳动与社会保障' };

function condition(result: EligibilityResult, clause: string) {
  const found = result.conditions.find((entry) => entry.clause === clause);
  if (!found) throw new Error(`no condition ${clause}`);
  return found;
}

function metPaths(result: EligibilityResult): string[] {
  return result.conditions.filter((entry) => /2\(\d\)[a-e]$/.test(entry.clause) && entry.met).map((entry) => entry.clause);
}

const tiers: { tier: AwardTier; clause: string; level: number; years: number; combinedYears: number }[] = [
  { tier: 'BRONZE', clause: '四(一)2(1)', level: 4, years: 3, combinedYears: 2 },
  { tier: 'SILVER', clause: '四(一)2(2)', level: 3, years: 5, combinedYears: 3 },
  { tier: 'GOLD', clause: '四(一)2(3)', level: 2, years: 7, combinedYears: 5 },
];

describe.each(tiers)('$tier ($clause)', ({ tier, clause, level, years, combinedYears }) => {
  describe('path a: certificate and years', () => {
    it(`holds with a level-${level} certificate and exactly ${years} years`, () => {
      const result = evaluateEligibility(facts({ certificates: [certificate(level)], workPeriods: exactly(years) }), tier, asOf);
      expect(result.eligible).toBe(true);
      expect(metPaths(result)).toEqual([`${clause}a`]);
      expect(condition(result, `${clause}a`).reason).toContain(`（2019-05-01）`);
      expect(condition(result, `${clause}a`).reason).toContain(`满${years}年`);
    });

    it('fails one day short of the years', () => {
      const result = evaluateEligibility(facts({ certificates: [certificate(level)], workPeriods: oneDayShort(years) }), tier, asOf);
      expect(condition(result, `${clause}a`)).toMatchObject({ met: false, reason: expect.stringContaining(`不足${years}年`) });
      expect(result.eligible).toBe(false);
    });

    it('fails with a certificate one level too low', () => {
      const result = evaluateEligibility(facts({ certificates: [certificate(level + 1)], workPeriods: exactly(years) }), tier, asOf);
      expect(condition(result, `${clause}a`)).toMatchObject({ met: false, reason: expect.stringContaining('低于') });
      expect(result.eligible).toBe(false);
    });

    it('fails with a certificate issued after asOf', () => {
      const late = certificate(level, addDays(asOf, 1));
      const result = evaluateEligibility(facts({ certificates: [late], workPeriods: exactly(years) }), tier, asOf);
      expect(condition(result, `${clause}a`)).toMatchObject({ met: false, reason: expect.stringContaining('晚于评定基准日 2021-11-30') });
    });

    it('counts a certificate issued on asOf', () => {
      const result = evaluateEligibility(facts({ certificates: [certificate(level, asOf)], workPeriods: exactly(years) }), tier, asOf);
      expect(condition(result, `${clause}a`).met).toBe(true);
    });
  });

  describe('path b: degree and years', () => {
    it(`holds with a related 大专 and exactly ${years} years`, () => {
      const result = evaluateEligibility(facts({ educations: [relatedDegree], workPeriods: exactly(years) }), tier, asOf);
      expect(result.eligible).toBe(true);
      expect(metPaths(result)).toEqual([`${clause}b`]);
      expect(condition(result, `${clause}b`).reason).toContain('劳动与社会保障专业大专学历');
    });

    it('fails one day short', () => {
      const result = evaluateEligibility(facts({ educations: [relatedDegree], workPeriods: oneDayShort(years) }), tier, asOf);
      expect(condition(result, `${clause}b`).met).toBe(false);
      expect(result.eligible).toBe(false);
    });

    it('fails with an unrelated major or a related major below 大专', () => {
      const result = evaluateEligibility(
        facts({
          educations: [
            { level: 'MASTER', major: '计算机科学与技术' },
            { level: 'SECONDARY_OR_BELOW', major: '劳动与社会保障' },
          ],
          workPeriods: exactly(years),
        }),
        tier,
        asOf,
      );
      const reason = condition(result, `${clause}b`).reason;
      expect(condition(result, `${clause}b`).met).toBe(false);
      expect(reason).toMatch(/^无本专业或相关专业大专及以上学历/);
      expect(reason).toContain('计算机科学与技术专业不属本专业或相关专业');
      expect(reason).toContain('低于大专');
    });
  });

  describe('path c: degree, certificate and fewer years', () => {
    it(`holds with both and exactly ${combinedYears} years`, () => {
      const result = evaluateEligibility(
        facts({ educations: [relatedDegree], certificates: [certificate(level)], workPeriods: exactly(combinedYears) }),
        tier,
        asOf,
      );
      expect(result.eligible).toBe(tier !== 'BRONZE'); // bronze c needs 2 years but 1(2) still needs 3
      expect(metPaths(result)).toEqual([`${clause}c`]);
    });

    it('fails one day short', () => {
      const result = evaluateEligibility(
        facts({ educations: [relatedDegree], certificates: [certificate(level)], workPeriods: oneDayShort(combinedYears) }),
        tier,
        asOf,
      );
      expect(condition(result, `${clause}c`)).toMatchObject({ met: false, reason: expect.stringContaining(`不足${combinedYears}年`) });
      expect(result.eligible).toBe(false);
    });

    it('names what is missing', () => {
      const result = evaluateEligibility(facts({ certificates: [certificate(level)], workPeriods: exactly(years) }), tier, asOf);
      expect(condition(result, `${clause}c`)).toMatchObject({ met: false, reason: '无本专业或相关专业大专及以上学历' });
    });
  });

  describe('path d: tripartite or grassroots staff and years', () => {
    it(`holds with exactly ${years} years`, () => {
      const result = evaluateEligibility(facts({ tripartiteOrGrassroots: true, workPeriods: exactly(years) }), tier, asOf);
      expect(result.eligible).toBe(true);
      expect(metPaths(result)).toEqual([`${clause}d`]);
    });

    it('fails one day short, and for other staff', () => {
      const short = evaluateEligibility(facts({ tripartiteOrGrassroots: true, workPeriods: oneDayShort(years) }), tier, asOf);
      expect(short.eligible).toBe(false);
      const other = evaluateEligibility(facts({ workPeriods: exactly(years) }), tier, asOf);
      expect(condition(other, `${clause}d`)).toMatchObject({ met: false, reason: expect.stringContaining('非协调劳动关系三方成员单位') });
      expect(other.eligible).toBe(false);
    });
  });
});

describe('basic standards 四(一)1', () => {
  const qualified = { certificates: [certificate(4)], workPeriods: exactly(3) };

  it('needs 3 cumulative years in a related occupation, counting overlaps once', () => {
    const overlapping = facts({
      certificates: [certificate(4)],
      workPeriods: [
        { start: '2018-11-30', end: '2020-06-30', occupation: '劳动关系协调员' },
        { start: '2019-01-01', end: '2021-11-28', occupation: '企业人力资源管理师' },
        { start: '2010-01-01', end: '2015-01-01', occupation: '车间主任' },
      ],
    });
    const result = evaluateEligibility(overlapping, 'BRONZE', asOf);
    expect(condition(result, '四(一)1(2)')).toEqual({
      clause: '四(一)1(2)',
      met: false,
      reason: '相关职业累计工作年限 2年11个月，不足3年（另有 1 段非相关职业经历未计入）',
    });
    expect(result.serviceYears).toEqual({ years: 2, months: 11 });
    expect(result.eligible).toBe(false);
  });

  it('counts a closed period through its last day: 2018-01-01 to 2020-12-31 makes an eligible bronze nominee', () => {
    const periods = [{ start: '2018-01-01', end: '2020-12-31', occupation: '劳动关系协调员' }];
    const result = evaluateEligibility(facts({ certificates: [certificate(4)], workPeriods: periods }), 'BRONZE', '2026-12-04');
    expect(result.serviceYears).toEqual({ years: 3, months: 0 });
    expect(condition(result, '四(一)1(2)')).toMatchObject({ met: true, reason: '相关职业累计工作年限 3年，满3年' });
    expect(result.eligible).toBe(true);

    // two adjoining jobs (the second starts the day after the first ends) are the same 3 years
    const adjoining = [
      { start: '2018-01-01', end: '2019-06-30', occupation: '劳动关系协调员' },
      { start: '2019-07-01', end: '2020-12-31', occupation: '企业人力资源管理师' },
    ];
    expect(evaluateEligibility(facts({ certificates: [certificate(4)], workPeriods: adjoining }), 'BRONZE', '2026-12-04').eligible).toBe(true);

    // one day short is refused
    const short = [{ start: '2018-01-02', end: '2020-12-31', occupation: '劳动关系协调员' }];
    const refused = evaluateEligibility(facts({ certificates: [certificate(4)], workPeriods: short }), 'BRONZE', '2026-12-04');
    expect(refused.serviceYears).toEqual({ years: 2, months: 11 });
    expect(refused.eligible).toBe(false);
  });

  it('lets bronze path c (2 years) through only once 1(2) has 3 years', () => {
    const result = evaluateEligibility(
      facts({ educations: [relatedDegree], certificates: [certificate(4)], workPeriods: exactly(2) }),
      'BRONZE',
      asOf,
    );
    expect(condition(result, '四(一)2(1)c').met).toBe(true);
    expect(condition(result, '四(一)1(2)').met).toBe(false);
    expect(result.eligible).toBe(false);
  });

  it('blocks on a discipline record 4 years 364 days old, not on one exactly 5 years old', () => {
    const recent = evaluateEligibility(
      facts({ ...qualified, disciplinaryRecords: [{ kind: '警告处分', occurredOn: '2016-12-01' }] }),
      'BRONZE',
      asOf,
    );
    expect(condition(recent, '四(一)1(3)')).toMatchObject({ met: false, reason: expect.stringContaining('警告处分（2016-12-01）') });
    expect(recent.eligible).toBe(false);

    const old = evaluateEligibility(
      facts({ ...qualified, disciplinaryRecords: [{ kind: '警告处分', occurredOn: '2016-11-30' }] }),
      'BRONZE',
      asOf,
    );
    expect(condition(old, '四(一)1(3)').met).toBe(true);
    expect(old.eligible).toBe(true);
  });

  it('notes but does not count a record dated after asOf', () => {
    const result = evaluateEligibility(
      facts({ ...qualified, disciplinaryRecords: [{ kind: '失信惩戒', occurredOn: '2021-12-05' }] }),
      'BRONZE',
      asOf,
    );
    expect(condition(result, '四(一)1(3)')).toMatchObject({ met: true, reason: expect.stringContaining('之后的记录 1 条未计入') });
  });

  it('blocks on a major incident at the employer within 5 years', () => {
    const result = evaluateEligibility(
      facts({ ...qualified, employerIncidents: [{ kind: '重大劳动关系群体性事件', occurredOn: '2019-03-15' }] }),
      'GOLD',
      asOf,
    );
    expect(condition(result, '四(一)1(4)')).toMatchObject({
      met: false,
      reason: expect.stringContaining('重大劳动关系群体性事件（2019-03-15）'),
    });
    expect(result.eligible).toBe(false);
  });

  it('lists 1(1) as pending until attested, and 1(5) only for tripartite or grassroots staff', () => {
    const plain = evaluateEligibility(facts(qualified), 'BRONZE', asOf);
    expect(plain.pendingAttestations).toEqual(['四(一)1(1)', '工作业绩']);
    expect(plain.eligible).toBe(true);

    const grassroots = evaluateEligibility(facts({ ...qualified, tripartiteOrGrassroots: true }), 'BRONZE', asOf);
    expect(grassroots.pendingAttestations).toEqual(['四(一)1(1)', '四(一)1(5)', '工作业绩']);

    const attested = evaluateEligibility(
      facts({
        ...qualified,
        tripartiteOrGrassroots: true,
        attestations: [
          { clause: '四(一)1(1)', attestedBy: '某县人社局 张三', attestedOn: '2021-11-20' },
          { clause: '四(一)1(5)', attestedBy: '某县人社局 张三', attestedOn: '2021-11-20' },
          { clause: '工作业绩', attestedBy: '某县人社局 张三', attestedOn: '2021-11-20' },
        ],
      }),
      'BRONZE',
      asOf,
    );
    expect(attested.pendingAttestations).toEqual([]);
    expect(condition(attested, '四(一)1(1)')).toMatchObject({ met: true, reason: expect.stringContaining('张三') });
  });
});

describe('work results and honors', () => {
  const silverQualified = { certificates: [certificate(3)], workPeriods: exactly(5) };

  it('takes a field honor as the silver work-results requirement', () => {
    const result = evaluateEligibility(
      facts({ ...silverQualified, honors: [{ title: '劳动人事争议调解先进个人', level: 'CITY', awardedOn: '2020-06-01' }] }),
      'SILVER',
      asOf,
    );
    expect(result.pendingAttestations).not.toContain('工作业绩');
    expect(condition(result, '四(一)2(2)')).toMatchObject({ met: true, reason: expect.stringContaining('市级劳动人事争议调解先进个人') });
  });

  it('leaves work results pending without an honor, or with an honor awarded after asOf', () => {
    const result = evaluateEligibility(
      facts({ ...silverQualified, honors: [{ title: '劳动关系协调先进个人', level: 'COUNTY', awardedOn: '2022-01-10' }] }),
      'SILVER',
      asOf,
    );
    expect(result.pendingAttestations).toContain('工作业绩');
    expect(result.eligible).toBe(true);
  });
});

describe('gold path e', () => {
  const harmony = { title: '吉林省构建和谐劳动关系先进个人', level: 'PROVINCIAL' as const, awardedOn: '2020-04-28' };

  it('makes a provincial 构建和谐劳动关系先进个人 eligible directly and outside the quota', () => {
    const result = evaluateEligibility(facts({ workPeriods: exactly(3), honors: [harmony] }), 'GOLD', asOf);
    expect(result.eligible).toBe(true);
    expect(result.quotaExempt).toBe(true);
    expect(metPaths(result)).toEqual(['四(一)2(3)e']);
    expect(condition(result, '四(一)2(3)e').reason).toContain('不计入各地推荐名额');
    expect(result.pendingAttestations).toEqual(['四(一)1(1)']);
  });

  it('still applies the basic standards', () => {
    const result = evaluateEligibility(facts({ workPeriods: oneDayShort(3), honors: [harmony] }), 'GOLD', asOf);
    expect(condition(result, '四(一)2(3)e').met).toBe(true);
    expect(result.eligible).toBe(false);
    expect(result.quotaExempt).toBe(false);
  });

  it('does not open for a city-level honor, nor for silver', () => {
    const city = evaluateEligibility(facts({ workPeriods: exactly(3), honors: [{ ...harmony, level: 'CITY' }] }), 'GOLD', asOf);
    expect(condition(city, '四(一)2(3)e')).toMatchObject({ met: false, reason: expect.stringContaining('不属国家级或省级') });
    expect(city.eligible).toBe(false);

    const silver = evaluateEligibility(facts({ workPeriods: exactly(3), honors: [harmony] }), 'SILVER', asOf);
    expect(silver.conditions.some((entry) => entry.clause.endsWith('e'))).toBe(false);
    expect(silver.eligible).toBe(false);
    expect(silver.quotaExempt).toBe(false);
  });
});

describe('reasons', () => {
  it('reads like the office would write it', () => {
    const result = evaluateEligibility(
      facts({ certificates: [certificate(3)], workPeriods: [{ start: '2017-09-30', end: null, occupation: '劳动关系协调员' }] }),
      'SILVER',
      asOf,
    );
    expect(condition(result, '四(一)2(2)a').reason).toBe(
      '持有劳动关系协调员三级证书（2019-05-01），但相关职业累计工作年限 4年2个月，不足5年',
    );
    expect(condition(result, '四(一)2(2)b').reason).toBe('无本专业或相关专业大专及以上学历');
  });

  it('explains a level-5 certificate and an unrelated one', () => {
    const result = evaluateEligibility(
      facts({ certificates: [certificate(5), certificate(2, '2018-01-01', '电工')], workPeriods: exactly(3) }),
      'BRONZE',
      asOf,
    );
    expect(condition(result, '四(一)2(1)a')).toEqual({
      clause: '四(一)2(1)a',
      met: false,
      reason: '无本职业或相关职业四级及以上证书（劳动关系协调员五级证书低于四级；电工二级证书不属本职业或相关职业）',
    });
    expect(result.eligible).toBe(false);
  });
});

describe('tables', () => {
  it('matches related occupations and majors after trimming, exactly or by keyword', () => {
    expect(isRelatedOccupation(' 企业人力资源管理师 ')).toBe(true);
    expect(isRelatedOccupation('劳动保障监察员')).toBe(true);
    expect(isRelatedOccupation('社会工作者')).toBe(true);
    expect(isRelatedOccupation('会计')).toBe(false);
    expect(isRelatedOccupation('  ')).toBe(false);
    expect(isRelatedMajor('法学')).toBe(true);
    expect(isRelatedMajor('人力资源管理（劳动关系方向）')).toBe(true);
    expect(isRelatedMajor('计算机科学与技术')).toBe(false);
  });

  it('bridges professional titles to skill levels', () => {
    expect(effectiveCertificateLevel({ occupation: '社会工作者', title: '社会工作师', issuedOn: '2019-01-01' })).toBe(2);
    expect(effectiveCertificateLevel({ occupation: '助理社会工作师', issuedOn: '2019-01-01' })).toBe(3);
    expect(effectiveCertificateLevel({ occupation: '社会工作者', level: 4, title: '社会工作师', issuedOn: '2019-01-01' })).toBe(4);
    expect(effectiveCertificateLevel({ occupation: '社会工作者', issuedOn: '2019-01-01' })).toBeNull();
  });

  it('lets a 社会工作师 open gold path a', () => {
    const result = evaluateEligibility(
      facts({ certificates: [{ occupation: '社会工作者', title: '社会工作师', issuedOn: '2015-06-01' }], workPeriods: exactly(7, '社会工作') }),
      'GOLD',
      asOf,
    );
    expect(condition(result, '四(一)2(3)a')).toMatchObject({
      met: true,
      reason: '持有社会工作者（社会工作师，相当于二级）证书（2015-06-01），相关职业累计工作年限 7年，满7年',
    });
  });

  it('takes an administrator’s additions', () => {
    const tables = extendEligibilityTables({ relatedOccupations: ['集体协商指导员'], relatedMajors: ['公共事业管理'] });
    expect(isRelatedOccupation('集体协商指导员', tables)).toBe(true);
    expect(isRelatedOccupation('集体协商指导员')).toBe(false);
    expect(isRelatedMajor('公共事业管理', tables)).toBe(true);
    expect(tables.relatedMajors).toEqual(expect.arrayContaining(DEFAULT_ELIGIBILITY_TABLES.relatedMajors));
    const result = evaluateEligibility(facts({ tripartiteOrGrassroots: true, workPeriods: exactly(3, '集体协商指导员') }), 'BRONZE', asOf, tables);
    expect(result.eligible).toBe(true);
  });
});
