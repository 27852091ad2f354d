import { readBoolean, readIntList, readList, readPage, writeParams } from './url-params';

describe('url params', () => {
  it('reads pages with defaults and a whitelist of sizes', () => {
    expect(readPage(new URLSearchParams(''))).toEqual({ page: 1, pageSize: 20 });
    expect(readPage(new URLSearchParams('page=3&pageSize=50'))).toEqual({ page: 3, pageSize: 50 });
    expect(readPage(new URLSearchParams('page=-1&pageSize=7'))).toEqual({ page: 1, pageSize: 20 });
  });

  it('reads lists, dropping unknown values', () => {
    expect(readList(new URLSearchParams('size=LARGE,HUGE,MEDIUM'), 'size', ['LARGE', 'MEDIUM', 'SMALL'] as const)).toEqual(['LARGE', 'MEDIUM']);
    expect(readIntList(new URLSearchParams('c=3,1,9,x,1'), 'c', 1, 6)).toEqual([1, 3]);
  });

  it('reads booleans', () => {
    expect(readBoolean(new URLSearchParams('covered=false'), 'covered')).toBe(false);
    expect(readBoolean(new URLSearchParams('covered=maybe'), 'covered')).toBeUndefined();
  });

  it('writes only what is set', () => {
    expect(writeParams([['a', undefined], ['b', ''], ['c', [1, 2]], ['d', []], ['e', false]]).toString()).toBe('c=1%2C2&e=false');
  });
});
