import { useQuery } from '@apollo/client/react';
import { AuditLogsDocument, type AuditLogsQuery } from '@registry/graphql-client';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/components/QueryError';
import { useRegions } from '../../app/hooks/useRegions';
import { describeDetail, toAuditLogFilter, type AuditFilterValues } from '../utils/audit-filter';

type AuditEntry = AuditLogsQuery['auditLogs']['items'][number];

const PAGE_SIZE = 20;
// The actions the API writes; the filter also takes any other code typed in.
export const AUDIT_ACTIONS = [
  'LOGIN_SUCCESS',
  'LOGIN_FAILURE',
  'LOGOUT',
  'PASSWORD_CHANGE',
  'ACCESS_DENIED',
  'ID_NUMBER_REVEAL',
  'USER_CREATE',
  'USER_ENABLE',
  'USER_DISABLE',
  'COORDINATOR_CREATE',
  'COORDINATOR_UPDATE',
  'COORDINATOR_DEACTIVATE',
  'COORDINATOR_REACTIVATE',
  'ENTERPRISE_CREATE',
  'ENTERPRISE_UPDATE',
  'ENTERPRISE_DEACTIVATE',
  'ENTERPRISE_REACTIVATE',
  'IMPORT_COMMIT',
  'IMPORT_ERROR_FILE',
  'ID_NUMBER_REGISTERED_ELSEWHERE',
  'ID_NUMBER_PROBE_LIMIT_WARNING',
  'NOMINATION_CREATE',
  'NOMINATION_DECIDE',
  'AWARD_CAMPAIGN_CREATE',
  'AWARD_CAMPAIGN_UPDATE',
  'AWARD_DECISION_PUBLISH',
] as const;
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
  const { byCode } = useRegions();
  const [form] = Form.useForm<FormValues>();
  const [filter, setFilter] = useState<AuditFilterValues>({});
  const [page, setPage] = useState(1);
  const { data, previousData, loading, error, refetch } = useQuery(AuditLogsDocument, {
    variables: { filter: toAuditLogFilter(filter), offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    fetchPolicy: 'network-only',
  });
  const logs = (data ?? previousData)?.auditLogs;
  const actionLabel = (action: string) => (i18n.exists(`admin.audit.actions.${action}`) ? t(`admin.audit.actions.${action}`) : action);

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

  const columns: TableProps<AuditEntry>['columns'] = [
    { key: 'at', title: t('admin.audit.at'), dataIndex: 'at', width: 180, render: (value: string) => new Date(value).toLocaleString(i18n.language) },
    { key: 'username', title: t('admin.audit.user'), dataIndex: 'username', width: 140, render: (value: string | null) => value ?? '—' },
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
      width: 160,
      render: (_value, entry) => (entry.objectType ? `${t(`admin.audit.objectTypes.${entry.objectType}`, { defaultValue: entry.objectType })} ${entry.objectId ?? ''}` : '—'),
    },
    { key: 'region', title: t('admin.audit.region'), dataIndex: 'regionCode', width: 120, render: (code: string | null) => (code ? (byCode.get(code)?.name ?? code) : '—') },
    {
      key: 'detail',
      title: t('admin.audit.detail'),
      dataIndex: 'detail',
      render: (detail: string | null) => (
        <Space direction="vertical" size={0}>
          {describeDetail(detail).map((line, index) => (
            <Typography.Text key={index} style={{ fontSize: 12 }}>
              {line}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    { key: 'ip', title: 'IP', dataIndex: 'ip', width: 120, render: (value: string | null) => value ?? '—' },
  ];

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.audit.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.audit.retention')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="username">
          <Input allowClear placeholder={t('admin.audit.user')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="action">
          <Select
            allowClear
            showSearch
            placeholder={t('admin.audit.action')}
            style={{ width: 180 }}
            options={AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
          />
        </Form.Item>
        <Form.Item name="objectType">
          <Select
            allowClear
            placeholder={t('admin.audit.objectType')}
            style={{ width: 130 }}
            options={['coordinator', 'enterprise', 'user', 'export'].map((type) => ({ value: type, label: t(`admin.audit.objectTypes.${type}`) }))}
          />
        </Form.Item>
        <Form.Item name="objectId">
          <Input allowClear placeholder={t('admin.audit.objectId')} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="range">
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
        scroll={{ x: 1100 }}
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
