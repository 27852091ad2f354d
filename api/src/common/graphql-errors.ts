import { Logger, ValidationError } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { RegistryError } from './registry-error';

const logger = new Logger('GraphQL');

// The one mapper from errors to what a client sees: RegistryError codes pass through with the
// field named; GraphQL's own validation errors pass through; anything else is an internal
// error whose details stay in the server log (never a stack trace in production).
export function formatGraphQLError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof RegistryError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}), ...original.details },
      };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
    return {
      message: production ? '服务器内部错误' : formatted.message,
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
