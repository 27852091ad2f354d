import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { BoundaryMapsDocument, UploadBoundaryMapDocument, UseBoundaryMapDocument, BoundaryMapDocument } from '@registry/graphql-client';
import { chinaIsoDate } from '@registry/domain';
import { Alert, App as AntApp, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/components/QueryError';
import { readApiErrors } from '../../app/utils/graphql-errors';

/** 地图数据: the province uploads its licensed boundary file for the dashboard, or goes back to the tile map. */
export default function BoundaryMapsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ name: string; licence: string }>();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const { data, loading, error, refetch } = useQuery(BoundaryMapsDocument, { fetchPolicy: 'network-only' });
  const refetchQueries = [{ query: BoundaryMapsDocument }, { query: BoundaryMapDocument }];
  const [upload, uploading] = useMutation(UploadBoundaryMapDocument, { refetchQueries, awaitRefetchQueries: true });
  const [use, switching] = useMutation(UseBoundaryMapDocument, { refetchQueries, awaitRefetchQueries: true });
  useEffect(() => {
    document.title = `${t('maps.title')} · ${t('app.shortTitle')}`;
  }, [t]);

  const submit = async (values: { name: string; licence: string }) => {
    if (!file) {
      setProblems([t('maps.chooseFile')]);
      return;
    }
    setProblems([]);
    try {
      await upload({ variables: { input: { name: values.name, licence: values.licence, fileName: file.name, content: file.content } } });
      message.success(t('maps.uploaded'));
      form.resetFields();
      setFile(null);
    } catch (caught) {
      const errors = readApiErrors(caught);
      const detailed = errors.flatMap((entry) => (Array.isArray(entry.extensions.problems) ? (entry.extensions.problems as string[]) : [entry.reason ?? entry.message]));
      setProblems(detailed.length ? detailed : [t('maps.uploadFailed')]);
    }
  };

  const switchTo = async (id: string | null) => {
    try {
      await use({ variables: { id } });
      message.success(id ? t('maps.inUseNow') : t('maps.tileNow'));
    } catch (caught) {
      message.error(readApiErrors(caught).map((entry) => entry.message).join('；'));
    }
  };

  const maps = data?.boundaryMaps ?? [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('maps.title')}
      </Typography.Title>
      <Alert type="info" showIcon message={t('maps.licenceNote')} />
      <Card title={t('maps.upload')}>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} style={{ maxWidth: 560 }}>
          <Form.Item name="name" label={t('maps.name')} rules={[{ required: true, message: t('maps.nameRequired') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="licence" label={t('maps.licence')} rules={[{ required: true, message: t('maps.licenceRequired') }]} extra={t('maps.licenceHelp')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={t('maps.file')} extra={t('maps.fileHelp')}>
            <input
              type="file"
              accept=".json,.geojson,.topojson,application/json"
              aria-label={t('maps.file')}
              data-testid="boundary-file"
              onChange={(event) => {
                const chosen = event.target.files?.[0];
                if (!chosen) return setFile(null);
                void chosen.text().then((content) => setFile({ name: chosen.name, content }));
              }}
            />
          </Form.Item>
          {problems.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('maps.refused')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>} /> : null}
          <Button type="primary" htmlType="submit" icon={<UploadOutlined />} loading={uploading.loading}>
            {t('maps.submit')}
          </Button>
        </Form>
      </Card>
      <Card title={t('maps.uploads')} extra={maps.some((map) => map.inUse) ? <Button onClick={() => void switchTo(null)} loading={switching.loading}>{t('maps.backToTile')}</Button> : <Tag>{t('maps.tileInUse')}</Tag>}>
        {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
        <Table
          rowKey="id"
          size="middle"
          loading={loading}
          pagination={false}
          dataSource={maps}
          locale={{ emptyText: t('maps.none') }}
          columns={[
            { title: t('maps.name'), dataIndex: 'name' },
            { title: t('maps.licence'), dataIndex: 'licence' },
            { title: t('maps.features'), key: 'features', render: (_, map) => t('maps.featureCounts', { units: map.unitCount, counties: map.countyCount }) },
            { title: t('maps.uploadedAt'), key: 'uploadedAt', render: (_, map) => `${chinaIsoDate(new Date(map.uploadedAt))} · ${map.uploadedBy ?? ''}` },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, map) =>
                map.inUse ? (
                  <Tag color="green">{t('maps.inUse')}</Tag>
                ) : (
                  <Button size="small" onClick={() => void switchTo(map.id)} loading={switching.loading}>
                    {t('maps.useThis')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
