import { parseCoordinatorListParams, serializeCoordinatorListParams, toCoordinatorsVariables, withFilters } from './list-params';

describe('coordinator list params', () => {
  it('round-trips through the query string', () => {
    const query = 'region=220104&q=%E7%8E%8B&category=1%2C3&status=ACTIVE&level=3&size=LARGE%2CMEDIUM&sort=JOINED&dir=DESC&page=2&pageSize=50';
    const state = parseCoordinatorListParams(new URLSearchParams(query));
    expect(state).toEqual({
      regionCode: '220104',
      search: '王',
      categories: [1, 3],
      status: 'ACTIVE',
      certificateLevelAtLeast: 3,
      enterpriseSizeClasses: ['LARGE', 'MEDIUM'],
      sort: 'JOINED',
      direction: 'DESC',
      page: 2,
      pageSize: 50,
    });
    expect(serializeCoordinatorListParams(state).toString()).toBe(query);
  });

  it('ignores junk and writes nothing for the defaults', () => {
    const state = parseCoordinatorListParams(new URLSearchParams('status=GONE&level=9&category=0,7&sort=AGE&page=0'));
    expect(state).toMatchObject({ status: undefined, certificateLevelAtLeast: undefined, categories: [], sort: undefined, page: 1 });
    expect(serializeCoordinatorListParams(state).toString()).toBe('');
  });

  it('resets the page when a filter changes', () => {
    const state = parseCoordinatorListParams(new URLSearchParams('page=4&pageSize=50'));
    expect(withFilters(state, { search: '李' })).toMatchObject({ page: 1, pageSize: 50, search: '李' });
  });

  it('builds the query variables with server-side paging', () => {
    const state = parseCoordinatorListParams(new URLSearchParams('q=张&category=2&page=3&sort=NAME'));
    expect(toCoordinatorsVariables(state)).toEqual({
      filter: { search: '张', categories: [2] },
      offset: 40,
      limit: 20,
      order: { field: 'NAME', direction: 'ASC' },
    });
  });
});
