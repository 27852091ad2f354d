import { Alert, Button, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob, ImportMode } from '../api';
import { validRowCount } from '../utils/progress';

/** 全部导入 (only when every row is valid) and 仅导入正确的行 (only when some row is). */
export function CommitActions({ job, committing, onCommit }: { job: ImportJob; committing: boolean; onCommit(mode: ImportMode): void }) {
  const { t } = useTranslation();
  const counts = job.counts;
  if (job.status !== 'VALIDATED' || !counts) return null;
  const valid = validRowCount(job);
  return (
    <Space wrap>
      <Button type="primary" loading={committing} disabled={counts.invalid > 0} onClick={() => onCommit('ALL_OR_NOTHING')} data-testid="commit-all">
        {t('imports.commitAll')}
      </Button>
      {counts.invalid > 0 && (
        <Popconfirm
          title={t('imports.commitValidConfirm', { valid, invalid: counts.invalid })}
          onConfirm={() => onCommit('VALID_ONLY')}
          okText={t('imports.commitValid')}
          disabled={valid === 0}
        >
          <Button danger loading={committing} disabled={valid === 0} data-testid="commit-valid">
            {t('imports.commitValid')}
          </Button>
        </Popconfirm>
      )}
      {counts.invalid > 0 &&
        (valid === 0 ? (
          <Alert type="error" showIcon message={t('imports.noValidRows')} data-testid="no-valid-rows" />
        ) : (
          <Typography.Text type="danger">{t('imports.fixHint')}</Typography.Text>
        ))}
    </Space>
  );
}
