import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../api';

type PreviewRow = NonNullable<ImportJob['preview']>['rows'][number];

const ACTION_COLORS: Record<string, string> = { NEW: 'green', UPDATE: 'blue', UNCHANGED: 'default' };

/** The dry run's first valid rows as the commit will store them (the server shapes the cells). */
export function ImportPreviewTable({ preview }: { preview: NonNullable<ImportJob['preview']> }) {
  const { t } = useTranslation();
  return (
    <div data-testid="import-preview">
      <Typography.Text strong>{t('imports.previewTitle', { count: preview.rows.length })}</Typography.Text>
      <Table<PreviewRow>
        size="small"
        rowKey="row"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={preview.rows}
        locale={{ emptyText: t('imports.previewEmpty') }}
        columns={[
          { key: 'row', title: t('imports.previewRow'), dataIndex: 'row', width: 64, fixed: 'left' },
          {
            key: 'action',
            title: t('imports.previewAction'),
            dataIndex: 'action',
            width: 80,
            render: (action: PreviewRow['action']) => (action ? <Tag color={ACTION_COLORS[action]}>{t(`imports.actions.${action}`)}</Tag> : '—'),
          },
          ...preview.columns.map((title, index) => ({
            key: `cell-${index}`,
            title,
            render: (_value: unknown, row: PreviewRow) => <span style={{ whiteSpace: 'nowrap' }}>{row.cells[index] ?? '—'}</span>,
          })),
        ]}
      />
    </div>
  );
}
