import type { FormInstance } from 'antd';
import { fieldPath, fieldReason, readApiErrors, type ApiError } from './graphql-errors';

/**
 * Puts the server's BAD_USER_INPUT errors on the form fields they name (the first is scrolled
 * into view) and returns the errors that have no field on this form, for an alert.
 * `knownTopLevelFields` are the form's top-level names (lists included).
 */
export function applyServerErrors(form: FormInstance, error: unknown, knownTopLevelFields: readonly string[]): ApiError[] {
  const errors = readApiErrors(error);
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const unplaced: ApiError[] = [];
  for (const apiError of errors) {
    const path = apiError.code === 'BAD_USER_INPUT' && apiError.field ? fieldPath(apiError.field) : null;
    if (path && typeof path[0] === 'string' && knownTopLevelFields.includes(path[0])) {
      placed.push({ name: path, errors: [fieldReason(apiError)] });
    } else {
      unplaced.push(apiError);
    }
  }
  if (placed.length > 0) {
    form.setFields(placed);
    form.scrollToField(placed[0].name, { block: 'center' });
  }
  return unplaced;
}
