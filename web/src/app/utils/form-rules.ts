import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { FieldProblem } from './field-problems';

/** An antd rule from a field check: the problem's i18n key becomes the message. */
export function problemRule<T>(t: TFunction, check: (value: T) => FieldProblem | null): FormRule {
  return {
    validator: async (_rule, value: T) => {
      const problem = check(value);
      if (problem) throw new Error(t(problem.key, problem.values ?? {}));
    },
  };
}

export function requiredRule(t: TFunction, labelKey: string): FormRule {
  return { required: true, message: t('validation.required', { label: t(labelKey) }) };
}

export function maxLengthRule(t: TFunction, max: number): FormRule {
  return { max, message: t('validation.tooLong', { max }) };
}
