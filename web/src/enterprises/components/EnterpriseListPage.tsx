import { useQuery } from '@apollo/client/react';
import { EnterprisesDocument, type EnterpriseListItemFragment, type EnterpriseSort } from '@registry/graphql-client';
import { Card, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ListPageHeader } from '../../app/components/ListPageHeader';
import { QueryError } from '../../app/components/QueryError';
import { useRegions } from '../../app/hooks/useRegions';
import { recordRegionLabel } from '../../app/utils/region-tree';
import { useUrlListParams } from '../../app/hooks/useUrlListParams';
import { useUrlTable } from '../../app/hooks/useUrlTable';
import { parseEnterpriseListParams, serializeEnterpriseListParams, toEnterprisesVariables, type EnterpriseListParams } from '../utils/list-params';
import { EnterpriseFilters } from './EnterpriseFilters';
import { SizeClassTag } from './SizeClassTag';
import { ExportButton } from '../../imports/ExportButton';

const SORTABLE: Record<string, EnterpriseSort> = { name: 'NAME', region: 'REGION', employees: 'EMPLOYEES', revenue: 'REVENUE' };

export default function EnterpriseListPage() {
  const { t, i18n } = useTranslation();
  const { regions } = useRegions();
  const [params, setParams] = useUrlListParams(parseEnterpriseListParams, serializeEnterpriseListParams);
  const table = useUrlTable<EnterpriseListItemFragment, EnterpriseSort, EnterpriseListParams>(params, setParams, SORTABLE);
  const variables = useMemo(() => toEnterprisesVariables(params), [params]);
  const { data, previousData, loading, error, refetch } = useQuery(EnterprisesDocument, { variables });
  const page = (data ?? previousData)?.enterprises;
  const numberFormat = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);

  const columns: TableProps<EnterpriseListItemFragment>['columns'] = [
    {
      key: 'name',
      title: t('enterprise.fields.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
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
      sortOrder: table.sortOrderOf('region'),
      render: (_value, enterprise) => <span style={{ whiteSpace: 'nowrap' }}>{recordRegionLabel(regions, enterprise.regionCode, enterprise.region?.name)}</span>,
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
      sortOrder: table.sortOrderOf('employees'),
      render: (value: number) => numberFormat.format(value),
    },
    {
      key: 'revenue',
      title: t('enterprise.fields.revenue'),
      dataIndex: 'revenue',
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrderOf('revenue'),
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

  return (
    <Card>
      <ListPageHeader title={t('enterprise.listTitle')} createTo="/enterprises/new" createLabel={t('enterprise.create')}>
        <ExportButton kind="enterprises" filter={variables.filter} />
      </ListPageHeader>
      <EnterpriseFilters value={params} onChange={setParams} />
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<EnterpriseListItemFragment>
        {...table.tableProps({ items: page?.items ?? [], total: page?.total ?? 0, loading, emptyText: t('enterprise.empty') })}
        columns={columns}
        scroll={{ x: 1200 }}
      />
    </Card>
  );
}
