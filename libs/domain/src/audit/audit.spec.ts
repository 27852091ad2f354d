import { auditActorText, auditDetailLineText, describeAuditDetail } from './index';

describe('the audit trail in words', () => {
  const text = (detail: unknown) => describeAuditDetail(JSON.stringify(detail)).map(auditDetailLineText);

  it('labels changed fields in Chinese with their values before and after', () => {
    expect(text({ changes: { derivedSizeClass: { before: 'LARGE', after: 'SMALL' }, phone: { before: null, after: '0431-1234567' } } })).toEqual([
      '企业规模（按指标判定）：大型 → 小型',
      '电话：— → 0431-1234567',
    ]);
  });

  it('turns codes into words: roles, operations, reasons, import modes, booleans', () => {
    expect(text({ operation: 'setUserActive', role: 'COUNTY_OFFICE' })).toEqual(['操作：启用/停用用户', '角色：县市区办公室']);
    expect(text({ reason: 'outside jurisdiction' })).toEqual(['原因：超出管辖范围']);
    expect(text({ mode: 'ALL_OR_NOTHING', locked: true })).toEqual(['导入方式：全部导入（有错误则不导入）', '已锁定：是']);
  });

  it('keeps what it does not know as stored, and text that is no JSON as it is', () => {
    expect(text({ someNewKey: 'x' })).toEqual(['someNewKey：x']);
    expect(describeAuditDetail('not json').map(auditDetailLineText)).toEqual(['详情：not json']);
    expect(describeAuditDetail(null)).toEqual([]);
  });

  it('names the acting person with the region of the account', () => {
    expect(auditActorText({ username: 'zhangsan', userDisplayName: '张三', userRegionName: '朝阳区' })).toBe('朝阳区 · 张三');
    expect(auditActorText({ username: 'ghost' })).toBe('ghost');
    expect(auditActorText({})).toBe('—');
  });
});
