import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { EnterprisesDocument, type EnterpriseListItemFragment, type EnterpriseSort } from '@registry/graphql-client';
import { Button, Card, Empty, Flex, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { QueryError } from '../../app/components/QueryError';
import { fromSortOrder, PAGE_SIZES, toSortOrder } from '../../app/utils/url-params';
import { useEnterpriseListParams } from '../hooks/useEnterpriseListParams';
import { toEnterprisesVariables } from '../utils/list-params';
import { EnterpriseFilters } from './EnterpriseFilters';
import { SizeClassTag } from './SizeClassTag';
import { ExportButton } from '../../imports/ExportButton';

const SORTABLE: Record<string, EnterpriseSort> = { name: 'NAME', region: 'REGION', employees: 'EMPLOYEES', revenue: 'REVENUE' };

export default function EnterpriseListPage() {
  const { t, i18n } = useTranslation();
  const canEdit = useCanEdit();
  const [params, setParams] = useEnterpriseListParams();
  const variables = useMemo(() => toEnterprisesVariables(params), [params]);
  const { data, previousData, loading, error, refetch } = useQuery(EnterprisesDocument, { variables });
  const page = (data ?? previousData)?.enterprises;
  const numberFormat = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);

  const sortOrderOf = (key: string) => (params.sort && SORTABLE[key] === params.sort ? toSortOrder(params.direction) : null);

  const columns: TableProps<EnterpriseListItemFragment>['columns'] = [
    {
      key: 'name',
      title: t('enterprise.fields.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string, enterprise) => (
        <Space size={4}>
          <Link to={`/enterprises/${enterprise.id}`}>{name}</Link>
          {enterprise.active ? null : <Tag>{t('enterprise.activeNo')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'creditCode',
      title: t('enterprise.fields.creditCode'),
      dataIndex: 'creditCode',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      key: 'region',
      title: t('enterprise.fields.region'),
      sorter: true,
      sortOrder: sortOrderOf('region'),
      render: (_value, enterprise) => enterprise.region?.name ?? enterprise.regionCode,
    },
    {
      key: 'industry',
      title: t('enterprise.fields.industry'),
      render: (_value, enterprise) => `${enterprise.industryCode} ${t(`enums.industrySection.${enterprise.industrySection}`)}`,
      ellipsis: true,
    },
    {
      key: 'employees',
      title: t('enterprise.fields.employees'),
      dataIndex: 'employees',
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('employees'),
      render: (value: number) => numberFormat.format(value),
    },
    {
      key: 'revenue',
      title: t('enterprise.fields.revenue'),
      dataIndex: 'revenue',
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('revenue'),
      render: (value: number) => numberFormat.format(value),
    },
    {
      key: 'sizeClass',
      title: t('enterprise.fields.sizeClass'),
      dataIndex: 'sizeClass',
      render: (sizeClass: EnterpriseListItemFragment['sizeClass'], enterprise) => (
        <Space size={2}>
          <SizeClassTag sizeClass={sizeClass} />
          {enterprise.socialOrganization ? <Tag color="purple">{t('enterprise.filters.socialOrganization')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'ownership',
      title: t('enterprise.fields.ownership'),
      dataIndex: 'publicOwned',
      render: (publicOwned: boolean) => t(publicOwned ? 'enterprise.ownership.public' : 'enterprise.ownership.nonPublic'),
    },
    {
      key: 'covered',
      title: t('enterprise.fields.covered'),
      render: (_value, enterprise) =>
        enterprise.covered ? (
          <Tag color="green">
            {t('enterprise.coveredYes')} · {enterprise.coordinatorCount}
          </Tag>
        ) : (
          <Tag color="red">{t('enterprise.coveredNo')}</Tag>
        ),
    },
  ];

  const handleTableChange: TableProps<EnterpriseListItemFragment>['onChange'] = (pagination, _filters, sorter) => {
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
          {t('enterprise.listTitle')}
        </Typography.Title>
        <Flex gap={8}>
          <ExportButton kind="enterprises" filter={variables.filter} />
          {canEdit ? (
            <Link to="/enterprises/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('enterprise.create')}
              </Button>
            </Link>
          ) : null}
        </Flex>
      </Flex>
      <EnterpriseFilters value={params} onChange={setParams} />
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<EnterpriseListItemFragment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page?.items ?? []}
        loading={loading}
        onChange={handleTableChange}
        scroll={{ x: 1200 }}
        locale={{ emptyText: loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.empty')} /> }}
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
