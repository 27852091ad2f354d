import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, canonicalIndustryCode, industrySection } from './index';

describe('INDUSTRY_SECTIONS', () => {
  it('lists the 20 sections A–T whose division ranges tile 01–97 without gaps', () => {
    expect(INDUSTRY_SECTIONS.map(({ section }) => section).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    let expectedFirst = 1;
    for (const { divisions: [first, last] } of INDUSTRY_SECTIONS) {
      expect(Number(first)).toBe(expectedFirst);
      expect(Number(last)).toBeGreaterThanOrEqual(Number(first));
      expectedFirst = Number(last) + 1;
    }
    expect(expectedFirst).toBe(98);
  });
  it('names every division', () => {
    expect(Object.keys(INDUSTRY_DIVISIONS)).toHaveLength(97);
  });
});

describe('industrySection', () => {
  it('reads a section letter', () => {
    expect(industrySection('C')).toEqual({ section: 'C', name: '制造业' });
    expect(industrySection(' k ')).toEqual({ section: 'K', name: '房地产业' });
  });
  it('reads a letter with a division', () => {
    expect(industrySection('C13')).toEqual({ section: 'C', division: '13', name: '制造业', divisionName: '农副食品加工业' });
  });
  it('reads bare 2-, 3- and 4-digit codes', () => {
    expect(industrySection('13')).toMatchObject({ section: 'C', division: '13', name: '制造业' });
    expect(industrySection('131')).toMatchObject({ section: 'C', division: '13', group: '131' });
    expect(industrySection('5110')).toMatchObject({ section: 'F', division: '51', group: '511', industryClass: '5110', divisionName: '批发业' });
    expect(industrySection('K7020')).toMatchObject({ section: 'K', division: '70', industryClass: '7020' });
  });
  it('finds the section at each range edge', () => {
    expect(industrySection('01')?.section).toBe('A');
    expect(industrySection('05')?.section).toBe('A');
    expect(industrySection('06')?.section).toBe('B');
    expect(industrySection('43')?.section).toBe('C');
    expect(industrySection('44')?.section).toBe('D');
    expect(industrySection('60')?.section).toBe('G');
    expect(industrySection('85')?.section).toBe('Q');
    expect(industrySection('97')?.section).toBe('T');
  });
  it('returns null for malformed codes, missing divisions and contradicting letters', () => {
    for (const code of ['', ' ', 'U', 'CC', '1', '00', '98', '99', '13101', 'C1', 'C51', 'F13', '13-1', 'C 13']) {
      expect(industrySection(code)).toBeNull();
    }
  });
});

describe('canonicalIndustryCode', () => {
  it('puts the letter first and keeps the most specific digits', () => {
    expect(canonicalIndustryCode('5110')).toBe('F5110');
    expect(canonicalIndustryCode('c13')).toBe('C13');
    expect(canonicalIndustryCode('G')).toBe('G');
    expect(canonicalIndustryCode('X')).toBeNull();
  });
});
