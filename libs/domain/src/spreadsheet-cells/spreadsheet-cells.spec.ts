import { neutralizeFormula, restoreNeutralized, startsLikeFormula } from './index';

describe('neutralizeFormula', () => {
  it.each(['=1+1', "+cmd|' /C calc'!A0", '@SUM(1)', '=HYPERLINK("http://example.com","点我")', '-2+3', '\t=1', '\r=1', '+86 431 8888 8888'])(
    'puts a quote in front of %j and reads it back unchanged',
    (text) => {
      expect(startsLikeFormula(text)).toBe(true);
      expect(neutralizeFormula(text)).toBe(`'${text}`);
      expect(restoreNeutralized(neutralizeFormula(text) as string)).toBe(text);
    },
  );

  it('leaves numbers, plain-number text and ordinary text alone', () => {
    for (const value of [12, -5, 0.5, null, undefined, true, '-5', '+12.5', '1e5', '张三', "'quoted already", 'a=b', '']) {
      expect(neutralizeFormula(value)).toBe(value);
    }
    expect(restoreNeutralized("'张三")).toBe("'张三");
    expect(restoreNeutralized("'-5")).toBe("'-5");
  });
});
