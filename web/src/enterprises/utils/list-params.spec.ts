import { parseEnterpriseListParams, serializeEnterpriseListParams, toEnterprisesVariables } from './list-params';

describe('enterprise list params', () => {
  it('round-trips through the query string', () => {
    const query = 'region=220104&q=%E6%B1%BD%E8%BD%A6&size=LARGE%2CMEDIUM&covered=false&section=C&ownership=nonPublic&status=all&sort=EMPLOYEES&dir=DESC&page=2';
    const state = parseEnterpriseListParams(new URLSearchParams(query));
    expect(state).toMatchObject({
      regionCode: '220104',
      search: '汽车',
      sizeClasses: ['LARGE', 'MEDIUM'],
      covered: false,
      industrySection: 'C',
      ownership: 'nonPublic',
      status: 'all',
      sort: 'EMPLOYEES',
      direction: 'DESC',
      page: 2,
      pageSize: 20,
    });
    expect(serializeEnterpriseListParams(state).toString()).toBe(query);
  });

  it('drops unknown sections and defaults to active enterprises', () => {
    const state = parseEnterpriseListParams(new URLSearchParams('section=Z&status=gone'));
    expect(state.industrySection).toBeUndefined();
    expect(state.status).toBe('active');
    expect(serializeEnterpriseListParams(state).toString()).toBe('');
  });

  it('maps ownership, coverage and status to the API filter', () => {
    const state = parseEnterpriseListParams(new URLSearchParams('ownership=public&covered=true&size=SMALL&page=3&pageSize=50'));
    expect(toEnterprisesVariables(state)).toEqual({
      filter: { publicOwned: true, covered: true, sizeClasses: ['SMALL'], active: true },
      offset: 100,
      limit: 50,
      order: undefined,
    });
    expect(toEnterprisesVariables(parseEnterpriseListParams(new URLSearchParams('status=all'))).filter).toEqual({ active: null });
  });
});
