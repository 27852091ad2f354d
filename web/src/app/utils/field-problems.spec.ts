import { todayIsoDate } from '@registry/domain';
import { makeCreditCode, makeIdNumber } from '@registry/domain';
import {
  certificateLevelProblem,
  creditCodeProblem,
  identityFromIdNumber,
  idNumberProblem,
  industryCodeProblem,
  nonNegativeProblem,
  pastDateProblem,
  periodOrderProblem,
} from './field-problems';

describe('field problems', () => {
  it('accepts a valid ID number and gives the checksum reason for a bad one', () => {
    const valid = makeIdNumber('220104', '1985-06-15', 12, 'FEMALE');
    expect(idNumberProblem(valid)).toBeNull();
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const problem = idNumberProblem(wrongCheck);
    expect(problem?.key).toBe('validation.idNumberInvalid');
    expect(String(problem?.values?.reason)).toContain('校验码错误');
    expect(idNumberProblem('')).toBeNull();
  });

  it('derives birth date and gender from the ID number', () => {
    expect(identityFromIdNumber(makeIdNumber('220104', '1990-02-03', 11, 'MALE'))).toEqual({ birthDate: '1990-02-03', gender: 'MALE' });
    expect(identityFromIdNumber('123')).toBeNull();
  });

  it('checks credit codes and industry codes', () => {
    const valid = makeCreditCode('91220104000000001');
    expect(creditCodeProblem(valid)).toBeNull();
    expect(creditCodeProblem(valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0'))?.key).toBe('validation.creditCodeInvalid');
    expect(industryCodeProblem('C13')).toBeNull();
    expect(industryCodeProblem('5110')).toBeNull();
    expect(industryCodeProblem('Z99')?.key).toBe('validation.industryCodeInvalid');
  });

  it('keeps dates in the past and after the birth date', () => {
    expect(pastDateProblem('2020-01-01', { today: '2025-01-01' })).toBeNull();
    expect(pastDateProblem('2025-01-02', { today: '2025-01-01' })?.key).toBe('validation.dateInFuture');
    expect(pastDateProblem('2020-02-30', { today: '2025-01-01' })?.key).toBe('validation.dateInvalid');
    expect(pastDateProblem('1980-01-01', { today: '2025-01-01', birthDate: '1985-06-15' })).toEqual({
      key: 'validation.dateBeforeBirth',
      values: { birthDate: '1985-06-15' },
    });
  });

  it('keeps periods in order', () => {
    expect(periodOrderProblem('2020-01-01', '2019-12-31')?.key).toBe('validation.endBeforeStart');
    expect(periodOrderProblem('2020-01-01', '2020-01-01')).toBeNull();
    expect(periodOrderProblem('2020-01-01', null)).toBeNull();
  });

  it('keeps levels 1–5 and amounts non-negative', () => {
    expect(certificateLevelProblem(3)).toBeNull();
    expect(certificateLevelProblem(6)?.key).toBe('validation.levelRange');
    expect(certificateLevelProblem(0)?.key).toBe('validation.levelRange');
    expect(nonNegativeProblem(-1)?.key).toBe('validation.nonNegative');
    expect(nonNegativeProblem(1.5, { integer: true })?.key).toBe('validation.integer');
    expect(nonNegativeProblem(0, { integer: true })).toBeNull();
  });

  it('refuses a date after China’s today and accepts China’s today while UTC is still on yesterday', () => {
    // 07:00 in Changchun on 1 October 2021 is 23:00 UTC on 30 September
    const now = new Date('2021-09-30T23:00:00Z');
    expect(pastDateProblem('2021-10-01', { today: todayIsoDate(now) })).toBeNull();
    expect(pastDateProblem('2021-10-02', { today: todayIsoDate(now) })).toEqual({ key: 'validation.dateInFuture' });
  });
});
