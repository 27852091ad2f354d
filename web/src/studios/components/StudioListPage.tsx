import { useQuery } from '@apollo/client/react';
import { StudiosDocument, type StudioListItemFragment, type StudioSort } from '@registry/graphql-client';
import { Card, Form, Select, Space, Typography, Table, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ListFilterBar } from '../../app/components/ListFilterBar';
import { ListPageHeader } from '../../app/components/ListPageHeader';
import { QueryError } from '../../app/components/QueryError';
import { useUrlListParams } from '../../app/hooks/useUrlListParams';
import { useUrlTable } from '../../app/hooks/useUrlTable';
import { parseStudioListParams, serializeStudioListParams, STUDIO_KINDS, STUDIO_STATUSES, toStudiosVariables, type StudioListParams } from '../utils/list-params';
import { StudioFiguresCard } from './StudioFiguresCard';
import { StudioKindTag, StudioStatusTag } from './StudioTags';

const SORTABLE: Record<string, StudioSort> = { name: 'NAME', region: 'REGION', openedOn: 'OPENED_ON' };

export default function StudioListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlListParams(parseStudioListParams, serializeStudioListParams);
  const table = useUrlTable<StudioListItemFragment, StudioSort, StudioListParams>(params, setParams, SORTABLE);
  const variables = useMemo(() => toStudiosVariables(params), [params]);
  const { data, previousData, loading, error, refetch } = useQuery(StudiosDocument, { variables, fetchPolicy: 'cache-and-network' });
  const page = (data ?? previousData)?.studios;
  const change = (changes: Partial<StudioListParams>) => setParams({ ...params, ...changes, page: 1 });

  const columns: TableProps<StudioListItemFragment>['columns'] = [
    {
      key: 'name',
      title: t('studio.fields.name'),
      dataIndex: 'name',
      width: 320,
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
      render: (name: string, studio) => (
        <Space size={4}>
          <StudioKindTag kind={studio.kind} />
          <Link to={`/studios/${studio.id}`}>{name}</Link>
        </Space>
      ),
    },
    {
      key: 'host',
      title: t('studio.fields.host'),
      render: (_value, studio) =>
        studio.hostEnterprise ? (
          <Link to={`/enterprises/${studio.hostEnterprise.id}`}>{studio.hostEnterprise.name}</Link>
        ) : (
          <Typography.Text>{studio.hostPlatformName}</Typography.Text>
        ),
      ellipsis: true,
    },
    { key: 'region', title: t('studio.fields.region'), sorter: true, sortOrder: table.sortOrderOf('region'), render: (_value, studio) => studio.region?.name ?? studio.regionCode },
    { key: 'openedOn', title: t('studio.fields.openedOn'), dataIndex: 'openedOn', sorter: true, sortOrder: table.sortOrderOf('openedOn') },
    { key: 'coordinators', title: t('studio.fields.coordinatorCount'), dataIndex: 'coordinatorCount', align: 'right' },
    { key: 'enterprises', title: t('studio.fields.servedEnterpriseCount'), dataIndex: 'servedEnterpriseCount', align: 'right' },
    { key: 'status', title: t('studio.fields.status'), dataIndex: 'status', render: (status: StudioListItemFragment['status']) => <StudioStatusTag status={status} /> },
  ];

  return (
    <Card>
      <ListPageHeader title={t('studio.listTitle')} createTo="/studios/new" createLabel={t('studio.create')} />
      <StudioFiguresCard regionCode={params.regionCode} onDrillDown={(regionCode) => change({ regionCode })} />
      <ListFilterBar
        regionLabel={t('studio.filters.region')}
        regionCode={params.regionCode}
        searchPlaceholder={t('studio.searchPlaceholder')}
        search={params.search}
        searchWidth={280}
        onChange={change}
        onReset={() => setParams({ page: 1, pageSize: params.pageSize })}
      >
        <Form.Item label={t('studio.filters.kind')}>
          <Select
            allowClear
            value={params.kind}
            onChange={(kind) => change({ kind })}
            placeholder={t('common.all')}
            options={STUDIO_KINDS.map((kind) => ({ value: kind, label: t(`studio.kinds.${kind}`) }))}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item label={t('studio.filters.status')}>
          <Select
            allowClear
            value={params.status}
            onChange={(status) => change({ status })}
            placeholder={t('common.all')}
            options={STUDIO_STATUSES.map((status) => ({ value: status, label: t(`studio.statuses.${status}`) }))}
            style={{ width: 120 }}
          />
        </Form.Item>
      </ListFilterBar>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<StudioListItemFragment>
        {...table.tableProps({ items: page?.items ?? [], total: page?.total ?? 0, loading, emptyText: t('studio.empty') })}
        columns={columns}
        scroll={{ x: 1000 }}
      />
    </Card>
  );
}
