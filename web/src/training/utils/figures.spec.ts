import type { TrainingFiguresQuery } from '@registry/graphql-client';
import { activeSubsidyRows, priorityTrainedShare, trainingYearRows } from './figures';

const figures = {
  regionCode: '220104',
  years: [
    { year: 2025, trainedPeople: 3, trainingHours: 96, certified: [1, 2, 3, 4, 5].map((level) => ({ level, people: level === 4 ? 2 : 0 })) },
  ],
  subsidies: [
    { regionCode: '220104001', regionName: '前进街道', kind: 'VOCATIONAL_TRAINING', granted: 1, grantedAmount: 1200, applied: 0, refused: 0 },
    { regionCode: '220104001', regionName: '前进街道', kind: 'LIVING_ALLOWANCE', granted: 0, grantedAmount: 0, applied: 0, refused: 0 },
  ],
  priorityGroup: { year: 2025, minIncidents: 2, enterprises: 2, staff: 4, trainedStaff: 1 },
} as unknown as TrainingFiguresQuery['trainingFigures'];

describe('training figures for the tables', () => {
  it('spreads certified people into one column per level and totals them', () => {
    expect(trainingYearRows(figures)).toEqual([{ year: 2025, trainedPeople: 3, trainingHours: 96, levels: { level1: 0, level2: 0, level3: 0, level4: 2, level5: 0 }, certifiedTotal: 2 }]);
    expect(trainingYearRows(undefined)).toEqual([]);
  });

  it('gives the priority group’s trained share, none without staff', () => {
    expect(priorityTrainedShare(figures.priorityGroup)).toBe(0.25);
    expect(priorityTrainedShare({ ...figures.priorityGroup, staff: 0, trainedStaff: 0 })).toBeNull();
  });

  it('leaves out subsidy rows with nothing in them', () => {
    expect(activeSubsidyRows(figures).map((row) => row.kind)).toEqual(['VOCATIONAL_TRAINING']);
  });
});
