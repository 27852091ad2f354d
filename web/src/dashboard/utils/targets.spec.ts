import { latestFirst, verdictKind } from './targets';

describe('target verdicts', () => {
  it('tells met, not met and nothing to count apart', () => {
    expect(verdictKind({ met: true })).toBe('met');
    expect(verdictKind({ met: false })).toBe('notMet');
    expect(verdictKind({ met: null })).toBe('none');
  });

  it('lists the latest finished target first', () => {
    const verdict = (year: number) => ({ year }) as Parameters<typeof latestFirst>[0][number];
    expect(latestFirst([verdict(2025), verdict(2030)]).map((entry) => entry.year)).toEqual([2030, 2025]);
  });
});
