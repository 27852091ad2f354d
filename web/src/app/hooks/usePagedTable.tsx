import { Empty, type TablePaginationConfig } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Paging kept in the component (tabs and drawers; whole list pages keep theirs in the URL, see
 * useUrlTable): the offset and limit for the list query, a reset to page 1 when a filter
 * changes, and the Table's loading, pager, paging handler and empty state.
 */
export function usePagedTable(pageSize = 20) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ current: 1, pageSize });

  const tableProps = ({ total, loading, emptyText }: { total: number; loading: boolean; emptyText: ReactNode }) => ({
    loading,
    pagination: { current: page.current, pageSize: page.pageSize, total, showTotal: (shown: number) => t('common.total', { total: shown }) } satisfies TablePaginationConfig,
    onChange: (pagination: TablePaginationConfig) => setPage({ current: pagination.current ?? 1, pageSize: pagination.pageSize ?? pageSize }),
    locale: { emptyText: loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> },
  });

  return {
    /** the page shown, as the list query's offset and limit */
    window: { offset: (page.current - 1) * page.pageSize, limit: page.pageSize },
    /** back to the first page (a filter or the sort changed) */
    reset: () => setPage((shown) => ({ ...shown, current: 1 })),
    tableProps,
  };
}
