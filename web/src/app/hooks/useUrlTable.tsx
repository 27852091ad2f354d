import { Empty, type TablePaginationConfig, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { fromSortOrder, PAGE_SIZES, toSortOrder, type PageState, type SortDirection } from '../utils/url-params';

/** The URL list state a sortable, paged table reads and writes. */
export interface SortedPageParams<S extends string> extends PageState {
  sort?: S;
  direction?: SortDirection;
}

/**
 * Wires an antd Table to list state kept in the URL (see useUrlListParams): the sort shown on
 * each column, sorting and paging written back (a new sort or page size starts at page 1), and
 * the pager and the table's props. `sortable` maps column keys to server sort fields; other columns cannot be sorted.
 */
export function useUrlTable<Row, S extends string, P extends SortedPageParams<S>>(
  params: P,
  setParams: (next: P) => void,
  sortable: Readonly<Record<string, S>>,
) {
  const { t } = useTranslation();

  const sortOrderOf = (key: string) => (params.sort && sortable[key] === params.sort ? toSortOrder(params.direction) : null);

  const onChange: TableProps<Row>['onChange'] = (pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const direction = fromSortOrder(single?.order);
    const sort = direction && single?.columnKey ? sortable[String(single.columnKey)] : undefined;
    const sortChanged = sort !== params.sort || (sort && direction !== params.direction);
    setParams({
      ...params,
      sort,
      direction: sort ? direction : undefined,
      page: sortChanged || pagination.pageSize !== params.pageSize ? 1 : (pagination.current ?? 1),
      pageSize: pagination.pageSize ?? params.pageSize,
    });
  };

  const pagination = (total: number): TablePaginationConfig => ({
    current: params.page,
    pageSize: params.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal: (shown) => t('common.total', { total: shown }),
  });

  /** The Table's props for one page of rows (columns and layout are the page's own). */
  const tableProps = ({ items, total, loading, emptyText }: { items: readonly Row[]; total: number; loading: boolean; emptyText: string }): TableProps<Row> => ({
    rowKey: 'id',
    size: 'middle',
    dataSource: items,
    loading,
    onChange,
    locale: { emptyText: loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> },
    pagination: pagination(total),
  });

  return { sortOrderOf, tableProps };
}
