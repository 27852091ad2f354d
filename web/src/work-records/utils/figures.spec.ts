import type { WorkFigureRowFieldsFragment } from '@registry/graphql-client';
import { activeChildRows, activeShare, yearChange } from './figures';

const row = (overrides: Partial<WorkFigureRowFieldsFragment>): WorkFigureRowFieldsFragment => ({
  regionCode: '220104',
  regionName: '朝阳区',
  disputesMediated: 0,
  mediationsSucceeded: 0,
  consultations: 0,
  records: 0,
  coordinators: 0,
  activeCoordinators: 0,
  silentCoordinators: 0,
  enterprises: 0,
  disputesPerCoordinator: null,
  consultationsPerCoordinator: null,
  disputesPer100Enterprises: null,
  consultationsPer100Enterprises: null,
  byKind: [],
  ...overrides,
});

describe('work figures', () => {
  it('gives the change from last year, and no percent against zero', () => {
    expect(yearChange(row({ disputesMediated: 12 }), row({ disputesMediated: 8 }), 'disputesMediated')).toEqual({ value: 12, change: 4, percent: 50 });
    expect(yearChange(row({ disputesMediated: 3 }), row({ disputesMediated: 0 }), 'disputesMediated')).toEqual({ value: 3, change: 3, percent: null });
    expect(yearChange(row({ disputesPer100Enterprises: 2.5 }), row({ disputesPer100Enterprises: null }), 'disputesPer100Enterprises')).toEqual({ value: 2.5, change: null, percent: null });
    expect(yearChange(null, row({}), 'records')).toEqual({ value: null, change: null, percent: null });
  });

  it('shares active coordinators and keeps the child rows with something in them', () => {
    expect(activeShare(row({ coordinators: 3, activeCoordinators: 2 }))).toBe(67);
    expect(activeShare(row({ coordinators: 0 }))).toBeNull();
    expect(activeChildRows([row({ regionCode: 'a' }), row({ regionCode: 'b', enterprises: 1 })]).map((entry) => entry.regionCode)).toEqual(['b']);
  });
});
