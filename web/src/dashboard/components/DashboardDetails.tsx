import { useQuery } from '@apollo/client/react';
import { DashboardDetailsDocument, type DashboardHeadlineQuery, UnitDistributionDocument } from '@registry/graphql-client';
import { Col, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/components/QueryError';
import { useRegions } from '../../app/hooks/useRegions';
import { DataQualityScoreCard } from '../../data-quality/DataQualityScoreCard';
import { WorkFiguresCard } from '../../work-records/components/WorkFiguresCard';
import { overviewVariables, type DashboardParams } from '../hooks/useDashboardParams';
import type { useReportedOverview } from '../hooks/useReportedOverview';
import type { DistributionMetric } from '../utils/figures';
import { AwardsChart } from './AwardsChart';
import { CoverageProgressChart } from './CoverageProgressChart';
import { DistributionChart } from './DistributionChart';
import { PeopleDrawer, type PeopleSelection } from './PeopleDrawer';
import { RegionCoverageTable } from './RegionCoverageTable';
import { StructureCharts } from './StructureCharts';
import { TargetCard } from './TargetCard';
import { UncoveredEnterprisesDrawer } from './UncoveredEnterprisesDrawer';
import { UnitMap } from './UnitMap';
import { WorkforceTrend } from './WorkforceTrend';

interface Props {
  params: DashboardParams;
  update: (patch: Partial<DashboardParams>) => void;
  /** the big numbers' answer (already merged with the reported figures when asked for) */
  headline: DashboardHeadlineQuery | undefined;
  headlineLoading: boolean;
  reported: ReturnType<typeof useReportedOverview>;
  isProvince: boolean;
  provinceAdmin: boolean;
}

/**
 * Everything on the dashboard below the big numbers: the progress chart, the map, the
 * distribution, the coverage table, targets, awards, data quality, the workforce's structure
 * and trend, and the drawers. Its own chunk (recharts) and its own query (the per-child rows).
 */
export default function DashboardDetails({ params, update, headline, headlineLoading, reported, isProvince, provinceAdmin }: Props) {
  const { t } = useTranslation();
  const { byCode } = useRegions();
  const variables = useMemo(() => overviewVariables(params), [params]);
  const { data, previousData, loading, error, refetch } = useQuery(DashboardDetailsDocument, { variables, fetchPolicy: 'cache-and-network' });
  const details = reported.merge(data ?? previousData);
  const stale = (loading && !data) || reported.loading;
  const units = useQuery(UnitDistributionDocument, {
    variables: { year: params.year, publicOwned: variables.publicOwned, sizeClasses: variables.sizeClasses, category: variables.category },
    skip: !isProvince,
  });
  const metric: DistributionMetric = params.metric ?? 'largeMediumRate';
  const [people, setPeople] = useState<PeopleSelection | null>(null);
  const distribution = details?.distribution ?? [];

  return (
    <>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={isProvince ? 14 : 24}>
          <CoverageProgressChart progress={headline?.coverageProgress} loading={headlineLoading} />
        </Col>
        {isProvince ? (
          <Col xs={24} xl={10}>
            <UnitMap rows={units.data?.distribution ?? []} loading={units.loading && !units.data} metric={metric} onDrill={(code) => update({ region: code })} />
          </Col>
        ) : null}
        <Col xs={24}>
          <DistributionChart
            rows={distribution.filter((row) => !row.own)}
            loading={stale}
            metric={metric}
            onMetric={(next) => update({ metric: next })}
            onDrill={(code) => update({ region: code })}
            exportName={`distribution-${params.region}-${params.year}`}
          />
        </Col>
        {/* full width: at 1366 px all nine columns show without sideways scroll */}
        <Col xs={24}>
          <RegionCoverageTable
            rows={distribution}
            loading={stale}
            exportName={`coverage-by-region-${params.region}-${params.year}`}
            onDrill={(code) => update({ region: code })}
            onUncovered={(code) => update({ uncovered: code })}
          />
        </Col>
      </Row>

      <div style={{ marginTop: 12 }}>
        <TargetCard regionCode={params.region} canAddTarget={provinceAdmin && isProvince} />
      </div>

      <div style={{ marginTop: 12 }}>
        <AwardsChart awards={headline?.awardFigures ?? []} loading={headlineLoading} />
      </div>
      <div style={{ marginTop: 12 }}>
        <WorkFiguresCard regionCode={params.region} year={params.year} />
      </div>
      <div style={{ marginTop: 12 }}>
        <DataQualityScoreCard regionCode={params.region} />
      </div>

      <Typography.Title level={4} style={{ marginTop: 20 }}>
        {t('dashboard.structure.title', { year: params.year })}
      </Typography.Title>
      <StructureCharts
        slices={details?.workforceStructure ?? []}
        loading={stale}
        regionCode={params.region}
        year={params.year}
        onSelect={(dimension, bucket, label) => setPeople({ dimension, bucket, label: `${t(`dashboard.structure.dimensions.${dimension}`)} · ${label}` })}
      />

      <Typography.Title level={4} style={{ marginTop: 20 }}>
        {t('dashboard.trend.section')}
      </Typography.Title>
      <WorkforceTrend trend={headline?.workforceTrend} loading={headlineLoading} />

      <UncoveredEnterprisesDrawer
        regionCode={params.uncovered}
        regionName={params.uncovered ? byCode.get(params.uncovered)?.name : undefined}
        publicOwned={params.publicOwned}
        onClose={() => update({ uncovered: undefined })}
      />
      <PeopleDrawer regionCode={params.region} year={params.year} selection={people} onClose={() => setPeople(null)} />
    </>
  );
}
