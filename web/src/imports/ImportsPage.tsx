import { CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Progress, Radio, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { download, importsApi, RUNNING, type ImportError, type ImportJob, type ImportKind, type ImportMode } from './api';
import { ExportButton } from './ExportButton';

const STATUS_COLORS: Record<ImportJob['status'], string> = {
  QUEUED: 'default',
  VALIDATING: 'processing',
  VALIDATED: 'blue',
  COMMITTING: 'processing',
  COMMITTED: 'success',
  FAILED: 'error',
};

const ERROR_PAGE = 50;

/** Upload → dry-run report → commit, with progress; the job id is in the URL, so the page can be left and reopened. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const [kind, setKind] = useState<ImportKind>((params.get('kind') as ImportKind) === 'enterprises' ? 'enterprises' : 'coordinators');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [history, setHistory] = useState<ImportJob[]>([]);
  const [errors, setErrors] = useState<{ total: number; items: ImportError[] }>({ total: 0, items: [] });
  const [errorPage, setErrorPage] = useState(1);
  const [uploading, setUploading] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pollTick, setPollTick] = useState(0);

  const refreshHistory = useCallback(() => {
    importsApi.list().then(setHistory, () => undefined);
  }, []);
  useEffect(refreshHistory, [refreshHistory]);

  // poll the open job while it runs
  useEffect(() => {
    if (!jobId) {
      setJob(null);
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const current = await importsApi.job(jobId);
        if (stopped) return;
        setJob(current);
        if (RUNNING.includes(current.status)) timer = setTimeout(() => void poll(), 700);
        else refreshHistory();
      } catch (error) {
        if (!stopped) setFailure(error instanceof Error ? error.message : String(error));
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId, refreshHistory, pollTick]);

  const status = job?.status;
  useEffect(() => {
    if (!jobId || !status || RUNNING.includes(status)) return;
    importsApi.errors(jobId, (errorPage - 1) * ERROR_PAGE, ERROR_PAGE).then(setErrors, () => undefined);
  }, [jobId, status, errorPage]);

  const open = (id: string | null) => {
    setErrorPage(1);
    setErrors({ total: 0, items: [] });
    setFailure(null);
    setParams(id ? { job: id } : {});
  };

  const upload = async (file: File) => {
    setUploading(true);
    setFailure(null);
    try {
      const created = await importsApi.upload(kind, file);
      open(created.id);
      refreshHistory();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(false);
    }
  };

  const commit = async (mode: ImportMode) => {
    if (!job) return;
    setCommitting(true);
    setFailure(null);
    try {
      setJob(await importsApi.commit(job.id, mode));
      setPollTick((tick) => tick + 1);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setCommitting(false);
    }
  };

  const running = job ? RUNNING.includes(job.status) : false;
  const counts = job?.counts;
  const total = job ? Math.max(job.rowsParsed, 1) : 1;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('imports.title')}
      </Typography.Title>

      <Card title={t('imports.step1')}>
        <Flex gap={16} wrap align="center">
          <Radio.Group value={kind} onChange={(event) => setKind(event.target.value)} optionType="button" data-testid="import-kind">
            <Radio.Button value="coordinators">{t('imports.kinds.coordinators')}</Radio.Button>
            <Radio.Button value="enterprises">{t('imports.kinds.enterprises')}</Radio.Button>
          </Radio.Group>
          <Button icon={<FileExcelOutlined />} onClick={() => void download(`/api/imports/templates/${kind}.xlsx`, `${kind}-template.xlsx`).catch((error) => message.error(String(error.message ?? error)))} data-testid="download-template">
            {t('imports.downloadTemplate')}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            customRequest={({ file }) => void upload(file as File)}
            disabled={uploading}
          >
            <Button type="primary" icon={<CloudUploadOutlined />} loading={uploading} data-testid="upload-button">
              {t('imports.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('imports.uploadHint')}</Typography.Text>
        </Flex>
      </Card>

      {failure && <Alert type="error" showIcon message={failure} data-testid="import-failure" />}

      {job && (
        <Card
          title={
            <Space>
              {t('imports.jobTitle', { fileName: job.fileName })}
              <Tag color={STATUS_COLORS[job.status]} data-testid="job-status">
                {t(`imports.status.${job.status}`)}
              </Tag>
            </Space>
          }
          extra={<Button onClick={() => open(null)}>{t('imports.close')}</Button>}
          data-testid="import-job"
        >
          <Flex vertical gap={16}>
            <Descriptions size="small" column={3} items={[
              { key: 'kind', label: t('imports.kind'), children: t(`imports.kinds.${job.kind}`) },
              { key: 'by', label: t('imports.uploadedBy'), children: job.username },
              { key: 'at', label: t('imports.uploadedAt'), children: new Date(job.createdAt).toLocaleString() },
            ]} />
            <Flex gap={24} wrap data-testid="job-progress">
              <div style={{ minWidth: 220 }}>
                <Typography.Text>{t('imports.rowsParsed', { count: job.rowsParsed })}</Typography.Text>
                <Progress percent={job.status === 'QUEUED' ? 0 : running && job.status === 'VALIDATING' ? 50 : 100} status={running ? 'active' : undefined} showInfo={false} />
              </div>
              <div style={{ minWidth: 220 }}>
                <Typography.Text>{t('imports.rowsValidated', { count: job.rowsValidated })}</Typography.Text>
                <Progress percent={Math.round((job.rowsValidated / total) * 100)} showInfo={false} status={running && job.status === 'VALIDATING' ? 'active' : undefined} />
              </div>
              <div style={{ minWidth: 220 }}>
                <Typography.Text>{t('imports.rowsWritten', { count: job.rowsWritten })}</Typography.Text>
                <Progress
                  percent={
                    job.status === 'COMMITTED'
                      ? 100
                      : job.status === 'COMMITTING' && counts && counts.new + counts.updated > 0
                        ? Math.round((job.rowsWritten / (counts.new + counts.updated)) * 100)
                        : 0
                  }
                  status={job.status === 'COMMITTING' ? 'active' : job.status === 'FAILED' ? 'exception' : undefined}
                  showInfo={false}
                />
              </div>
            </Flex>
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
            {job.status === 'VALIDATED' && counts && (
              <Space wrap>
                <Button type="primary" loading={committing} disabled={counts.invalid > 0} onClick={() => void commit('ALL_OR_NOTHING')} data-testid="commit-all">
                  {t('imports.commitAll')}
                </Button>
                {counts.invalid > 0 && (
                  <Popconfirm title={t('imports.commitValidConfirm', { valid: counts.new + counts.updated + counts.unchanged, invalid: counts.invalid })} onConfirm={() => void commit('VALID_ONLY')} okText={t('imports.commitValid')}>
                    <Button danger loading={committing} data-testid="commit-valid">
                      {t('imports.commitValid')}
                    </Button>
                  </Popconfirm>
                )}
                {counts.invalid > 0 && <Typography.Text type="danger">{t('imports.fixHint')}</Typography.Text>}
              </Space>
            )}
            {errors.total > 0 && (
              <Flex vertical gap={8}>
                <Flex justify="space-between" align="center">
                  <Typography.Text strong>{t('imports.errorsTitle', { count: errors.total })}</Typography.Text>
                  <Button icon={<DownloadOutlined />} onClick={() => void download(`/api/imports/${job.id}/error-file`, 'errors.xlsx')} data-testid="download-errors">
                    {t('imports.downloadErrors')}
                  </Button>
                </Flex>
                <Table<ImportError>
                  size="small"
                  rowKey={(error) => `${error.sheet}:${error.row}:${error.column}`}
                  dataSource={errors.items}
                  data-testid="error-table"
                  pagination={{ current: errorPage, pageSize: ERROR_PAGE, total: errors.total, onChange: setErrorPage, showSizeChanger: false }}
                  columns={[
                    { key: 'sheet', title: t('imports.errorColumns.sheet'), dataIndex: 'sheet', width: 100 },
                    { key: 'row', title: t('imports.errorColumns.row'), dataIndex: 'row', width: 80 },
                    { key: 'column', title: t('imports.errorColumns.column'), dataIndex: 'column', width: 180 },
                    { key: 'reason', title: t('imports.errorColumns.reason'), dataIndex: 'reason' },
                  ]}
                />
              </Flex>
            )}
          </Flex>
        </Card>
      )}

      <Card title={t('imports.exportTitle')}>
        <Space wrap>
          <ExportButton kind="coordinators" label={t('imports.exports.coordinators')} />
          <ExportButton kind="enterprises" label={t('imports.exports.enterprises')} />
          <ExportButton kind="uncovered-enterprises" label={t('imports.exports.uncovered')} />
          <ExportButton kind="nominations" label={t('imports.exports.nominations')} />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('imports.exportHint')}
        </Typography.Paragraph>
      </Card>

      <Card title={t('imports.historyTitle')} extra={<Button icon={<ReloadOutlined />} onClick={refreshHistory} />}>
        <Table<ImportJob>
          size="small"
          rowKey="id"
          dataSource={history}
          pagination={false}
          data-testid="import-history"
          onRow={(row) => ({ onClick: () => open(row.id), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'createdAt', title: t('imports.uploadedAt'), dataIndex: 'createdAt', render: (value: string) => new Date(value).toLocaleString() },
            { key: 'fileName', title: t('imports.fileName'), dataIndex: 'fileName' },
            { key: 'kind', title: t('imports.kind'), dataIndex: 'kind', render: (value: ImportKind) => t(`imports.kinds.${value}`) },
            { key: 'username', title: t('imports.uploadedBy'), dataIndex: 'username' },
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
    </Flex>
  );
}
