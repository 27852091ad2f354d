import type { DashboardOverviewQuery } from '@registry/graphql-client';
import { Table } from 'antd';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { ChartCard } from './ChartCard';

type Trend = DashboardOverviewQuery['workforceTrend'];
type Year = Trend['years'][number];

const LEVELS = ['1', '2', '3', '4', '5'];
const SUBSIDIES = ['VOCATIONAL_TRAINING', 'SKILL_UPGRADE', 'LIVING_ALLOWANCE'];

function certified(year: Year, level: string): number {
  return year.certifiedByLevel.find((entry) => entry.bucket === level)?.count ?? 0;
}
function subsidy(year: Year, kind: string) {
  return year.subsidies.find((entry) => entry.kind === kind) ?? { people: 0, amount: 0 };
}

/** Quantity per year (六(三)) and the training and certification work. */
export function WorkforceTrend({ trend, loading }: { trend: Trend | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const years = trend?.years ?? [];
  const quantityColumns = [
    { title: t('dashboard.year'), value: (row: Year) => row.year },
    { title: t('dashboard.trend.active'), value: (row: Year) => row.activeAtYearEnd },
    { title: t('dashboard.trend.joined'), value: (row: Year) => row.joined },
    { title: t('dashboard.trend.left'), value: (row: Year) => row.left },
    { title: t('dashboard.trend.newlyCertified'), value: (row: Year) => row.newlyCertified },
  ];
  const trainingColumns = [
    { title: t('dashboard.year'), value: (row: Year) => row.year },
    { title: t('dashboard.trend.trained'), value: (row: Year) => row.peopleTrained },
    { title: t('dashboard.trend.trainings'), value: (row: Year) => row.trainings },
    { title: t('dashboard.trend.hours'), value: (row: Year) => row.trainingHours },
    ...LEVELS.map((level) => ({ title: `${t('dashboard.trend.certified')} ${t(`enums.certificateLevelShort.${level}`)}`, value: (row: Year) => certified(row, level) })),
    ...SUBSIDIES.flatMap((kind) => [
      { title: `${t(`enums.subsidyKind.${kind}`)} ${t('dashboard.trend.people')}`, value: (row: Year) => subsidy(row, kind).people },
      { title: `${t(`enums.subsidyKind.${kind}`)} ${t('dashboard.trend.amount')}`, value: (row: Year) => subsidy(row, kind).amount },
    ]),
  ];
  return (
    <>
      <ChartCard title={t('dashboard.trend.title')} exportName={`workforce-${trend?.regionCode ?? ''}`} columns={quantityColumns} rows={years} chart loading={loading}
        empty={years.every((year) => year.activeAtYearEnd === 0 && year.joined === 0)} testId="chart-trend">
        <ResponsiveContainer width="100%" height={280}>
          <ComposedChart data={years} margin={{ top: 8, right: 24, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="joined" name={t('dashboard.trend.joined')} fill="#52c41a" isAnimationActive={false} />
            <Bar dataKey="left" name={t('dashboard.trend.left')} fill="#ff7875" isAnimationActive={false} />
            <Bar dataKey="newlyCertified" name={t('dashboard.trend.newlyCertified')} fill="#faad14" isAnimationActive={false} />
            <Line dataKey="activeAtYearEnd" name={t('dashboard.trend.active')} stroke="#1677ff" strokeWidth={3} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartCard>
      <div style={{ height: 12 }} />
      <ChartCard title={t('dashboard.trend.trainingTitle')} exportName={`training-${trend?.regionCode ?? ''}`} columns={trainingColumns} rows={years} loading={loading}
        empty={years.length === 0} testId="table-training">
        <Table<Year>
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={years}
          scroll={{ x: 900 }}
          columns={[
            { key: 'year', title: t('dashboard.year'), dataIndex: 'year' },
            { key: 'trained', title: t('dashboard.trend.trained'), dataIndex: 'peopleTrained', align: 'right' },
            { key: 'trainings', title: t('dashboard.trend.trainings'), dataIndex: 'trainings', align: 'right' },
            { key: 'hours', title: t('dashboard.trend.hours'), dataIndex: 'trainingHours', align: 'right' },
            ...LEVELS.map((level) => ({
              key: `level-${level}`,
              title: `${t('dashboard.trend.certified')}${t(`enums.certificateLevelShort.${level}`)}`,
              align: 'right' as const,
              render: (_value: unknown, row: Year) => certified(row, level),
            })),
            {
              key: 'subsidy',
              title: t('dashboard.trend.subsidyTotal'),
              align: 'right',
              render: (_value, row) => row.subsidies.reduce((sum, entry) => sum + entry.amount, 0).toLocaleString(),
            },
          ]}
        />
      </ChartCard>
    </>
  );
}
