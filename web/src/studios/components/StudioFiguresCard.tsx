import { useQuery } from '@apollo/client/react';
import { StudioFiguresDocument, type StudioFiguresQuery } from '@registry/graphql-client';
import { Button, Card, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/components/QueryError';

type Row = StudioFiguresQuery['studioFigures']['total'];

/** Studios in operation per child region of the list's region; a row drills down to it. */
export function StudioFiguresCard({ regionCode, onDrillDown }: { regionCode?: string; onDrillDown: (regionCode: string) => void }) {
  const { t } = useTranslation();
  const { data, previousData, loading, error, refetch } = useQuery(StudioFiguresDocument, { variables: { regionCode: regionCode ?? null }, fetchPolicy: 'cache-and-network' });
  const figures = (data ?? previousData)?.studioFigures;
  const columns: TableProps<Row>['columns'] = [
    {
      key: 'region',
      title: t('studio.figures.region'),
      render: (_value, row) =>
        row.regionCode === figures?.total.regionCode ? (
          <strong>{t('studio.figures.total')}（{row.regionName}）</strong>
        ) : (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrillDown(row.regionCode)} title={t('studio.figures.drillDown')}>
            {row.regionName}
          </Button>
        ),
    },
    { key: 'gold', title: t('studio.figures.goldStudios'), dataIndex: 'goldStudios', align: 'right' },
    { key: 'stations', title: t('studio.figures.guidanceStations'), dataIndex: 'guidanceStations', align: 'right' },
    { key: 'coordinators', title: t('studio.figures.coordinators'), dataIndex: 'coordinators', align: 'right' },
    { key: 'enterprises', title: t('studio.figures.servedEnterprises'), dataIndex: 'servedEnterprises', align: 'right' },
    { key: 'townships', title: t('studio.figures.servedTownships'), dataIndex: 'servedTownships', align: 'right' },
  ];
  const rows = figures ? [figures.total, ...figures.children] : [];
  return (
    <Card size="small" title={t('studio.figures.title')} style={{ marginBottom: 16 }} data-testid="studio-figures">
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<Row> rowKey="regionCode" size="small" loading={loading && !figures} dataSource={rows} columns={columns} pagination={false} scroll={{ y: 320 }} />
    </Card>
  );
}
