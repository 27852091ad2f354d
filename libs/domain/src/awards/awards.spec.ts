import {
  allowedNominationActions,
  certificateNumber,
  competitiveSelectionProblem,
  nextNominationState,
  nominationTransitionProblem,
  officeLevel,
  quotaProblem,
  reviewChain,
} from './index';
import { findRegion } from '../regions';

describe('nomination state machine', () => {
  it('walks nominate → publicity → review → named', () => {
    expect(nextNominationState('NOMINATED', 'START_PUBLICITY')).toBe('IN_PUBLICITY');
    expect(nextNominationState('IN_PUBLICITY', 'DECLARE')).toBe('UNDER_REVIEW');
    expect(nextNominationState('UNDER_REVIEW', 'FORWARD')).toBe('UNDER_REVIEW');
    expect(nextNominationState('UNDER_REVIEW', 'NAME')).toBe('NAMED');
    expect(nextNominationState('UNDER_REVIEW', 'NOT_NAME')).toBe('NOT_NAMED');
  });

  it('lets a returned nomination be resubmitted, not declared again', () => {
    expect(nextNominationState('UNDER_REVIEW', 'RETURN')).toBe('RETURNED');
    expect(nextNominationState('RETURNED', 'RESUBMIT')).toBe('UNDER_REVIEW');
    expect(nextNominationState('RETURNED', 'DECLARE')).toBeNull();
  });

  it('refuses steps out of order with a reason naming both states', () => {
    expect(nextNominationState('NOMINATED', 'DECLARE')).toBeNull();
    expect(nominationTransitionProblem('NOMINATED', 'DECLARE')).toContain('已推荐');
    expect(nominationTransitionProblem('NOMINATED', 'DECLARE')).toContain('公示中');
    expect(nominationTransitionProblem('IN_PUBLICITY', 'DECLARE')).toBeNull();
    expect(nextNominationState('NAMED', 'RETURN')).toBeNull();
    expect(nextNominationState('UNDER_REVIEW', 'WITHDRAW')).toBeNull();
  });

  it('offers nothing once a nomination is final', () => {
    expect(allowedNominationActions('NAMED')).toEqual([]);
    expect(allowedNominationActions('NOT_NAMED')).toEqual([]);
    expect(allowedNominationActions('WITHDRAWN')).toEqual([]);
    expect(allowedNominationActions('UNDER_REVIEW').sort()).toEqual(['FORWARD', 'NAME', 'NOT_NAME', 'RETURN']);
  });
});

describe('review chain (四(二)1)', () => {
  it('sends a township coordinator to the county, then the city, then the province', () => {
    const township = '220104001'; // a street of 长春市朝阳区
    expect(findRegion(township)?.level).toBe('TOWNSHIP');
    expect(reviewChain({ regionCode: township, tripartiteStaff: false })).toEqual(['220104', '220100', '220000']);
  });

  it('sends tripartite member-unit staff to the office of their own level', () => {
    expect(reviewChain({ regionCode: '220100', tripartiteStaff: true })).toEqual(['220100', '220000']);
    expect(reviewChain({ regionCode: '220104', tripartiteStaff: true })).toEqual(['220104', '220100', '220000']);
    expect(reviewChain({ regionCode: '220000', tripartiteStaff: true })).toEqual(['220000']);
  });

  it('lets 梅河口 forward straight to the province', () => {
    expect(findRegion('220581')?.level).toBe('UNIT');
    expect(reviewChain({ regionCode: '220581001', tripartiteStaff: false })).toEqual(['220581', '220000']);
    expect(reviewChain({ regionCode: '220581', tripartiteStaff: false })).toEqual(['220581', '220000']);
    expect(officeLevel('220581')).toBe('UNIT');
    expect(officeLevel('220104')).toBe('COUNTY');
    expect(officeLevel('220000')).toBe('PROVINCE');
  });
});

describe('certificates, quotas, 差额', () => {
  it('numbers certificates year-tier-sequence', () => {
    expect(certificateNumber(2021, 'GOLD', 7)).toBe('2021-G-007');
    expect(certificateNumber(2021, 'BRONZE', 1234)).toBe('2021-B-1234');
    expect(() => certificateNumber(2021, 'SILVER', 0)).toThrow(RangeError);
  });

  it('refuses the forward beyond the quota unless gold e', () => {
    expect(quotaProblem({ places: 2, used: 1 }, false, '金牌')).toBeNull();
    expect(quotaProblem({ places: 2, used: 2 }, false, '金牌')).toContain('名额已用完');
    expect(quotaProblem({ places: 2, used: 2 }, true, '金牌')).toBeNull();
    expect(quotaProblem({ places: null, used: 50 }, false, '金牌')).toBeNull();
  });

  it('requires fewer named than candidates', () => {
    expect(competitiveSelectionProblem(3, 2, '金牌')).toBeNull();
    expect(competitiveSelectionProblem(3, 3, '金牌')).toContain('差额');
    expect(competitiveSelectionProblem(0, 0, '金牌')).toBeNull();
  });
});
