import {
  makeCreditCode,
  makeIdNumber,
  maskIdNumber,
  validateCreditCode,
  validateIdNumber,
} from './index';

const TODAY = new Date('2025-06-01T04:00:00Z'); // noon of 2025-06-01 in China, whatever the machine's zone

describe('validateIdNumber', () => {
  it('accepts the GB 11643 sample and returns birth date, gender and region', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'FEMALE',
      regionCode: '110105',
    });
  });

  it('accepts Jilin numbers of both genders', () => {
    expect(validateIdNumber('220102198001011234', TODAY)).toMatchObject({
      valid: true,
      birthDate: '1980-01-01',
      gender: 'MALE',
      regionCode: '220102',
    });
    const woman = makeIdNumber('222401', '1992-02-29', 57, 'FEMALE');
    expect(validateIdNumber(woman, TODAY)).toMatchObject({ valid: true, birthDate: '1992-02-29', gender: 'FEMALE' });
  });

  it('trims and upper-cases a lower-case x check character', () => {
    expect(validateIdNumber('  11010519491231002x ', TODAY)).toMatchObject({ valid: true, normalized: '11010519491231002X' });
  });

  it('names a wrong length', () => {
    expect(validateIdNumber('220102800101123', TODAY)).toEqual({ valid: false, reason: expect.stringContaining('长度应为18位') });
    expect(validateIdNumber('', TODAY)).toEqual({ valid: false, reason: expect.stringContaining('长度应为18位') });
  });

  it('refuses letters anywhere but the check position', () => {
    expect(validateIdNumber('2201021980010112X4', TODAY)).toEqual({ valid: false, reason: expect.stringContaining('前17位应为数字') });
    expect(validateIdNumber('22010219800101123Y', TODAY)).toEqual({ valid: false, reason: expect.stringContaining('数字或X') });
  });

  it('refuses an unknown province prefix', () => {
    expect(validateIdNumber(makeIdNumber('000000', '1980-01-01', 1, 'MALE'), TODAY)).toEqual({
      valid: false,
      reason: expect.stringContaining('地址码无效'),
    });
  });

  it('refuses birth dates that do not exist, lie in the future or before 1900', () => {
    // A valid check character, so only the date can be the reason.
    const withCheck = (first17: string) => first17 + checkFor(first17);
    expect(validateIdNumber(withCheck('22010219930229123'), TODAY)).toEqual({ valid: false, reason: expect.stringMatching(/^出生日期无效.*不是真实日期/) });
    expect(validateIdNumber(withCheck('22010219801301123'), TODAY)).toEqual({ valid: false, reason: expect.stringMatching(/^出生日期无效/) });
    expect(validateIdNumber(makeIdNumber('220102', '2025-06-02', 1, 'MALE'), TODAY)).toEqual({
      valid: false,
      reason: expect.stringMatching(/^出生日期无效.*晚于今天/),
    });
    expect(validateIdNumber(makeIdNumber('220102', '2025-06-01', 1, 'MALE'), TODAY)).toMatchObject({ valid: true });
    expect(validateIdNumber('440524188001010014', TODAY)).toEqual({ valid: false, reason: expect.stringMatching(/^出生日期无效.*早于1900年/) });
  });

  it('names the expected check character', () => {
    expect(validateIdNumber('22010219800101123X', TODAY)).toEqual({ valid: false, reason: '校验码错误，应为4' });
    expect(validateIdNumber('110105194912310020', TODAY)).toEqual({ valid: false, reason: '校验码错误，应为X' });
  });
});

// Recomputes the ISO 7064 MOD 11-2 character independently of the module under test.
function checkFor(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * weights[index], 0);
  return '10X98765432'[sum % 11];
}

