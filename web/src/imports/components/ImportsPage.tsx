import { Alert, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { importsApi, type ImportKind } from '../api';
import { useImportHistory } from '../hooks/useImportHistory';
import { useImportJob } from '../hooks/useImportJob';
import { ExportCard } from './ExportCard';
import { ImportHistory } from './ImportHistory';
import { ImportJobCard } from './ImportJobCard';
import { UploadCard } from './UploadCard';

/** Upload → dry-run report → commit, with progress; the job id is in the URL, so the page can be left and reopened. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const [kind, setKind] = useState<ImportKind>((params.get('kind') as ImportKind) === 'enterprises' ? 'enterprises' : 'coordinators');
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { history, error: historyError, refresh } = useImportHistory();
  const job = useImportJob(jobId, refresh);

  const open = (id: string | null) => {
    setFailure(null);
    setParams(id ? { job: id } : {});
  };

  const upload = async (file: File) => {
    setUploading(true);
    setFailure(null);
    try {
      const created = await importsApi.upload(kind, file);
      open(created.id);
      refresh();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <UploadCard kind={kind} onKind={setKind} uploading={uploading} onUpload={(file) => void upload(file)} onFailure={setFailure} />
      {failure && <Alert type="error" showIcon message={failure} closable onClose={() => setFailure(null)} data-testid="import-failure" />}
      {jobId && job.loadError && <Alert type="error" showIcon message={t('imports.loadFailed', { reason: job.loadError })} data-testid="job-load-failure" />}
      {jobId && <ImportJobCard state={job} onClose={() => open(null)} onFailure={setFailure} />}
      <ExportCard />
      <ImportHistory history={history} error={historyError} onRefresh={refresh} onOpen={open} />
    </Flex>
  );
}
