import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { CoordinatorsDocument, type CoordinatorListItemFragment, type CoordinatorSort } from '@registry/graphql-client';
import { Button, Card, Empty, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { QueryError } from '../../app/components/QueryError';
import { fromSortOrder, PAGE_SIZES, toSortOrder } from '../../app/utils/url-params';
import { useCoordinatorListParams } from '../hooks/useCoordinatorListParams';
import { toCoordinatorsVariables } from '../utils/list-params';
import { CoordinatorFilters } from './CoordinatorFilters';
import { CoordinatorStatusTag } from './CoordinatorStatusTag';
import { ExportButton } from '../../imports/ExportButton';

// Column key → server sort field; columns not listed here cannot be sorted.
const SORTABLE: Record<string, CoordinatorSort> = { name: 'NAME', region: 'REGION', joinedOn: 'JOINED' };

export default function CoordinatorListPage() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const [params, setParams] = useCoordinatorListParams();
  const variables = useMemo(() => toCoordinatorsVariables(params), [params]);
  const { data, previousData, loading, error, refetch } = useQuery(CoordinatorsDocument, { variables });
  const page = (data ?? previousData)?.coordinators;

  const sortOrderOf = (key: string) => (params.sort && SORTABLE[key] === params.sort ? toSortOrder(params.direction) : null);

  const columns: TableProps<CoordinatorListItemFragment>['columns'] = [
    {
      key: 'name',
      title: t('coordinator.fields.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string, coordinator) => <Link to={`/coordinators/${coordinator.id}`}>{name}</Link>,
    },
    { key: 'gender', title: t('coordinator.fields.gender'), dataIndex: 'gender', width: 70, render: (gender: string) => t(`enums.gender.${gender}`) },
    { key: 'age', title: t('coordinator.fields.age'), dataIndex: 'age', width: 70 },
    {
      key: 'idNumber',
      title: t('coordinator.fields.idNumber'),
      dataIndex: 'idNumber',
      render: (idNumber: string) => <Typography.Text code>{idNumber}</Typography.Text>,
    },
    {
      key: 'category',
      title: t('coordinator.fields.category'),
      dataIndex: 'category',
      render: (category: number) => t(`enums.categoryShort.${category}`),
    },
    {
      key: 'region',
      title: t('coordinator.fields.region'),
      sorter: true,
      sortOrder: sortOrderOf('region'),
      render: (_value, coordinator) => coordinator.region?.name ?? coordinator.regionCode,
    },
    {
      key: 'employer',
      title: t('coordinator.fields.employer'),
      render: (_value, coordinator) =>
        coordinator.enterprise ? (
          <Link to={`/enterprises/${coordinator.enterprise.id}`}>{coordinator.enterprise.name}</Link>
        ) : (
          (coordinator.unitName ?? <Typography.Text type="secondary">—</Typography.Text>)
        ),
    },
    {
      key: 'sizeClass',
      title: t('coordinator.filters.employerSize'),
      render: (_value, coordinator) => (coordinator.enterprise ? <Tag>{t(`enums.sizeClass.${coordinator.enterprise.sizeClass}`)}</Tag> : null),
    },
    {
      key: 'status',
      title: t('coordinator.fields.status'),
      dataIndex: 'status',
      width: 80,
      render: (status: CoordinatorListItemFragment['status']) => <CoordinatorStatusTag status={status} />,
    },
    { key: 'joinedOn', title: t('coordinator.fields.joinedOn'), dataIndex: 'joinedOn', sorter: true, sortOrder: sortOrderOf('joinedOn'), width: 120 },
  ];

  const handleTableChange: TableProps<CoordinatorListItemFragment>['onChange'] = (pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const direction = fromSortOrder(single?.order);
    const sort = direction && single?.columnKey ? SORTABLE[String(single.columnKey)] : undefined;
    const sortChanged = sort !== params.sort || (sort && direction !== params.direction);
    setParams({
      ...params,
      sort,
      direction: sort ? direction : undefined,
      page: sortChanged || pagination.pageSize !== params.pageSize ? 1 : (pagination.current ?? 1),
      pageSize: pagination.pageSize ?? params.pageSize,
    });
  };

  return (
    <Card>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('coordinator.listTitle')}
        </Typography.Title>
        <Flex gap={8}>
          <ExportButton kind="coordinators" filter={variables.filter} />
          {canEdit ? (
            <Link to="/coordinators/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('coordinator.create')}
              </Button>
            </Link>
          ) : null}
        </Flex>
      </Flex>
      <CoordinatorFilters value={params} onChange={setParams} />
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<CoordinatorListItemFragment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page?.items ?? []}
        loading={loading}
        onChange={handleTableChange}
        scroll={{ x: 1100 }}
        locale={{ emptyText: loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coordinator.empty')} /> }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: page?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </Card>
  );
}
