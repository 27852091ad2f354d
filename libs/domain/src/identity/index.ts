// Identity checks shared by forms and the server: resident ID numbers (公民身份号码, GB 11643-1999)
// and unified social credit codes (统一社会信用代码, GB 32100-2015).
import { todayIsoDate } from '../dates';

export type Gender = 'MALE' | 'FEMALE';

export const GENDER_LABELS: Record<Gender, string> = { MALE: '男', FEMALE: '女' };

export type IdNumberCheck =
  | { valid: true; normalized: string; birthDate: string; gender: Gender; regionCode: string }
  | { valid: false; reason: string };

export type CreditCodeCheck =
  | {
      valid: true;
      normalized: string;
      regionCode: string;
      registrationAuthority: string;
      organizationType: string;
    }
  | { valid: false; reason: string };

// ---------------------------------------------------------------------------------------------
// Resident ID number 公民身份号码

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
// ISO 7064 MOD 11-2: the check character for each remainder of the weighted sum.
const ID_CHECK_CHARACTERS = '10X98765432';

// GB/T 2260 province-level prefixes; 83 is used by residence permits for Taiwan residents and
// 9 opens the 2023 foreigners' permanent-residence ID, which follows the same structure.
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += Number(first17[index]) * ID_WEIGHTS[index];
  return ID_CHECK_CHARACTERS[sum % 11];
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids DST and time-zone shifts.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Checks an 18-character resident ID number; China's day at `today` bounds the birth date (default: now). */
export function validateIdNumber(raw: string, today: Date = new Date()): IdNumberCheck {
  const normalized = (raw ?? '').trim().toUpperCase();
  if (normalized.length !== 18) return { valid: false, reason: `长度应为18位（实际${normalized.length}位）` };
  if (!/^\d{17}[\dX]$/.test(normalized)) return { valid: false, reason: '前17位应为数字，第18位应为数字或X' };

  const regionCode = normalized.slice(0, 6);
  if (!PROVINCE_PREFIXES.has(regionCode.slice(0, 2)) && !regionCode.startsWith('9')) {
    return { valid: false, reason: `地址码无效：${regionCode}不是有效的行政区划代码` };
  }

  const year = Number(normalized.slice(6, 10));
  const month = Number(normalized.slice(10, 12));
  const day = Number(normalized.slice(12, 14));
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isCalendarDate(year, month, day)) return { valid: false, reason: `出生日期无效：${birthDate}不是真实日期` };
  if (year < 1900) return { valid: false, reason: `出生日期无效：${birthDate}早于1900年` };
  if (birthDate > todayIsoDate(today)) return { valid: false, reason: `出生日期无效：${birthDate}晚于今天` };

  const expected = idCheckCharacter(normalized.slice(0, 17));
  if (normalized[17] !== expected) return { valid: false, reason: `校验码错误，应为${expected}` };

  // The 17th digit (last of the sequence code 顺序码) is odd for men and even for women.
  const gender: Gender = Number(normalized[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { valid: true, normalized, birthDate, gender, regionCode };
}

/** 2201**********1234: enough to tell records apart without revealing the person. */
export function maskIdNumber(normalized: string): string {
  if (normalized.length <= 8) return '*'.repeat(normalized.length);
  return `${normalized.slice(0, 4)}${'*'.repeat(normalized.length - 8)}${normalized.slice(-4)}`;
}

/**
 * Builds a valid ID number for tests and demo data. The gender decides the parity of the
 * sequence's last digit, so `sequence3` may move by one to match it.
 */
export function makeIdNumber(regionCode6: string, birthDate: string, sequence3: number, gender: Gender): string {
  if (!/^\d{6}$/.test(regionCode6)) throw new RangeError(`regionCode6 must be 6 digits: ${regionCode6}`);
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!dateMatch || !isCalendarDate(Number(dateMatch[1]), Number(dateMatch[2]), Number(dateMatch[3]))) {
    throw new RangeError(`birthDate must be a real YYYY-MM-DD date: ${birthDate}`);
  }
  if (!Number.isInteger(sequence3) || sequence3 < 0 || sequence3 > 999) {
    throw new RangeError(`sequence3 must be an integer 0–999: ${sequence3}`);
  }
  const wantOdd = gender === 'MALE';
  // Flipping the lowest bit keeps the sequence within 0–999.
  const sequence = (sequence3 % 2 === 1) === wantOdd ? sequence3 : sequence3 ^ 1;
  const first17 = `${regionCode6}${dateMatch[1]}${dateMatch[2]}${dateMatch[3]}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

// ---------------------------------------------------------------------------------------------
// Unified social credit code 统一社会信用代码

// I, O, Z, S, V are left out so they cannot be mistaken for 1, 0, 2, 5, U.
const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Registration authority 登记管理部门 (position 1) and the organization types 机构类别 (position 2) it issues. */
export const CREDIT_CODE_AUTHORITIES: Record<string, { name: string; organizationTypes: Record<string, string> }> = {
  '1': { name: '机构编制', organizationTypes: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', organizationTypes: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    organizationTypes: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', organizationTypes: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', organizationTypes: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    organizationTypes: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', organizationTypes: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', organizationTypes: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', organizationTypes: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', organizationTypes: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', organizationTypes: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', organizationTypes: { '1': '其他' } },
};

function creditCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index++) {
    sum += CREDIT_CODE_CHARACTERS.indexOf(first17[index]) * CREDIT_CODE_WEIGHTS[index];
  }
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31];
}

/** Checks an 18-character unified social credit code. */
export function validateCreditCode(raw: string): CreditCodeCheck {
  const normalized = (raw ?? '').trim().toUpperCase();
  if (normalized.length !== 18) return { valid: false, reason: `长度应为18位（实际${normalized.length}位）` };

  const invalidCharacters = [...new Set([...normalized].filter((character) => !CREDIT_CODE_CHARACTERS.includes(character)))];
  if (invalidCharacters.length > 0) {
    return { valid: false, reason: `含有无效字符：${invalidCharacters.join('、')}（只能是数字和除I、O、Z、S、V以外的大写字母）` };
  }

  const authority = CREDIT_CODE_AUTHORITIES[normalized[0]];
  if (!authority) return { valid: false, reason: `第1位登记管理部门代码无效：${normalized[0]}` };
  const organizationType = authority.organizationTypes[normalized[1]];
  if (!organizationType) {
    return { valid: false, reason: `第2位机构类别代码无效：登记管理部门“${authority.name}”下没有类别${normalized[1]}` };
  }

  const regionCode = normalized.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) return { valid: false, reason: `第3–8位登记管理机关行政区划码应为6位数字：${regionCode}` };

  // Positions 9–17 hold the organization code (GB 11714); its own check digit is not enforced
  // because codes issued to 个体工商户 and other late registrants do not always carry one.
  const expected = creditCheckCharacter(normalized.slice(0, 17));
  if (normalized[17] !== expected) return { valid: false, reason: `校验码错误，应为${expected}` };

  return { valid: true, normalized, regionCode, registrationAuthority: authority.name, organizationType };
}

/** Appends the check character to a 17-character prefix; for tests and demo data. */
export function makeCreditCode(prefix17: string): string {
  const prefix = prefix17.toUpperCase();
  if (prefix.length !== 17 || [...prefix].some((character) => !CREDIT_CODE_CHARACTERS.includes(character))) {
    throw new RangeError(`prefix17 must be 17 characters from ${CREDIT_CODE_CHARACTERS}: ${prefix17}`);
  }
  return prefix + creditCheckCharacter(prefix);
}
