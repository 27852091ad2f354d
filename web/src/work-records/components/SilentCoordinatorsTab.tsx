import { useQuery } from '@apollo/client/react';
import { SilentCoordinatorsDocument } from '@registry/graphql-client';
import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../app/components/QueryError';
import { ExportButton } from '../../imports/ExportButton';
import { usePagedTable } from '../../app/hooks/usePagedTable';

type Item = { coordinatorId: string; name: string; regionCode: string; employer?: string | null; lastRecordedOn?: string | null };

/** The coordinators behind 未开展工作: counted in the region at the year's date, no work recorded in the 12 months before. */
export function SilentCoordinatorsTab({ regionCode, year, regionName }: { regionCode?: string; year: number; regionName: (code: string) => string }) {
  const { t } = useTranslation();
  const paged = usePagedTable();
  const { data, previousData, loading, error, refetch } = useQuery(SilentCoordinatorsDocument, {
    variables: { regionCode: regionCode ?? null, year, ...paged.window },
    fetchPolicy: 'cache-and-network',
  });
  const result = (data ?? previousData)?.silentCoordinators;
  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 16 }} gap={8} wrap>
        <Typography.Text type="secondary">{t('workRecords.silentHelp', { year })}</Typography.Text>
        <ExportButton kind="silent-coordinators" filter={{ regionCode: regionCode ?? null, year }} testId="export-silent-coordinators" />
      </Flex>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<Item>
        rowKey="coordinatorId"
        size="middle"
        dataSource={result?.items ?? []}
        {...paged.tableProps({ total: result?.total ?? 0, loading, emptyText: t('workRecords.noSilent') })}
        data-testid="silent-coordinators-table"
        columns={[
          { key: 'name', title: t('workRecords.coordinator'), render: (_value, item) => <Link to={`/coordinators/${item.coordinatorId}`}>{item.name}</Link> },
          { key: 'region', title: t('workRecords.region'), render: (_value, item) => regionName(item.regionCode) },
          { key: 'employer', title: t('workRecords.employer'), dataIndex: 'employer' },
          { key: 'last', title: t('workRecords.lastRecordedOn'), render: (_value, item) => item.lastRecordedOn ?? t('workRecords.never') },
        ]}
      />
    </>
  );
}
