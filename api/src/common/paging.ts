import { ArgsType, Field, Int } from '@nestjs/graphql';
import { RegistryError } from './registry-error';

export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 0 })
  offset?: number;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
  limit?: number;
}

export interface Page {
  offset: number;
  limit: number;
}

/** `maxPageSize` is the hard cap of AppConfig.graphql.maxPageSize (MAX_PAGE_SIZE). */
export function resolvePage(args: { offset?: number | null; limit?: number | null }, maxPageSize: number): Page {
  const offset = args.offset ?? 0;
  const limit = args.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(offset) || offset < 0) throw RegistryError.badInput('offset', '不能为负数');
  if (!Number.isInteger(limit) || limit < 1) throw RegistryError.badInput('limit', '至少为 1');
  if (limit > maxPageSize) throw RegistryError.badInput('limit', `每页最多 ${maxPageSize} 条`);
  return { offset, limit };
}
