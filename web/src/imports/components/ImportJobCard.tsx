import { Alert, Button, Card, Descriptions, Flex, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RUNNING } from '../api';
import type { ImportJobState } from '../hooks/useImportJob';
import { CommitActions } from './CommitActions';
import { ImportErrorsTable } from './ImportErrorsTable';
import { ImportPreviewTable } from './ImportPreviewTable';
import { JobProgress } from './JobProgress';
import { STATUS_COLORS } from './status';

/** The open job: its phases, counts, notes, preview, commit buttons and errors. */
export function ImportJobCard({ state, onClose, onFailure }: { state: ImportJobState; onClose(): void; onFailure(reason: string): void }) {
  const { t } = useTranslation();
  const { job } = state;
  if (!job) return null;
  const running = RUNNING.includes(job.status);
  const counts = job.counts;
  return (
    <Card
      title={
        <Space>
          {t('imports.jobTitle', { fileName: job.fileName })}
          <Tag color={STATUS_COLORS[job.status]} data-testid="job-status">
            {t(`imports.status.${job.status}`)}
          </Tag>
        </Space>
      }
      extra={<Button onClick={onClose}>{t('imports.close')}</Button>}
      data-testid="import-job"
    >
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'kind', label: t('imports.kind'), children: t(`imports.kinds.${job.kind}`) },
            { key: 'by', label: t('imports.uploadedBy'), children: job.uploaderName },
            { key: 'at', label: t('imports.uploadedAt'), children: new Date(job.createdAt).toLocaleString() },
          ]}
        />
        <JobProgress job={job} />
        {running && <Alert type="info" showIcon message={t('imports.canLeave')} />}
        {job.message && <Alert type={job.status === 'FAILED' ? 'error' : 'warning'} showIcon message={job.message} data-testid="job-message" />}
        {counts && (
          <Flex gap={32} wrap data-testid="job-counts">
            <Statistic title={t('imports.counts.new')} value={counts.new} />
            <Statistic title={t('imports.counts.updated')} value={counts.updated} />
            <Statistic title={t('imports.counts.unchanged')} value={counts.unchanged} />
            <Statistic title={t('imports.counts.invalid')} value={counts.invalid} valueStyle={counts.invalid > 0 ? { color: '#cf1322' } : undefined} />
          </Flex>
        )}
        {job.notes.length > 0 && (
          <Alert
            type="info"
            showIcon
            message={t('imports.notesTitle')}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {job.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            }
            data-testid="job-notes"
          />
        )}
        {job.status === 'VALIDATED' && job.preview && job.preview.rows.length > 0 && <ImportPreviewTable preview={job.preview} />}
        <CommitActions job={job} committing={state.committing} onCommit={(mode) => void state.commit(mode)} />
        {state.commitError && <Alert type="error" showIcon message={t('imports.commitFailed', { reason: state.commitError })} data-testid="commit-failure" />}
        {state.errorsError && (
          <Alert
            type="error"
            showIcon
            message={t('imports.errorsFailed', { reason: state.errorsError })}
            action={<Button size="small" onClick={state.reload}>{t('imports.retry')}</Button>}
          />
        )}
        {state.errors.total > 0 && <ImportErrorsTable job={job} errors={state.errors} page={state.errorPage} onPage={state.setErrorPage} onFailure={onFailure} />}
      </Flex>
    </Card>
  );
}
