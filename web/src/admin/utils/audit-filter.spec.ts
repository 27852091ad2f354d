import { auditExportPath, auditObjectPath, toAuditLogFilter } from './audit-filter';

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

describe('audit links and export', () => {
  it('links coordinators, enterprises and nominations to their pages', () => {
    expect(auditObjectPath('coordinator', '5058')).toBe('/coordinators/5058');
    expect(auditObjectPath('enterprise', '12')).toBe('/enterprises/12');
    expect(auditObjectPath('user', '3')).toBeNull();
    expect(auditObjectPath('coordinator', '2201**********1234')).toBeNull();
  });

  it('sends the filter to the export as the page queries it', () => {
    expect(auditExportPath({})).toBe('/api/audit-log.xlsx');
    const path = auditExportPath({ action: 'ACCESS_DENIED' });
    expect(JSON.parse(new URL(path, 'http://x').searchParams.get('filter')!)).toEqual({ action: 'ACCESS_DENIED' });
  });
});
