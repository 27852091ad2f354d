import { CloudUploadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Radio, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { download, type ImportKind } from '../api';

/** Step 1: pick the kind, get its template, upload a file. */
export function UploadCard(props: { kind: ImportKind; onKind(kind: ImportKind): void; uploading: boolean; onUpload(file: File): void; onFailure(reason: string): void }) {
  const { t } = useTranslation();
  const { kind } = props;
  const template = () =>
    void download(`/api/imports/templates/${kind}.xlsx`, `${kind}-template.xlsx`).catch((error) =>
      props.onFailure(t('imports.templateFailed', { reason: error instanceof Error ? error.message : String(error) })),
    );
  return (
    <Card title={t('imports.step1')}>
      <Flex gap={16} wrap align="center">
        <Radio.Group value={kind} onChange={(event) => props.onKind(event.target.value)} optionType="button" data-testid="import-kind">
          <Radio.Button value="coordinators">{t('imports.kinds.coordinators')}</Radio.Button>
          <Radio.Button value="enterprises">{t('imports.kinds.enterprises')}</Radio.Button>
        </Radio.Group>
        <Button icon={<FileExcelOutlined />} onClick={template} data-testid="download-template">
          {t('imports.downloadTemplate')}
        </Button>
        <Upload accept=".xlsx,.csv" showUploadList={false} customRequest={({ file }) => props.onUpload(file as File)} disabled={props.uploading}>
          <Button type="primary" icon={<CloudUploadOutlined />} loading={props.uploading} data-testid="upload-button">
            {t('imports.upload')}
          </Button>
        </Upload>
        <Typography.Text type="secondary">{t('imports.uploadHint')}</Typography.Text>
      </Flex>
    </Card>
  );
}
