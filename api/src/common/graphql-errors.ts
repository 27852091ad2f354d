import { Logger, ValidationError } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { maskIdNumbersDeep, maskIdNumbersInText } from '@registry/domain';
import { RegistryError } from './registry-error';

/** What a client is told of an error it could not have caused or foreseen. */
export const INTERNAL_ERROR_MESSAGE = '服务器内部错误';

const logger = new Logger('GraphQL');

// The one mapper from errors to what a client sees: RegistryError codes pass through with the
// field named; GraphQL's own validation errors pass through; anything else (a database error
// above all) is an internal error whose details stay in the server log: the client gets
// 服务器内部错误 and nothing of the database's text, in every mode. No message leaves with a
// full ID number in it.
export function formatGraphQLError() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof RegistryError) {
      return {
        message: maskIdNumbersInText(original.message),
        locations: formatted.locations,
        path: formatted.path,
        extensions: maskIdNumbersDeep({ code: original.code, ...(original.field ? { field: original.field } : {}), ...original.details }) as Record<string, unknown>,
      };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, message: maskIdNumbersInText(formatted.message), extensions: maskIdNumbersDeep(extensions) as Record<string, unknown> };
    }
    logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
    return {
      message: INTERNAL_ERROR_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** class-validator failures → BAD_USER_INPUT naming the first failing field (dotted path). */
export function validationErrorToRegistryError(errors: ValidationError[]): RegistryError {
  const first = (list: ValidationError[], prefix: string): { field: string; reason: string } | null => {
    for (const error of list) {
      const field = prefix ? (/^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`) : error.property;
      if (error.constraints) return { field, reason: Object.values(error.constraints)[0] };
      const nested = first(error.children ?? [], field);
      if (nested) return nested;
    }
    return null;
  };
  const found = first(errors, '') ?? { field: 'input', reason: '输入无效' };
  return RegistryError.badInput(found.field, found.reason);
}
