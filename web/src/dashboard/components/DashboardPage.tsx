import { useQuery } from '@apollo/client/react';
import { CoverageLastYearEndDocument, DashboardOverviewDocument, UnitDistributionDocument } from '@registry/graphql-client';
import { Alert, Breadcrumb, Col, Flex, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/components/QueryError';
import { useAuth } from '../../app/auth/AuthContext';
import { useRegions } from '../../app/hooks/useRegions';
import { DataQualityScoreCard } from '../../data-quality/DataQualityScoreCard';
import { WorkFiguresCard } from '../../work-records/components/WorkFiguresCard';
import { currentYear, FIRST_YEAR, overviewVariables, useDashboardParams } from '../hooks/useDashboardParams';
import { useReportedOverview } from '../hooks/useReportedOverview';
import { runningCoverageTarget, type DistributionMetric } from '../utils/figures';
import { AwardsChart } from './AwardsChart';
import { BigNumbers } from './BigNumbers';
import { CoverageProgressChart } from './CoverageProgressChart';
import { DashboardFilters } from './DashboardFilters';
import { DistributionChart } from './DistributionChart';
import { PeopleDrawer, type PeopleSelection } from './PeopleDrawer';
import { RegionCoverageTable } from './RegionCoverageTable';
import { StructureCharts } from './StructureCharts';
import { TargetCard } from './TargetCard';
import { UncoveredEnterprisesDrawer } from './UncoveredEnterprisesDrawer';
import { UnitMap } from './UnitMap';
import { WorkforceTrend } from './WorkforceTrend';
import { YearClosingBar } from './YearClosingBar';
import '../dashboard.css';

/** The leader's overview: my region by default, drill down on demand (SPEC "Analytics"). */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [params, update] = useDashboardParams();
  const { byCode, scopeCode } = useRegions();
  const variables = useMemo(() => overviewVariables(params), [params]);
  const { data, previousData, loading, error, refetch } = useQuery(DashboardOverviewDocument, { variables, fetchPolicy: 'cache-and-network' });
  const { me } = useAuth();
  const provinceAdmin = me?.role === 'PROVINCE_ADMIN';
  // 按上报口径: a closed year's stored figures in place of the current ones
  const reported = useReportedOverview(params.region, params.year, Boolean(params.reported));
  const overview = reported.merge(data ?? previousData);
  const stale = (loading && !data) || reported.loading;
  const isProvince = params.region === '220000';
  const units = useQuery(UnitDistributionDocument, {
    variables: { year: params.year, publicOwned: variables.publicOwned, sizeClasses: variables.sizeClasses, category: variables.category },
    skip: !isProvince,
  });
  // the big numbers' comparison: the same filters at the end of the year before
  const lastYear = useQuery(CoverageLastYearEndDocument, {
    variables: { regionCode: variables.regionCode, year: params.year - 1, publicOwned: variables.publicOwned, sizeClasses: variables.sizeClasses },
    skip: params.year <= FIRST_YEAR,
  });
  const metric: DistributionMetric = params.metric ?? 'largeMediumRate';
  const [people, setPeople] = useState<PeopleSelection | null>(null);

  const region = byCode.get(params.region);
  // province → unit → county → township, from the user's own region down to the one shown
  const trail = useMemo(() => {
    const chain = [];
    let code: string | null | undefined = params.region;
    while (code) {
      const entry = byCode.get(code);
      if (!entry) break;
      chain.unshift(entry);
      if (code === scopeCode) break;
      code = entry.parentCode;
    }
    return chain;
  }, [byCode, params.region, scopeCode]);

  const yearFigure = overview?.workforceTrend.years.find((entry) => entry.year === params.year);
  const previousYearFigure = overview?.workforceTrend.years.find((entry) => entry.year === params.year - 1);
  const goldNamedIn = (year: number) => overview?.awardFigures.find((entry) => entry.year === year)?.tiers.find((tier) => tier.tier === 'GOLD')?.named;
  const distribution = overview?.distribution ?? [];

  return (
    <div className="dashboard" data-testid="dashboard">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('dashboard.title', { region: region?.name ?? params.region, year: params.year })}
          </Typography.Title>
          <Breadcrumb
            items={trail.map((entry) => ({
              key: entry.code,
              title:
                entry.code === params.region ? (
                  entry.name
                ) : (
                  <a onClick={() => update({ region: entry.code, uncovered: undefined })} data-testid={`crumb-${entry.code}`}>
                    {entry.name}
                  </a>
                ),
            }))}
          />
        </div>
        <DashboardFilters params={params} onChange={update} />
      </Flex>
      <YearClosingBar
        regionCode={params.region}
        year={params.year}
        currentYear={currentYear()}
        asReported={Boolean(params.reported)}
        canClose={provinceAdmin && isProvince}
        onAsReported={(on) => update({ reported: on || undefined })}
      />
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      {reported.error ? <QueryError error={reported.error} onRetry={() => update({ reported: undefined })} /> : null}
      {params.category ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('dashboard.filters.categoryNote')} /> : null}

      <BigNumbers
        year={params.year}
        coordinators={params.category ? distribution.reduce((sum, row) => sum + row.coordinators, 0) : yearFigure?.activeAtYearEnd}
        previousCoordinators={params.category ? undefined : previousYearFigure?.activeAtYearEnd}
        coverage={overview?.coverage}
        previousCoverage={lastYear.data?.coverage}
        coverageTarget={runningCoverageTarget(overview?.coverageProgress, params.year)}
        loading={stale}
        goldNamed={goldNamedIn(params.year)}
        previousGoldNamed={goldNamedIn(params.year - 1)}
        onUncovered={() => update({ uncovered: params.region })}
      />

      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={isProvince ? 14 : 24}>
          <CoverageProgressChart progress={overview?.coverageProgress} loading={stale} />
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
        <AwardsChart awards={overview?.awardFigures ?? []} loading={stale} />
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
        slices={overview?.workforceStructure ?? []}
        loading={stale}
        regionCode={params.region}
        year={params.year}
        onSelect={(dimension, bucket, label) => setPeople({ dimension, bucket, label: `${t(`dashboard.structure.dimensions.${dimension}`)} · ${label}` })}
      />

      <Typography.Title level={4} style={{ marginTop: 20 }}>
        {t('dashboard.trend.section')}
      </Typography.Title>
      <WorkforceTrend trend={overview?.workforceTrend} loading={stale} />

      <UncoveredEnterprisesDrawer
        regionCode={params.uncovered}
        regionName={params.uncovered ? byCode.get(params.uncovered)?.name : undefined}
        publicOwned={params.publicOwned}
        onClose={() => update({ uncovered: undefined })}
      />
      <PeopleDrawer regionCode={params.region} year={params.year} selection={people} onClose={() => setPeople(null)} />
    </div>
  );
}
