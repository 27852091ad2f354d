import type { RegionFiguresFieldsFragment } from '@registry/graphql-client';
import { Button, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { percent } from '../utils/figures';
import { ChartCard } from './ChartCard';

interface Props {
  rows: readonly RegionFiguresFieldsFragment[];
  loading: boolean;
  exportName: string;
  onDrill: (regionCode: string) => void;
  onUncovered: (regionCode: string) => void;
}

/** Coverage by child region; a name drills down, the uncovered count opens the to-do list. */
export function RegionCoverageTable({ rows, loading, exportName, onDrill, onUncovered }: Props) {
  const { t } = useTranslation();
  type Row = RegionFiguresFieldsFragment;
  const number = (value: number) => value.toLocaleString();
  const columns: TableProps<Row>['columns'] = [
    {
      key: 'region',
      title: t('dashboard.region'),
      width: 150,
      // every region below the one shown drills down, townships too (their own figures and people)
      render: (_value, row) =>
        row.own ? (
          <span className="dashboard-region-cell">{row.regionName}</span>
        ) : (
          <Button type="link" size="small" className="dashboard-region-cell" style={{ padding: 0 }} onClick={() => onDrill(row.regionCode)} data-testid={`drill-${row.regionCode}`}>
            {row.regionName}
          </Button>
        ),
    },
    { key: 'coordinators', title: t('dashboard.metrics.coordinators'), dataIndex: 'coordinators', align: 'right', sorter: (a, b) => a.coordinators - b.coordinators, render: number },
    { key: 'lmTotal', title: t('dashboard.table.largeMediumTotal'), dataIndex: 'largeMediumTotal', align: 'right', sorter: (a, b) => a.largeMediumTotal - b.largeMediumTotal, render: number },
    { key: 'lmCovered', title: t('dashboard.table.largeMediumCovered'), dataIndex: 'largeMediumCovered', align: 'right', render: number },
    {
      key: 'lmRate',
      title: t('dashboard.metrics.largeMediumRate'),
      align: 'right',
      sorter: (a, b) => (a.largeMediumRate ?? -1) - (b.largeMediumRate ?? -1),
      render: (_value, row) => percent(row.largeMediumRate),
    },
    {
      key: 'uncovered',
      title: t('dashboard.metrics.largeMediumUncovered'),
      align: 'right',
      sorter: (a, b) => a.largeMediumTotal - a.largeMediumCovered - (b.largeMediumTotal - b.largeMediumCovered),
      render: (_value, row) => {
        const uncovered = row.largeMediumTotal - row.largeMediumCovered;
        return uncovered > 0 && !row.own ? (
          <Button type="link" size="small" danger style={{ padding: 0 }} onClick={() => onUncovered(row.regionCode)} data-testid={`uncovered-${row.regionCode}`}>
            {number(uncovered)}
          </Button>
        ) : (
          number(uncovered)
        );
      },
    },
    {
      key: 'so',
      title: t('dashboard.table.socialOrganization'),
      align: 'right',
      render: (_value, row) => `${number(row.socialOrganizationCovered)} / ${number(row.socialOrganizationTotal)}`,
    },
    { key: 'sm', title: t('dashboard.table.smallMicro'), align: 'right', render: (_value, row) => `${number(row.smallMicroCovered)} / ${number(row.smallMicroTotal)}` },
    {
      key: 'perHundred',
      title: t('dashboard.metrics.perHundredLargeMedium'),
      align: 'right',
      sorter: (a, b) => (a.perHundredLargeMedium ?? -1) - (b.perHundredLargeMedium ?? -1),
      render: (_value, row) => (row.perHundredLargeMedium === null || row.perHundredLargeMedium === undefined ? '—' : row.perHundredLargeMedium.toFixed(1)),
    },
  ];
  const exportColumns = [
    { title: t('dashboard.region'), value: (row: Row) => row.regionName },
    { title: t('dashboard.regionCode'), value: (row: Row) => row.regionCode },
    { title: t('dashboard.metrics.coordinators'), value: (row: Row) => row.coordinators },
    { title: t('dashboard.table.largeMediumTotal'), value: (row: Row) => row.largeMediumTotal },
    { title: t('dashboard.table.largeMediumCovered'), value: (row: Row) => row.largeMediumCovered },
    { title: t('dashboard.metrics.largeMediumRate'), value: (row: Row) => percent(row.largeMediumRate, 2) },
    { title: t('dashboard.table.socialOrganizationTotal'), value: (row: Row) => row.socialOrganizationTotal },
    { title: t('dashboard.table.socialOrganizationCovered'), value: (row: Row) => row.socialOrganizationCovered },
    { title: t('dashboard.table.smallMicroTotal'), value: (row: Row) => row.smallMicroTotal },
    { title: t('dashboard.table.smallMicroCovered'), value: (row: Row) => row.smallMicroCovered },
    { title: t('dashboard.metrics.perHundredLargeMedium'), value: (row: Row) => row.perHundredLargeMedium?.toFixed(2) ?? '' },
  ];
  return (
    <ChartCard title={t('dashboard.table.title')} exportName={exportName} columns={exportColumns} rows={rows} loading={loading} empty={rows.length === 0} testId="table-regions">
      {/* no sideways scroll: the card spans the page and headers wrap, so all columns show at 1366 px */}
      <Table<Row> rowKey={(row) => `${row.regionCode}-${row.own}`} size="small" columns={columns} dataSource={[...rows]} pagination={false} tableLayout="fixed" className="dashboard-region-table" />
    </ChartCard>
  );
}
