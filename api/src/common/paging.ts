import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { RegistryError } from './registry-error';

export const DEFAULT_PAGE_SIZE = 20;
/** Beyond any list the registry holds; keeps OFFSET within what PostgreSQL takes. */
const MAX_OFFSET = 1_000_000_000;

// GraphQL paging arguments, and the same class for a REST list's ?offset=&limit= (@Query()),
// where the text is turned into a number first. The page-size cap is resolvePage's.
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 0 })
  @IsOptional() @Type(() => Number) @IsInt({ message: '应为整数' }) @Min(0, { message: '不能为负数' }) @Max(MAX_OFFSET, { message: `最多 ${MAX_OFFSET}` })
  offset?: number;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt({ message: '应为整数' }) @Min(1, { message: '至少为 1' }) @Max(MAX_OFFSET, { message: `最多 ${MAX_OFFSET}` })
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

export interface PageQuery {
  /** the page's select list */
  columns: string;
  /** `from … where …` of the scoped, filtered set, shared by the page and its total */
  from: string;
  /** ends with a unique column so pages never overlap */
  orderBy: string;
  parameters: unknown[];
  /** a WITH clause both statements need */
  with?: string;
  /**
   * Tables joined to the page's rows only, after offset and limit (each row's employer, say),
   * so neither skipped rows nor the total pay for them. `from` names the page `alias`, the
   * table alias of `orderBy`, whose columns must therefore all be among `columns`.
   */
  join?: { alias: string; columns: string; from: string };
}

/**
 * One page of a list and the total of the whole filtered set in one round trip: the total is
 * an uncorrelated subquery (evaluated once, index-only where it can be) beside a page that
 * walks the order's index instead of sorting the whole set. Only a page past the end needs a
 * second statement for the total.
 */
export async function queryPage<Row = Record<string, unknown>>(
  dataSource: { query(sql: string, parameters?: unknown[]): Promise<any> },
  query: PageQuery,
  { offset, limit }: Page,
): Promise<{ total: number; rows: Row[] }> {
  const prefix = query.with ? `${query.with} ` : '';
  const page = `select ${query.columns}, (select count(*)::int ${query.from}) as total_count ${query.from}
     order by ${query.orderBy} offset ${offset} limit ${limit}`;
  const { join } = query;
  const rows: (Row & { total_count: number })[] = await dataSource.query(
    join ? `${prefix}select ${join.alias}.*, ${join.columns} from (${page}) ${join.alias} ${join.from} order by ${query.orderBy}` : `${prefix}${page}`,
    query.parameters,
  );
  if (rows.length > 0 || offset === 0) return { total: rows[0]?.total_count ?? 0, rows };
  const [{ count }] = await dataSource.query(`${prefix}select count(*)::int as count ${query.from}`, query.parameters);
  return { total: count, rows };
}
