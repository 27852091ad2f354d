import { useApolloClient, useQuery } from '@apollo/client/react';
import { UncoveredEnterprisesDocument, type UncoveredEnterprisesQuery } from '@registry/graphql-client';
import { Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../app/components/QueryError';
import { ChartCard } from './ChartCard';

type Item = UncoveredEnterprisesQuery['uncoveredEnterprises']['items'][number];
const PAGE = 20;
const EXPORT_PAGE = 200;

interface Props {
  regionCode: string | undefined;
  regionName: string | undefined;
  publicOwned: boolean | undefined;
  onClose: () => void;
}

/** The bureaus' to-do list: large and medium enterprises of the region with no active coordinator (now). */
export function UncoveredEnterprisesDrawer({ regionCode, regionName, publicOwned, onClose }: Props) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [page, setPage] = useState(1);
  const { data, previousData, loading, error, refetch } = useQuery(UncoveredEnterprisesDocument, {
    variables: { regionCode: regionCode ?? '', publicOwned: publicOwned ?? null, offset: (page - 1) * PAGE, limit: PAGE },
    skip: !regionCode,
    fetchPolicy: 'cache-and-network',
  });
  const list = (data ?? previousData)?.uncoveredEnterprises;

  const loadAll = async () => {
    const items: Item[] = [];
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const result = await client.query({
        query: UncoveredEnterprisesDocument,
        variables: { regionCode: regionCode!, publicOwned: publicOwned ?? null, offset, limit: EXPORT_PAGE },
        fetchPolicy: 'network-only',
      });
      const chunk = result.data!.uncoveredEnterprises;
      items.push(...chunk.items);
      if (items.length >= chunk.total || chunk.items.length === 0) break;
    }
    return items;
  };

  return (
    <Drawer open={Boolean(regionCode)} onClose={onClose} width={860} title={t('dashboard.uncovered.title', { region: regionName ?? regionCode })} destroyOnHidden>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <ChartCard
        title={
          <span data-testid="uncovered-total" data-value={list?.total}>
            {t('dashboard.uncovered.total', { count: list?.total ?? 0 })}
          </span>
        }
        exportName={`uncovered-${regionCode}`}
        columns={[
          { title: t('dashboard.uncovered.name'), value: (item: Item) => item.name },
          { title: t('dashboard.uncovered.creditCode'), value: (item: Item) => item.creditCode },
          { title: t('dashboard.region'), value: (item: Item) => item.region?.name ?? item.regionCode },
          { title: t('dashboard.uncovered.size'), value: (item: Item) => t(`enums.sizeClass.${item.sizeClass}`) },
          { title: t('dashboard.uncovered.employees'), value: (item: Item) => item.employees },
          { title: t('dashboard.uncovered.ownership'), value: (item: Item) => t(item.publicOwned ? 'dashboard.structure.buckets.PUBLIC' : 'dashboard.structure.buckets.NON_PUBLIC') },
        ]}
        loadAllRows={loadAll}
        loading={loading && !list}
        testId="uncovered-list"
      >
        <Table<Item>
          rowKey="id"
          size="small"
          dataSource={list?.items ?? []}
          loading={loading}
          pagination={{ current: page, pageSize: PAGE, total: list?.total ?? 0, showSizeChanger: false, onChange: setPage }}
          locale={{ emptyText: t('dashboard.uncovered.none') }}
          columns={[
            { key: 'name', title: t('dashboard.uncovered.name'), render: (_value, item) => <Link to={`/enterprises/${item.id}`}>{item.name}</Link> },
            { key: 'creditCode', title: t('dashboard.uncovered.creditCode'), render: (_value, item) => <Typography.Text code>{item.creditCode}</Typography.Text> },
            { key: 'region', title: t('dashboard.region'), render: (_value, item) => item.region?.name ?? item.regionCode },
            { key: 'size', title: t('dashboard.uncovered.size'), render: (_value, item) => <Tag>{t(`enums.sizeClass.${item.sizeClass}`)}</Tag> },
            { key: 'employees', title: t('dashboard.uncovered.employees'), dataIndex: 'employees', align: 'right' },
          ]}
        />
      </ChartCard>
    </Drawer>
  );
}
