import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { auditActorText, AUDIT_ACTION_LABELS, describeAuditDetail } from '@registry/domain';
import { AuditLogsDocument, type AuditLogsQuery } from '@registry/graphql-client';
import { App as AntApp, Button, Card, DatePicker, Flex, Form, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../app/components/QueryError';
import { useRegions } from '../../app/hooks/useRegions';
import { recordRegionLabel } from '../../app/utils/region-tree';
import { dispositionFileName, fetchWithToken, saveBlob } from '../../app/utils/download';
import { auditExportPath, auditObjectPath, toAuditLogFilter, type AuditFilterValues } from '../utils/audit-filter';

type AuditEntry = AuditLogsQuery['auditLogs']['items'][number];

const PAGE_SIZE = 20;
// The actions the API writes (named in libs/domain); the filter also takes any other code typed in.
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS);
const WARNING_ACTIONS = new Set(['LOGIN_FAILURE', 'ACCESS_DENIED', 'ID_NUMBER_REVEAL', 'ID_NUMBER_REGISTERED_ELSEWHERE', 'ID_NUMBER_PROBE_LIMIT_WARNING']);

interface FormValues {
  username?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** 审计日志: the audit trail within the auditor's jurisdiction, filtered and paged. */
export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const { regions } = useRegions();
  const { message } = AntApp.useApp();
  const [exporting, setExporting] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const [filter, setFilter] = useState<AuditFilterValues>({});
  const [page, setPage] = useState(1);
  const { data, previousData, loading, error, refetch } = useQuery(AuditLogsDocument, {
    variables: { filter: toAuditLogFilter(filter), offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    fetchPolicy: 'network-only',
  });
  const logs = (data ?? previousData)?.auditLogs;
  const actionLabel = (action: string) => (i18n.exists(`admin.audit.actions.${action}`) ? t(`admin.audit.actions.${action}`) : (AUDIT_ACTION_LABELS[action] ?? action));

  const apply = (values: FormValues) => {
    const [from, to] = values.range ?? [];
    setFilter({
      username: values.username,
      action: values.action,
      objectType: values.objectType,
      objectId: values.objectId,
      range: from || to ? [from?.toISOString() ?? '', to?.toISOString() ?? ''] : null,
    });
    setPage(1);
  };

  // The filtered log as xlsx (server side, within the auditor's jurisdiction, itself audited).
  const exportLog = async () => {
    setExporting(true);
    try {
      const response = await fetchWithToken(auditExportPath(toAuditLogFilter(filter)));
      saveBlob(await response.blob(), dispositionFileName(response.headers.get('content-disposition')) ?? 'audit-log.xlsx');
    } catch (exportError) {
      void message.error(`${t('admin.audit.exportFailed')}：${exportError instanceof Error ? exportError.message : String(exportError)}`);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    { key: 'at', title: t('admin.audit.at'), dataIndex: 'at', width: 180, render: (value: string) => new Date(value).toLocaleString(i18n.language) },
    {
      key: 'username',
      title: t('admin.audit.user'),
      width: 200,
      render: (_value, entry) => (
        <Space direction="vertical" size={0} data-testid="audit-user">
          <Typography.Text>{auditActorText(entry)}</Typography.Text>
          {entry.username && entry.userDisplayName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {entry.username}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'action',
      title: t('admin.audit.action'),
      dataIndex: 'action',
      width: 160,
      render: (action: string) => <Tag color={WARNING_ACTIONS.has(action) ? 'orange' : 'blue'}>{actionLabel(action)}</Tag>,
    },
    {
      key: 'object',
      title: t('admin.audit.object'),
      width: 200,
      render: (_value, entry) => {
        if (!entry.objectType) return '—';
        const type = t(`admin.audit.objectTypes.${entry.objectType}`, { defaultValue: entry.objectType });
        const name = entry.objectLabel ?? (entry.objectId ? `#${entry.objectId}` : '');
        const path = auditObjectPath(entry.objectType, entry.objectId);
        return (
          <Space size={4} wrap data-testid="audit-object">
            <Typography.Text type="secondary">{type}</Typography.Text>
            {path ? <Link to={path}>{name}</Link> : <span>{name}</span>}
          </Space>
        );
      },
    },
    { key: 'region', title: t('admin.audit.region'), dataIndex: 'regionCode', width: 170, render: (code: string | null) => (code ? recordRegionLabel(regions, code) : '—') },
    {
      key: 'detail',
      title: t('admin.audit.detail'),
      dataIndex: 'detail',
      render: (detail: string | null) => (
        <Space direction="vertical" size={0} data-testid="audit-detail">
          {describeAuditDetail(detail).map((line, index) => (
            <Typography.Text key={index} style={{ fontSize: 12 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {line.label}：
              </Typography.Text>
              {line.before !== undefined ? (
                <>
                  <Typography.Text delete type="secondary" style={{ fontSize: 12 }}>
                    {line.before}
                  </Typography.Text>
                  {' → '}
                  <Typography.Text strong style={{ fontSize: 12 }}>
                    {line.value}
                  </Typography.Text>
                </>
              ) : (
                line.value
              )}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    // IPv6 addresses run to 39 characters: the column fits them on one line rather than cutting them.
    { key: 'ip', title: 'IP', dataIndex: 'ip', width: 150, render: (value: string | null) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid="audit-ip">{value ?? '—'}</span> },
  ];

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('admin.audit.title')}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportLog()} data-testid="export-audit-log">
          {t('admin.audit.export')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('admin.audit.retention')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="username" label={t('admin.audit.username')}>
          <Input allowClear placeholder={t('admin.audit.usernamePlaceholder')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="action" label={t('admin.audit.action')}>
          <Select
            allowClear
            showSearch
            placeholder={t('admin.audit.action')}
            style={{ width: 180 }}
            options={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
          />
        </Form.Item>
        <Form.Item name="objectType" label={t('admin.audit.objectType')}>
          <Select
            allowClear
            placeholder={t('admin.audit.objectType')}
            style={{ width: 130 }}
            options={['coordinator', 'enterprise', 'user', 'nomination', 'import_job', 'export', 'audit_log'].map((type) => ({ value: type, label: t(`admin.audit.objectTypes.${type}`) }))}
          />
        </Form.Item>
        <Form.Item name="objectId" label={t('admin.audit.objectId')}>
          <Input allowClear placeholder={t('admin.audit.objectId')} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="range" label={t('admin.audit.range')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} placeholder={[t('admin.audit.from'), t('admin.audit.to')]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={logs?.items ?? []}
        loading={loading}
        scroll={{ x: 1300 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: logs?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </Card>
  );
}
