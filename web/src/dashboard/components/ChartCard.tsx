import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Empty, Skeleton } from 'antd';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadChartPng, downloadCsv, downloadXlsx, type ExportColumn } from '../utils/export';

interface Props<T> {
  title: ReactNode;
  /** file name without extension */
  exportName: string;
  columns?: readonly ExportColumn<T>[];
  rows?: readonly T[];
  /** rows for the export when they differ from what is on screen (e.g. all pages) */
  loadAllRows?: () => Promise<readonly T[]>;
  chart?: boolean;
  loading?: boolean;
  empty?: boolean;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** A chart's figures as a table for screen readers (and anyone who cannot read the picture). */
function TextAlternative<T>({ title, columns, rows }: { title: ReactNode; columns: readonly ExportColumn<T>[]; rows: readonly T[] }) {
  return (
    <table className="dashboard-text-alternative" data-testid="chart-text-alternative">
      <caption>{title}</caption>
      <thead>
        <tr>
          {columns.map((column, columnIndex) => (
            <th key={columnIndex} scope="col">
              {column.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {columns.map((column, columnIndex) => (
              <td key={columnIndex}>{String(column.value(row) ?? '')}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A dashboard card: title, export menu (CSV, Excel, chart as PNG), loading and empty states. */
export function ChartCard<T>({ title, exportName, columns, rows, loadAllRows, chart = false, loading, empty, extra, children, testId }: Props<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const body = useRef<HTMLDivElement>(null);

  const run = async (kind: 'csv' | 'xlsx' | 'png') => {
    try {
      if (kind === 'png') {
        if (body.current) await downloadChartPng(body.current, exportName);
        return;
      }
      if (!columns) return;
      const data = loadAllRows ? await loadAllRows() : (rows ?? []);
      if (kind === 'csv') downloadCsv(exportName, columns, data);
      else await downloadXlsx(exportName, typeof title === 'string' ? title : exportName, columns, data);
    } catch (error) {
      void message.error(`${t('dashboard.exportFailed')}：${(error as Error).message}`);
    }
  };

  const items = [
    ...(columns ? [{ key: 'csv', label: t('dashboard.exportCsv') }, { key: 'xlsx', label: t('dashboard.exportXlsx') }] : []),
    ...(chart ? [{ key: 'png', label: t('dashboard.exportPng') }] : []),
  ];
  return (
    <Card
      title={title}
      size="small"
      className="dashboard-card"
      data-testid={testId}
      extra={
        <span className="dashboard-no-print">
          {extra}
          {items.length > 0 && !loading && !empty ? (
            <Dropdown menu={{ items, onClick: ({ key }) => void run(key as 'csv' | 'xlsx' | 'png') }} trigger={['click']}>
              <Button size="small" type="text" icon={<DownloadOutlined />} aria-label={t('dashboard.export')} data-testid={testId ? `${testId}-export` : undefined}>
                {t('dashboard.export')}
              </Button>
            </Dropdown>
          ) : null}
        </span>
      }
    >
      <div ref={body}>{loading ? <Skeleton active paragraph={{ rows: 5 }} /> : empty ? <Empty description={t('dashboard.noData')} /> : children}</div>
      {chart && columns && rows && !loading && !empty ? <TextAlternative title={title} columns={columns} rows={rows} /> : null}
    </Card>
  );
}
