import { IntrinsicException } from '@nestjs/common';

// One error type for the registry: every feature throws it with a code, the GraphQL error
// formatter (graphql-errors.ts) turns it into the client-facing shape. The message names the
// field and the reason, in Chinese, since it is shown to office staff as it is.
export type RegistryErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'ACCOUNT_LOCKED'
  | 'TOO_MANY_REQUESTS';

// IntrinsicException: an expected answer to the client, so Nest does not log it as a crash.
export class RegistryError extends IntrinsicException {
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
    readonly field?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RegistryError';
  }

  static badInput(field: string, reason: string, details: Record<string, unknown> = {}): RegistryError {
    return new RegistryError('BAD_USER_INPUT', `${field}: ${reason}`, field, { reason, ...details });
  }

  /** Same answer for "does not exist" and "outside your jurisdiction". */
  static notFound(objectType: string, id: string): RegistryError {
    return new RegistryError('NOT_FOUND', `${objectType} ${id} 不存在`, undefined, { objectType, id });
  }

  static conflict(objectType: string, id: string, currentVersion: number): RegistryError {
    return new RegistryError(
      'CONFLICT',
      `${objectType} ${id} 已被他人修改（当前版本 ${currentVersion}），请刷新后重试`,
      'version',
      { currentVersion },
    );
  }

  static forbidden(reason: string): RegistryError {
    return new RegistryError('FORBIDDEN', reason);
  }
}
