import { isValidIsoDate } from '@registry/domain';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isValidIsoDate(value)) {
    throw new GraphQLError(`日期格式应为 YYYY-MM-DD 的有效日期，收到 ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** `scalar Date  # YYYY-MM-DD`: a calendar day, no time zone. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return String(value);
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('日期应为字符串 YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return parse(ast.value);
  },
});
