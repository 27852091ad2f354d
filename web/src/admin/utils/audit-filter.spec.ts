import { describeDetail, toAuditLogFilter } from './audit-filter';

describe('toAuditLogFilter', () => {
  it('drops blanks and trims text', () => {
    expect(toAuditLogFilter({ username: '  chaoyang ', action: '', objectId: ' ', range: null })).toEqual({ username: 'chaoyang' });
  });

  it('passes the time range as from/to', () => {
    expect(toAuditLogFilter({ range: ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'], objectType: 'coordinator' })).toEqual({
      objectType: 'coordinator',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });
  });
});

describe('describeDetail', () => {
  it('shows changed fields as before → after', () => {
    expect(describeDetail(JSON.stringify({ changes: { name: { before: '张三', after: '张叁' }, phone: { before: null, after: '123' } } }))).toEqual([
      'name: 张三 → 张叁',
      'phone: — → 123',
    ]);
  });

  it('shows other keys as they are, and survives text that is not JSON', () => {
    expect(describeDetail('{"reason":"核对信息","locked":true}')).toEqual(['reason: 核对信息', 'locked: true']);
    expect(describeDetail('not json')).toEqual(['not json']);
    expect(describeDetail(null)).toEqual([]);
  });
});
