// Accounts: the password rule (ASVS V2, 等保2.0 level 2) and the roles, shared by the
// change-password form and the server.
export type Role = 'PROVINCE_ADMIN' | 'CITY_OFFICE' | 'COUNTY_OFFICE' | 'TOWNSHIP_PLATFORM' | 'LEADER' | 'AUDITOR';

export const ROLE_LABELS: Record<Role, string> = {
  PROVINCE_ADMIN: '省级管理员',
  CITY_OFFICE: '市州办公室',
  COUNTY_OFFICE: '县市区办公室',
  TOWNSHIP_PLATFORM: '乡镇街道基层平台',
  LEADER: '领导（只读）',
  AUDITOR: '审计员',
};

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_AGE_DAYS = 180;
export const PASSWORD_HISTORY = 3;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export const PASSWORD_MAX_LENGTH = 128;

/** Passwords printed in public documents: the demo accounts' password (README). */
export const PUBLISHED_PASSWORDS: readonly string[] = ['Jilin#2021demo'];

/** Who the password belongs to: a password that contains these is refused. */
export interface PasswordOwner {
  username?: string | null;
  displayName?: string | null;
}

/**
 * null when the password passes the class rules, otherwise the reason in Chinese. The server
 * adds a strength estimate on top (zxcvbn, api/src/auth/password-policy.ts); the form shows
 * these rules as the user types.
 */
export function passwordProblem(password: string, owner: PasswordOwner = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`;
  if (password !== password.trim()) return '密码首尾不能有空格';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  const lower = password.toLowerCase();
  if (PUBLISHED_PASSWORDS.some((published) => lower.includes(published.toLowerCase()))) return '不能使用公开的演示密码';
  for (const [name, label] of [
    [owner.username, '用户名'],
    [owner.displayName, '姓名'],
  ] as const) {
    const text = name?.trim().toLowerCase();
    if (text && text.length >= 3 && lower.includes(text)) return `密码不能包含${label}`;
  }
  return null;
}

/** Which roles an administrator of `role` may create: never above their own level. */
export function creatableRoles(role: Role): Role[] {
  switch (role) {
    case 'PROVINCE_ADMIN':
      return ['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE', 'TOWNSHIP_PLATFORM', 'LEADER', 'AUDITOR'];
    case 'CITY_OFFICE':
      return ['CITY_OFFICE', 'COUNTY_OFFICE', 'TOWNSHIP_PLATFORM', 'LEADER'];
    case 'COUNTY_OFFICE':
      return ['COUNTY_OFFICE', 'TOWNSHIP_PLATFORM', 'LEADER'];
    default:
      return [];
  }
}

/** The region level a role's home region must have (leaders and auditors: any level). */
export function roleRegionLevels(role: Role): string[] {
  switch (role) {
    case 'PROVINCE_ADMIN':
      return ['PROVINCE'];
    case 'CITY_OFFICE':
      return ['UNIT'];
    case 'COUNTY_OFFICE':
      return ['COUNTY', 'UNIT'];
    case 'TOWNSHIP_PLATFORM':
      return ['TOWNSHIP'];
    default:
      return ['PROVINCE', 'UNIT', 'COUNTY', 'TOWNSHIP'];
  }
}
