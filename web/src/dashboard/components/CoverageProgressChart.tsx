import { Descriptions } from 'antd';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { DashboardOverviewQuery } from '@registry/graphql-client';
import { percent, progressRows } from '../utils/figures';
import { ChartCard } from './ChartCard';

type Progress = DashboardOverviewQuery['coverageProgress'];

/** 2021 → now against the straight path to 100% at the end of 2025, with the projection at the current pace. */
export function CoverageProgressChart({ progress, loading, height = 300, width }: { progress: Progress | undefined; loading: boolean; height?: number; /** fixed width (print) instead of the card's */ width?: number }) {
  const { t } = useTranslation();
  const rows = progress ? progressRows(progress) : [];
  const columns = [
    { title: t('dashboard.year'), value: (row: Progress['years'][number]) => row.year },
    { title: t('dashboard.progress.total'), value: (row: Progress['years'][number]) => row.total },
    { title: t('dashboard.progress.covered'), value: (row: Progress['years'][number]) => row.covered },
    { title: t('dashboard.progress.rate'), value: (row: Progress['years'][number]) => percent(row.rate, 2) },
    { title: t('dashboard.progress.target'), value: (row: Progress['years'][number]) => percent(row.targetRate, 2) },
  ];
  return (
    <ChartCard
      title={t('dashboard.progress.title')}
      exportName={`coverage-progress-${progress?.regionCode ?? ''}`}
      columns={columns}
      rows={progress?.years ?? []}
      chart
      loading={loading}
      empty={!loading && (!progress || progress.years.every((year) => year.total === 0))}
      testId="chart-progress"
    >
      <ResponsiveContainer width={width ?? '100%'} height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 24, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis domain={[0, 1]} tickFormatter={(value: number) => `${Math.round(value * 100)}%`} />
          <Tooltip formatter={(value) => percent(typeof value === 'number' ? value : null)} />
          <Legend />
          <ReferenceLine x={progress?.targetYear} stroke="#faad14" strokeDasharray="4 4" label={t('dashboard.progress.targetYear')} />
          <Line type="linear" dataKey="actual" name={t('dashboard.progress.rate')} stroke="#1677ff" strokeWidth={3} connectNulls={false} isAnimationActive={false} />
          <Line type="linear" dataKey="target" name={t('dashboard.progress.target')} stroke="#52c41a" strokeDasharray="6 4" connectNulls isAnimationActive={false} />
          <Line type="linear" dataKey="projected" name={t('dashboard.progress.projection')} stroke="#ff7a45" strokeDasharray="2 4" connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      {progress ? (
        <Descriptions size="small" column={width ? 2 : { xs: 1, md: 4 }} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('dashboard.progress.remaining')}>
            <span data-testid="progress-remaining" data-value={progress.remaining}>
              {progress.remaining}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.progress.pace')}>{progress.pacePerYear === null ? '—' : progress.pacePerYear.toFixed(1)}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.progress.needed')}>
            {progress.neededPerYear === null ? t('dashboard.progress.tooLate') : progress.neededPerYear}
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.progress.projectedYear')}>
            {progress.projectedYear ?? t('dashboard.progress.notAtThisPace')}
            {progress.onTrack ? `（${t('dashboard.progress.onTrack')}）` : ''}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </ChartCard>
  );
}
