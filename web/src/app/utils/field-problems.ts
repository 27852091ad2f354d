import { compareDates, industrySection, isValidIsoDate, todayIsoDate, validateCreditCode, validateIdNumber } from '@registry/domain';

// Field checks for the forms, built on the same libs/domain rules the server applies, so a form
// refuses exactly what the server would. Each returns null (fine) or an i18n key with values.
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
}

export function idNumberProblem(value: string | null | undefined, today: Date = new Date()): FieldProblem | null {
  if (!value?.trim()) return null;
  const check = validateIdNumber(value, today);
  return check.valid ? null : { key: 'validation.idNumberInvalid', values: { reason: check.reason } };
}

export function creditCodeProblem(value: string | null | undefined): FieldProblem | null {
  if (!value?.trim()) return null;
  const check = validateCreditCode(value);
  return check.valid ? null : { key: 'validation.creditCodeInvalid', values: { reason: check.reason } };
}

export function industryCodeProblem(value: string | null | undefined): FieldProblem | null {
  if (!value?.trim()) return null;
  return industrySection(value) ? null : { key: 'validation.industryCodeInvalid' };
}

/** A real date, not after today and (when given) not before `notBefore` (e.g. the birth date). */
export function pastDateProblem(
  value: string | null | undefined,
  options: { today?: string; birthDate?: string | null } = {},
): FieldProblem | null {
  if (!value) return null;
  if (!isValidIsoDate(value)) return { key: 'validation.dateInvalid' };
  if (compareDates(value, options.today ?? todayIsoDate()) > 0) return { key: 'validation.dateInFuture' };
  if (options.birthDate && isValidIsoDate(options.birthDate) && compareDates(value, options.birthDate) < 0) {
    return { key: 'validation.dateBeforeBirth', values: { birthDate: options.birthDate } };
  }
  return null;
}

/** An end (possibly empty: ongoing) not before its start. */
export function periodOrderProblem(start: string | null | undefined, end: string | null | undefined): FieldProblem | null {
  if (!start || !end || !isValidIsoDate(start) || !isValidIsoDate(end)) return null;
  return compareDates(end, start) < 0 ? { key: 'validation.endBeforeStart', values: { start } } : null;
}

/** 1 = 一级 … 5 = 五级. */
export function certificateLevelProblem(level: unknown): FieldProblem | null {
  if (level === null || level === undefined || level === '') return null;
  return Number.isInteger(level) && (level as number) >= 1 && (level as number) <= 5 ? null : { key: 'validation.levelRange' };
}

export function nonNegativeProblem(value: unknown, { integer = false } = {}): FieldProblem | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) return { key: 'validation.nonNegative' };
  if (value < 0) return { key: 'validation.nonNegative' };
  if (integer && !Number.isInteger(value)) return { key: 'validation.integer' };
  return null;
}

/** The birth date and gender an ID number encodes, for showing beside the field. */
export function identityFromIdNumber(value: string | null | undefined): { birthDate: string; gender: 'MALE' | 'FEMALE' } | null {
  if (!value?.trim()) return null;
  const check = validateIdNumber(value);
  return check.valid ? { birthDate: check.birthDate, gender: check.gender } : null;
}
