import type { RegionFiguresFieldsFragment } from '@registry/graphql-client';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { metricOf, shade, textOn, type DistributionMetric } from '../utils/figures';
import { ChartCard } from './ChartCard';
import { formatMetric } from './DistributionChart';

// A schematic tile map of Jilin's 11 reporting units, placed roughly as they lie west to east
// (no licensed boundary data is used; see README). Column, row on a 5 × 3 grid.
const TILES: Record<string, [number, number]> = {
  '220800': [0, 0], // 白城
  '220700': [1, 0], // 松原
  '220100': [2, 0], // 长春
  '220200': [3, 0], // 吉林市
  '222400': [4, 0], // 延边
  '220300': [1, 1], // 四平
  '220400': [2, 1], // 辽源
  '220581': [3, 1], // 梅河口
  '229900': [4, 1], // 长白山管委会
  '220500': [2, 2], // 通化
  '220600': [3, 2], // 白山
};
const SIZE = 92;
const GAP = 6;

interface Props {
  rows: readonly RegionFiguresFieldsFragment[];
  loading: boolean;
  metric: DistributionMetric;
  onDrill: (regionCode: string) => void;
}

export function UnitTileMap({ rows, loading, metric, onDrill }: Props) {
  const { t } = useTranslation();
  const units = rows.filter((row) => TILES[row.regionCode]);
  const values = units.map((row) => metricOf(row, metric)).filter((value): value is number => value !== null);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const width = 5 * SIZE + 4 * GAP;
  const height = 3 * SIZE + 2 * GAP;
  return (
    <ChartCard
      title={t('dashboard.tileMap.title')}
      exportName={`tile-map-${metric}`}
      columns={[
        { title: t('dashboard.region'), value: (row: RegionFiguresFieldsFragment) => row.regionName },
        { title: t(`dashboard.metrics.${metric}`), value: (row: RegionFiguresFieldsFragment) => formatMetric(metric, metricOf(row, metric)) },
      ]}
      rows={units}
      chart
      loading={loading}
      empty={units.length === 0}
      testId="chart-tile-map"
    >
      <svg className="recharts-surface" viewBox={`0 0 ${width} ${height + 24}`} width="100%" style={{ maxWidth: width }} role="img" aria-label={t('dashboard.tileMap.title')}>
        {units.map((row) => {
          const [column, line] = TILES[row.regionCode];
          const value = metricOf(row, metric);
          const x = column * (SIZE + GAP);
          const y = line * (SIZE + GAP);
          return (
            <Tooltip key={row.regionCode} title={`${row.regionName}：${formatMetric(metric, value)}`}>
              <g style={{ cursor: 'pointer' }} onClick={() => onDrill(row.regionCode)} data-testid={`tile-${row.regionCode}`}>
                <rect x={x} y={y} width={SIZE} height={SIZE} rx={8} fill={shade(value, min, max)} stroke="#ffffff" />
                <text x={x + SIZE / 2} y={y + SIZE / 2 - 6} textAnchor="middle" fontSize={13} fill={textOn(value, min, max)}>
                  {row.regionName.replace('朝鲜族自治州', '州').replace('管委会', '')}
                </text>
                <text x={x + SIZE / 2} y={y + SIZE / 2 + 16} textAnchor="middle" fontSize={15} fontWeight={600} fill={textOn(value, min, max)}>
                  {formatMetric(metric, value)}
                </text>
              </g>
            </Tooltip>
          );
        })}
        <text x={0} y={height + 18} fontSize={11} fill="#8c8c8c">
          {t('dashboard.tileMap.note')}
        </text>
      </svg>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.tileMap.legend', { min: formatMetric(metric, values.length ? min : null), max: formatMetric(metric, values.length ? max : null) })}
      </Typography.Text>
    </ChartCard>
  );
}
