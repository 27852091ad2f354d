import { withD3Winding, type BoundaryGeometry } from '@registry/domain';
import type { RegionFiguresFieldsFragment } from '@registry/graphql-client';
import { Tooltip, Typography } from 'antd';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { metricOf, shade, type DistributionMetric } from '../utils/figures';
import { ChartCard } from './ChartCard';
import { formatMetric } from './DistributionChart';

interface Feature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: GeoPermissibleObjects;
}

/** 长白山管委会 governs townships of 抚松县 and 安图县 and has no polygon of its own in most files: a marker there. */
const MARKERS: Record<string, [number, number]> = { '229900': [128.06, 42.05] };
const WIDTH = 520;
const HEIGHT = 360;

interface Props {
  geojson: string;
  name: string;
  licence: string;
  rows: readonly RegionFiguresFieldsFragment[];
  loading: boolean;
  metric: DistributionMetric;
  onDrill: (regionCode: string) => void;
}

/**
 * The province's own licensed boundary map (uploaded by the province administrator), shaded with
 * the same figures, tooltips, legend and drill-down as the tile map; drawn with d3-geo.
 */
export function BoundaryMap({ geojson, name, licence, rows, loading, metric, onDrill }: Props) {
  const { t } = useTranslation();
  const features = useMemo(
    () =>
      (JSON.parse(geojson) as { features: Feature[] }).features.map((feature) => ({
        ...feature,
        geometry: withD3Winding(feature.geometry as unknown as BoundaryGeometry) as unknown as GeoPermissibleObjects,
      })),
    [geojson],
  );
  const byCode = useMemo(() => new Map(rows.map((row) => [row.regionCode, row])), [rows]);
  const units = features.filter((feature) => byCode.has(feature.properties.code));
  const outlines = features.filter((feature) => !byCode.has(feature.properties.code));
  const markers = Object.entries(MARKERS).filter(([code]) => byCode.has(code) && !features.some((feature) => feature.properties.code === code));
  const shown = [...units.map((feature) => byCode.get(feature.properties.code)!), ...markers.map(([code]) => byCode.get(code)!)];
  const values = shown.map((row) => metricOf(row, metric)).filter((value): value is number => value !== null);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const { path, projection } = useMemo(() => {
    const projection = geoMercator().fitExtent(
      [
        [8, 8],
        [WIDTH - 8, HEIGHT - 8],
      ],
      { type: 'FeatureCollection', features } as unknown as GeoPermissibleObjects,
    );
    return { path: geoPath(projection), projection };
  }, [features]);

  return (
    <ChartCard
      title={t('dashboard.boundaryMap.title')}
      exportName={`boundary-map-${metric}`}
      columns={[
        { title: t('dashboard.region'), value: (row: RegionFiguresFieldsFragment) => row.regionName },
        { title: t(`dashboard.metrics.${metric}`), value: (row: RegionFiguresFieldsFragment) => formatMetric(metric, metricOf(row, metric)) },
      ]}
      rows={shown}
      chart
      loading={loading}
      empty={shown.length === 0}
      testId="chart-boundary-map"
    >
      <svg className="recharts-surface" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ maxWidth: WIDTH }} role="img" aria-label={t('dashboard.boundaryMap.title')}>
        {units.map((feature) => {
          const row = byCode.get(feature.properties.code)!;
          const value = metricOf(row, metric);
          return (
            <Tooltip key={feature.properties.code} title={`${row.regionName}：${formatMetric(metric, value)}`}>
              <path
                d={path(feature.geometry) ?? undefined}
                fill={shade(value, min, max)}
                stroke="#ffffff"
                strokeWidth={1.2}
                style={{ cursor: 'pointer' }}
                onClick={() => onDrill(row.regionCode)}
                data-testid={`boundary-${row.regionCode}`}
              />
            </Tooltip>
          );
        })}
        {outlines.map((feature) => (
          <path key={feature.properties.code} d={path(feature.geometry) ?? undefined} fill="none" stroke="#ffffff" strokeWidth={0.5} strokeOpacity={0.8} pointerEvents="none" />
        ))}
        {markers.map(([code, position]) => {
          const row = byCode.get(code)!;
          const value = metricOf(row, metric);
          const [x, y] = projection(position) ?? [0, 0];
          return (
            <Tooltip key={code} title={`${row.regionName}：${formatMetric(metric, value)}`}>
              <g style={{ cursor: 'pointer' }} onClick={() => onDrill(code)} data-testid={`boundary-marker-${code}`}>
                <circle cx={x} cy={y} r={9} fill={shade(value, min, max)} stroke="#1f1f1f" strokeWidth={1} />
                <text x={x + 12} y={y + 4} fontSize={11} fill="#1f1f1f">
                  {row.regionName.replace('管委会', '')}
                </text>
              </g>
            </Tooltip>
          );
        })}
      </svg>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {t('dashboard.tileMap.legend', { min: formatMetric(metric, values.length ? min : null), max: formatMetric(metric, values.length ? max : null) })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
        {t('dashboard.boundaryMap.source', { name, licence })}
      </Typography.Text>
    </ChartCard>
  );
}
