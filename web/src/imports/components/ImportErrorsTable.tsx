import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { download, type ImportError, type ImportJob } from '../api';
import { ERROR_PAGE } from '../hooks/useImportJob';

export function ImportErrorsTable(props: {
  job: ImportJob;
  errors: { total: number; items: ImportError[] };
  page: number;
  onPage(page: number): void;
  onFailure(reason: string): void;
}) {
  const { t } = useTranslation();
  const { job, errors } = props;
  const errorFile = () =>
    void download(`/api/imports/${job.id}/error-file`, 'errors.xlsx').catch((error) => props.onFailure(error instanceof Error ? error.message : String(error)));
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('imports.errorsTitle', { count: errors.total })}</Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={errorFile} data-testid="download-errors">
          {t('imports.downloadErrors')}
        </Button>
      </Flex>
      <Table<ImportError>
        size="small"
        rowKey={(error) => `${error.sheet}:${error.row}:${error.column}`}
        dataSource={errors.items}
        data-testid="error-table"
        pagination={{ current: props.page, pageSize: ERROR_PAGE, total: errors.total, onChange: props.onPage, showSizeChanger: false }}
        columns={[
          { key: 'sheet', title: t('imports.errorColumns.sheet'), dataIndex: 'sheet', width: 100 },
          { key: 'row', title: t('imports.errorColumns.row'), dataIndex: 'row', width: 80 },
          { key: 'column', title: t('imports.errorColumns.column'), dataIndex: 'column', width: 180 },
          { key: 'reason', title: t('imports.errorColumns.reason'), dataIndex: 'reason' },
        ]}
      />
    </Flex>
  );
}