describe('maskIdNumber', () => {
  it('keeps the first and last four characters', () => {
    expect(maskIdNumber('220102198001011234')).toBe('2201**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
  it('hides short input entirely', () => {
    expect(maskIdNumber('1234')).toBe('****');
  });
});

describe('makeIdNumber', () => {
  it('encodes gender in the parity of the 17th digit', () => {
    expect(makeIdNumber('220102', '1985-06-15', 123, 'MALE').slice(14, 17)).toBe('123');
    expect(makeIdNumber('220102', '1985-06-15', 123, 'FEMALE').slice(14, 17)).toBe('122');
    expect(makeIdNumber('220102', '1985-06-15', 0, 'MALE').slice(14, 17)).toBe('001');
    expect(makeIdNumber('220102', '1985-06-15', 999, 'FEMALE').slice(14, 17)).toBe('998');
  });
  it('produces numbers the validator accepts', () => {
    for (let sequence = 0; sequence < 40; sequence++) {
      const gender = sequence % 3 === 0 ? 'MALE' : 'FEMALE';
      const result = validateIdNumber(makeIdNumber('220581', '1970-12-31', sequence * 25, gender), TODAY);
      expect(result).toMatchObject({ valid: true, gender, regionCode: '220581', birthDate: '1970-12-31' });
    }
  });
  it('refuses malformed arguments', () => {
    expect(() => makeIdNumber('2201', '1985-06-15', 1, 'MALE')).toThrow(RangeError);
    expect(() => makeIdNumber('220102', '1985-02-30', 1, 'MALE')).toThrow(RangeError);
    expect(() => makeIdNumber('220102', '1985-06-15', 1000, 'MALE')).toThrow(RangeError);
  });
});

describe('validateCreditCode', () => {
  it.each([
    ['91350100M000100Y43', '350100'], // the usual GB 32100 illustration
    ['91330100799655058B', '330100'],
    ['91440300708461136T', '440300'],
    ['91110000710925462X', '110000'],
    ['91110108551385082Q', '110108'],
  ])('accepts %s', (code, regionCode) => {
    expect(validateCreditCode(code)).toMatchObject({ valid: true, normalized: code, regionCode, registrationAuthority: '工商', organizationType: '企业' });
  });

  it('normalizes case and whitespace', () => {
    expect(validateCreditCode(' 91350100m000100y43 ')).toMatchObject({ valid: true, normalized: '91350100M000100Y43' });
  });

  it('reads a social organization registered with civil affairs', () => {
    const code = makeCreditCode('51220100MJ1234567');
    expect(validateCreditCode(code)).toMatchObject({ valid: true, regionCode: '220100', registrationAuthority: '民政', organizationType: '社会团体' });
  });

  it('names a wrong length', () => {
    expect(validateCreditCode('91350100M000100Y4')).toEqual({ valid: false, reason: expect.stringContaining('长度应为18位') });
  });

  it('names characters outside the charset', () => {
    expect(validateCreditCode('91350100M0001O0Y43')).toEqual({ valid: false, reason: expect.stringContaining('含有无效字符：O') });
    expect(validateCreditCode('91350100I000100S43')).toEqual({ valid: false, reason: expect.stringContaining('I、S') });
  });

  it('names an unknown registration authority or organization type', () => {
    expect(validateCreditCode(makeCreditCode('B1350100M000100Y4'))).toEqual({ valid: false, reason: expect.stringContaining('登记管理部门代码无效') });
    expect(validateCreditCode(makeCreditCode('94350100M000100Y4'))).toEqual({ valid: false, reason: expect.stringContaining('机构类别代码无效') });
  });

  it('requires six digits for the region code', () => {
    expect(validateCreditCode(makeCreditCode('9135010AM000100Y4'))).toEqual({ valid: false, reason: expect.stringContaining('行政区划码应为6位数字') });
  });

  it('names the expected check character', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({ valid: false, reason: '校验码错误，应为3' });
    expect(validateCreditCode('911100001000017795')).toEqual({ valid: false, reason: '校验码错误，应为U' });
  });
});

describe('makeCreditCode', () => {
  it('computes the check character, 0 when the remainder is 0', () => {
    expect(makeCreditCode('91350100M000100Y4')).toBe('91350100M000100Y43');
    const codes = Array.from({ length: 200 }, (_, index) => makeCreditCode(`9122010${String(index).padStart(10, '0')}`));
    for (const code of codes) expect(validateCreditCode(code)).toMatchObject({ valid: true });
    expect(codes.some((code) => code.endsWith('0'))).toBe(true);
  });
  it('refuses a malformed prefix', () => {
    expect(() => makeCreditCode('91350100M000100Y')).toThrow(RangeError);
    expect(() => makeCreditCode('91350100M000100O4')).toThrow(RangeError);
  });
});
