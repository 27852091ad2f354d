import { DATA_QUALITY_RULES, dataQualityScore } from './index';

describe('data quality', () => {
  it('scores 100 less the weighted share of failing records', () => {
    expect(dataQualityScore([], 200)).toBe(100);
    expect(dataQualityScore([{ severity: 'ERROR', count: 10 }], 200)).toBe(95);
    expect(dataQualityScore([{ severity: 'ERROR', count: 10 }, { severity: 'WARNING', count: 20 }, { severity: 'INFO', count: 50 }], 200)).toBe(85);
    expect(dataQualityScore([{ severity: 'ERROR', count: 1 }], 3)).toBe(66.7);
  });

  it('never goes below 0, and a region without records scores 100', () => {
    expect(dataQualityScore([{ severity: 'ERROR', count: 500 }], 100)).toBe(0);
    expect(dataQualityScore([{ severity: 'ERROR', count: 5 }], 0)).toBe(100);
  });

  it('names each rule once, in Chinese and English', () => {
    const codes = DATA_QUALITY_RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of DATA_QUALITY_RULES) {
      expect(rule.description).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.descriptionEn).toMatch(/^[A-Z]/);
    }
  });
});
