// What the API answers when something goes wrong, read without depending on Apollo's classes
// (so this stays a plain, testable function): GraphQL errors carry extensions.code, and
// BAD_USER_INPUT names the field (a dotted path such as `certificates[0].issuedOn`) and reason.
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'ACCOUNT_LOCKED'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK_ERROR'
  | string;

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** the input field at fault, as the server names it */
  field?: string;
  /** the reason alone, without the field prefix */
  reason?: string;
  extensions: Record<string, unknown>;
}

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Every error inside an Apollo error (CombinedGraphQLErrors, a network error, or anything thrown). */
export function readApiErrors(error: unknown): ApiError[] {
  if (!error) return [];
  if (isObject(error) && Array.isArray(error.errors)) {
    return (error.errors as GraphQLErrorLike[]).map((graphQLError) => {
      const extensions = isObject(graphQLError.extensions) ? graphQLError.extensions : {};
      const message = typeof graphQLError.message === 'string' ? graphQLError.message : '';
      return {
        code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
        message,
        field: typeof extensions.field === 'string' ? extensions.field : undefined,
        reason: typeof extensions.reason === 'string' ? extensions.reason : undefined,
        extensions,
      };
    });
  }
  const message = isObject(error) && typeof error.message === 'string' ? error.message : String(error);
  return [{ code: 'NETWORK_ERROR', message, extensions: {} }];
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return readApiErrors(error).some((apiError) => apiError.code === code);
}

/** `certificates[0].issuedOn` → ['certificates', 0, 'issuedOn'] (an antd Form name path). */
export function fieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      path.push(part);
      continue;
    }
    if (match[1]) path.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

/** The reason to show at the field: the server's reason, else the message without a `field: ` prefix. */
export function fieldReason(apiError: ApiError): string {
  if (apiError.reason) return apiError.reason;
  if (apiError.field && apiError.message.startsWith(`${apiError.field}: `)) return apiError.message.slice(apiError.field.length + 2);
  return apiError.message;
}
