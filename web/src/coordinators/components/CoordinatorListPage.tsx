import { useQuery } from '@apollo/client/react';
import { CoordinatorsDocument, type CoordinatorListItemFragment, type CoordinatorSort } from '@registry/graphql-client';
import { Alert, Button, Card, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { ListPageHeader } from '../../app/components/ListPageHeader';
import { QueryError } from '../../app/components/QueryError';
import { useRegions } from '../../app/hooks/useRegions';
import { recordRegionLabel } from '../../app/utils/region-tree';
import { useUrlListParams } from '../../app/hooks/useUrlListParams';
import { useUrlTable } from '../../app/hooks/useUrlTable';
import { parseCoordinatorListParams, serializeCoordinatorListParams, toCoordinatorsVariables, type CoordinatorListParams } from '../utils/list-params';
import { CoordinatorFilters } from './CoordinatorFilters';
import { BatchDeactivateModal } from './BatchDeactivateModal';
import { CoordinatorStatusTag } from './CoordinatorStatusTag';
import { ExportButton } from '../../imports/ExportButton';

// Column key → server sort field; columns not listed here cannot be sorted.
const SORTABLE: Record<string, CoordinatorSort> = { name: 'NAME', region: 'REGION', joinedOn: 'JOINED' };

export default function CoordinatorListPage() {
  const { t } = useTranslation();
  const { regions } = useRegions();
  const [params, setParams] = useUrlListParams(parseCoordinatorListParams, serializeCoordinatorListParams);
  const table = useUrlTable<CoordinatorListItemFragment, CoordinatorSort, CoordinatorListParams>(params, setParams, SORTABLE);
  const variables = useMemo(() => toCoordinatorsVariables(params), [params]);
  const { data, previousData, loading, error, refetch } = useQuery(CoordinatorsDocument, { variables });
  const page = (data ?? previousData)?.coordinators;
  const canEdit = useCanEdit();
  // Row selection for batch actions; kept across pages, by id, with the names for the dialog.
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [batchDeactivating, setBatchDeactivating] = useState(false);
  const clearSelection = () => setSelected(new Map());

  const columns: TableProps<CoordinatorListItemFragment>['columns'] = [
    {
      key: 'name',
      title: t('coordinator.fields.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: table.sortOrderOf('name'),
      render: (name: string, coordinator) => (
        <Link to={`/coordinators/${coordinator.id}`} style={{ whiteSpace: 'nowrap' }}>
          {name}
        </Link>
      ),
    },
    { key: 'gender', title: t('coordinator.fields.gender'), dataIndex: 'gender', width: 70, render: (gender: string) => t(`enums.gender.${gender}`) },
    { key: 'age', title: t('coordinator.fields.age'), dataIndex: 'age', width: 70 },
    {
      key: 'idNumber',
      title: t('coordinator.fields.idNumber'),
      dataIndex: 'idNumber',
      // The masked number stays on one line at 1366 and 1024 px.
      width: 190,
      render: (idNumber: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }} data-testid="list-id-number">
          {idNumber}
        </Typography.Text>
      ),
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
      sortOrder: table.sortOrderOf('region'),
      render: (_value, coordinator) => <span style={{ whiteSpace: 'nowrap' }}>{recordRegionLabel(regions, coordinator.regionCode, coordinator.region?.name)}</span>,
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
    { key: 'joinedOn', title: t('coordinator.fields.joinedOn'), dataIndex: 'joinedOn', sorter: true, sortOrder: table.sortOrderOf('joinedOn'), width: 120 },
  ];

  return (
    <Card>
      <ListPageHeader title={t('coordinator.listTitle')} createTo="/coordinators/new" createLabel={t('coordinator.create')}>
        <ExportButton kind="coordinators" filter={variables.filter} />
      </ListPageHeader>
      <CoordinatorFilters value={params} onChange={setParams} />
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      {canEdit && selected.size > 0 ? (
        <Alert
          type="info"
          style={{ marginBottom: 8 }}
          data-testid="batch-bar"
          message={
            <Space wrap>
              <span>{t('coordinator.batch.selected', { count: selected.size })}</span>
              <ExportButton kind="coordinators" filter={{ ids: [...selected.keys()] }} size="small" label={t('coordinator.batch.export')} testId="batch-export" />
              <Button size="small" danger onClick={() => setBatchDeactivating(true)} data-testid="batch-deactivate">
                {t('coordinator.batch.deactivate')}
              </Button>
              <Button size="small" type="link" onClick={clearSelection}>
                {t('coordinator.batch.clear')}
              </Button>
            </Space>
          }
        />
      ) : null}
      <Table<CoordinatorListItemFragment>
        {...table.tableProps({ items: page?.items ?? [], total: page?.total ?? 0, loading, emptyText: t('coordinator.empty') })}
        columns={columns}
        scroll={{ x: 1100 }}
        rowSelection={
          canEdit
            ? {
                selectedRowKeys: [...selected.keys()],
                preserveSelectedRowKeys: true,
                getCheckboxProps: (coordinator) => ({ disabled: coordinator.status !== 'ACTIVE', 'aria-label': coordinator.name }),
                onChange: (_keys, rows) => {
                  setSelected((previous) => {
                    const next = new Map<string, string>();
                    const onPage = new Set((page?.items ?? []).map((item) => item.id));
                    // keep what was chosen on other pages, take this page's choice as the table reports it
                    for (const [id, name] of previous) if (!onPage.has(id)) next.set(id, name);
                    for (const row of rows) if (row) next.set(row.id, row.name);
                    return next;
                  });
                },
              }
            : undefined
        }
      />
      {batchDeactivating ? (
        <BatchDeactivateModal
          ids={[...selected.keys()]}
          names={[...selected.values()]}
          onClose={() => setBatchDeactivating(false)}
          onDone={() => {
            setBatchDeactivating(false);
            clearSelection();
            void refetch();
          }}
        />
      ) : null}
    </Card>
  );
}
