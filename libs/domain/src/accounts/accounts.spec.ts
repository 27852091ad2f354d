import { creatableRoles, passwordProblem, roleRegionLevels } from './index';

describe('password rule', () => {
  it('refuses short passwords and too few character classes', () => {
    expect(passwordProblem('Ab1!')).toMatch(/至少 8 位/);
    expect(passwordProblem('abcdefgh1')).toMatch(/至少三类/);
    expect(passwordProblem('ABCDEFGH')).toMatch(/至少三类/);
  });
  it('accepts three of four classes', () => {
    expect(passwordProblem('Abcdefg1')).toBeNull();
    expect(passwordProblem('abcdef1!')).toBeNull();
  });
});

describe('roles', () => {
  it('never lets an office create a role above its own', () => {
    expect(creatableRoles('COUNTY_OFFICE')).not.toContain('CITY_OFFICE');
    expect(creatableRoles('CITY_OFFICE')).not.toContain('PROVINCE_ADMIN');
    expect(creatableRoles('LEADER')).toEqual([]);
  });
  it('ties a township platform to a township', () => {
    expect(roleRegionLevels('TOWNSHIP_PLATFORM')).toEqual(['TOWNSHIP']);
  });
});

describe('passwordProblem beyond the classes', () => {
  it('refuses spaces at either end, the published demo password and the owner\'s names', () => {
    expect(passwordProblem(' Better#2025x')).toMatch(/首尾不能有空格/);
    expect(passwordProblem('Better#2025x ')).toMatch(/首尾不能有空格/);
    expect(passwordProblem('Jilin#2021demo')).toMatch(/演示密码/);
    expect(passwordProblem('xJILIN#2021DEMO')).toMatch(/演示密码/);
    expect(passwordProblem('Chaoyang#2025', { username: 'chaoyang' })).toMatch(/用户名/);
    expect(passwordProblem('Zhang#San2025', { displayName: 'zhangsan' })).toBeNull();
    expect(passwordProblem('Zhangsan#2025', { displayName: 'ZhangSan' })).toMatch(/姓名/);
    expect(passwordProblem('Better#2025x', { username: 'chaoyang', displayName: '朝阳区' })).toBeNull();
  });
});
