import type { RegionFiguresFieldsFragment } from '@registry/graphql-client';
import { Radio, Segmented, Space } from 'antd';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { categoryAxisWidth, NO_WRAP, metricOf, percent, sortByMetric, type DistributionMetric } from '../utils/figures';
import { ChartCard } from './ChartCard';

export const METRICS: DistributionMetric[] = ['coordinators', 'largeMediumRate', 'perHundredLargeMedium', 'largeMediumUncovered'];

export function formatMetric(metric: DistributionMetric, value: number | null): string {
  if (value === null) return '—';
  if (metric === 'largeMediumRate') return percent(value);
  if (metric === 'perHundredLargeMedium') return value.toFixed(1);
  return String(value);
}

interface Props {
  rows: readonly RegionFiguresFieldsFragment[];
  loading: boolean;
  metric: DistributionMetric;
  onMetric: (metric: DistributionMetric) => void;
  onDrill: (regionCode: string) => void;
  exportName: string;
}

/** Child regions as sortable bars of the chosen figure; a click drills down. */
export function DistributionChart({ rows, loading, metric, onMetric, onDrill, exportName }: Props) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const data = sortByMetric(rows, metric, direction).map((row) => ({ ...row, value: metricOf(row, metric) }));
  const columns = [
    { title: t('dashboard.region'), value: (row: (typeof data)[number]) => row.regionName },
    { title: t(`dashboard.metrics.${metric}`), value: (row: (typeof data)[number]) => formatMetric(metric, row.value) },
  ];
  return (
    <ChartCard
      title={t('dashboard.distribution.title')}
      exportName={exportName}
      columns={columns}
      rows={data}
      chart
      loading={loading}
      empty={rows.length === 0}
      testId="chart-distribution"
    >
      <Space wrap size={4} className="dashboard-no-print" style={{ marginBottom: 8 }}>
        <Segmented
          size="small"
          value={metric}
          onChange={(value) => onMetric(value as DistributionMetric)}
          options={METRICS.map((value) => ({ value, label: t(`dashboard.metrics.${value}`) }))}
        />
        <Radio.Group size="small" value={direction} onChange={(event) => setDirection(event.target.value)}>
          <Radio.Button value="desc">{t('dashboard.distribution.desc')}</Radio.Button>
          <Radio.Button value="asc">{t('dashboard.distribution.asc')}</Radio.Button>
        </Radio.Group>
      </Space>
      {/* every bar gets its label: 30 px a bar leaves room for 13 px text, interval 0 stops skipping */}
      <ResponsiveContainer width="100%" height={Math.max(240, data.length * 30 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 32 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={(value: number) => formatMetric(metric, value)} domain={metric === 'largeMediumRate' ? [0, 1] : [0, 'auto']} />
          <YAxis type="category" dataKey="regionName" interval={0} width={categoryAxisWidth(data.map((row) => row.regionName), 13)} tick={{ fontSize: 13, width: NO_WRAP }} />
          <Tooltip formatter={(value) => formatMetric(metric, typeof value === 'number' ? value : null)} />
          <Bar
            dataKey="value"
            name={t(`dashboard.metrics.${metric}`)}
            fill="#1677ff"
            isAnimationActive={false}
            cursor="pointer"
            onClick={(datum) => {
              const row = (datum as unknown as { payload: RegionFiguresFieldsFragment }).payload;
              if (!row.own) onDrill(row.regionCode);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
