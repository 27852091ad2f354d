import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob, ImportKind } from '../api';
import { STATUS_COLORS } from './status';

export function ImportHistory({ history, error, onRefresh, onOpen }: { history: ImportJob[]; error: string | null; onRefresh(): void; onOpen(id: string): void }) {
  const { t } = useTranslation();
  return (
    <Card title={t('imports.historyTitle')} extra={<Button icon={<ReloadOutlined />} onClick={onRefresh} aria-label={t('imports.retry')} />}>
      {error && <Alert type="error" showIcon message={t('imports.historyFailed', { reason: error })} style={{ marginBottom: 12 }} data-testid="history-failure" />}
      <Table<ImportJob>
        size="small"
        rowKey="id"
        dataSource={history}
        pagination={false}
        data-testid="import-history"
        onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'createdAt', title: t('imports.uploadedAt'), dataIndex: 'createdAt', render: (value: string) => new Date(value).toLocaleString() },
          { key: 'fileName', title: t('imports.fileName'), dataIndex: 'fileName' },
          { key: 'kind', title: t('imports.kind'), dataIndex: 'kind', render: (value: ImportKind) => t(`imports.kinds.${value}`) },
          { key: 'username', title: t('imports.uploadedBy'), dataIndex: 'uploaderName' },
          { key: 'status', title: t('imports.statusLabel'), dataIndex: 'status', render: (value: ImportJob['status']) => <Tag color={STATUS_COLORS[value]}>{t(`imports.status.${value}`)}</Tag> },
          {
            key: 'counts',
            title: t('imports.countsLabel'),
            render: (_value, row) =>
              row.counts ? t('imports.countsShort', { new: row.counts.new, updated: row.counts.updated, unchanged: row.counts.unchanged, invalid: row.counts.invalid }) : '—',
          },
        ]}
      />
    </Card>
  );
}
