import { useQuery } from '@apollo/client/react';
import { CoordinatorsDocument, type CoordinatorListItemFragment } from '@registry/graphql-client';
import { Empty, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../app/components/QueryError';
import { CoordinatorStatusTag } from '../../coordinators/components/CoordinatorStatusTag';

const PAGE_SIZE = 10;

/** The coordinators employed by one enterprise: coordinators(filter: { enterpriseId }). */
export function EnterpriseCoordinators({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, previousData, loading, error, refetch } = useQuery(CoordinatorsDocument, {
    variables: { filter: { enterpriseId }, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
  });
  const result = (data ?? previousData)?.coordinators;
  const columns: TableProps<CoordinatorListItemFragment>['columns'] = [
    {
      key: 'name',
      title: t('coordinator.fields.name'),
      dataIndex: 'name',
      render: (name: string, coordinator) => <Link to={`/coordinators/${coordinator.id}`}>{name}</Link>,
    },
    { key: 'gender', title: t('coordinator.fields.gender'), dataIndex: 'gender', render: (gender: string) => t(`enums.gender.${gender}`) },
    { key: 'idNumber', title: t('coordinator.fields.idNumber'), dataIndex: 'idNumber', render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
    { key: 'post', title: t('coordinator.fields.post'), dataIndex: 'post', render: (post: string | null) => post ?? '—' },
    { key: 'category', title: t('coordinator.fields.category'), dataIndex: 'category', render: (category: number) => t(`enums.categoryShort.${category}`) },
    { key: 'status', title: t('coordinator.fields.status'), dataIndex: 'status', render: (status: CoordinatorListItemFragment['status']) => <CoordinatorStatusTag status={status} /> },
    { key: 'joinedOn', title: t('coordinator.fields.joinedOn'), dataIndex: 'joinedOn' },
  ];
  return (
    <>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<CoordinatorListItemFragment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={result?.items ?? []}
        loading={loading}
        locale={{ emptyText: loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.noCoordinators')} /> }}
        pagination={
          (result?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: result?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }) }
            : false
        }
      />
    </>
  );
}
