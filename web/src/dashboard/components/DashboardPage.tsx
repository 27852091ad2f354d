import { useQuery } from '@apollo/client/react';
import { CoverageLastYearEndDocument, DashboardHeadlineDocument } from '@registry/graphql-client';
import { Alert, Breadcrumb, Card, Flex, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/components/QueryError';
import { useAuth } from '../../app/auth/AuthContext';
import { useRegions } from '../../app/hooks/useRegions';
import { currentYear, FIRST_YEAR, headlineVariables, overviewVariables, useDashboardParams } from '../hooks/useDashboardParams';
import { useReportedOverview } from '../hooks/useReportedOverview';
import { runningCoverageTarget } from '../utils/figures';
import { BigNumbers } from './BigNumbers';
import { DashboardFilters } from './DashboardFilters';
import { YearClosingBar } from './YearClosingBar';
import '../dashboard.css';

// The charts, tables and cards below the big numbers (recharts among them) are a chunk of their
// own, asked for once the big numbers are drawn (issue 14, time to first figure; ADR 0312).
const loadDetails = () => import('./DashboardDetails');
const DashboardDetails = lazy(loadDetails);

/** The leader's overview: my region by default, drill down on demand (SPEC "Analytics"). */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [params, update] = useDashboardParams();
  const { byCode, scopeCode } = useRegions();
  const variables = useMemo(() => overviewVariables(params), [params]);
  // the big numbers' own query, fired first (on a reload already by the data shell, see
  // prefetch.ts, and joined here): the region's figures without the per-child rows
  const headlineQuery = useQuery(DashboardHeadlineDocument, { variables: headlineVariables(params), fetchPolicy: 'cache-and-network' });
  const { me } = useAuth();
  const provinceAdmin = me?.role === 'PROVINCE_ADMIN';
  // 按上报口径: a closed year's stored figures in place of the current ones
  const reported = useReportedOverview(params.region, params.year, Boolean(params.reported));
  const headline = reported.merge(headlineQuery.data ?? headlineQuery.previousData);
  const stale = (headlineQuery.loading && !headlineQuery.data) || reported.loading;
  const isProvince = params.region === '220000';
  // the big numbers' comparison: the same filters at the end of the year before
  const lastYear = useQuery(CoverageLastYearEndDocument, {
    variables: { regionCode: variables.regionCode, year: params.year - 1, publicOwned: variables.publicOwned, sizeClasses: variables.sizeClasses },
    skip: params.year <= FIRST_YEAR,
  });
  // the rest of the page once the big numbers are on screen (or their query failed); kept after
  const [detailsWanted, setDetailsWanted] = useState(false);
  const settled = !stale || Boolean(headlineQuery.error);
  useEffect(() => {
    if (settled) setDetailsWanted(true);
  }, [settled]);

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

  const yearFigure = headline?.workforceTrend.years.find((entry) => entry.year === params.year);
  const previousYearFigure = headline?.workforceTrend.years.find((entry) => entry.year === params.year - 1);
  const goldNamedIn = (year: number) => headline?.awardFigures.find((entry) => entry.year === year)?.tiers.find((tier) => tier.tier === 'GOLD')?.named;
  const distribution = headline?.distribution ?? [];

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
      {headlineQuery.error ? <QueryError error={headlineQuery.error} onRetry={() => void headlineQuery.refetch()} /> : null}
      {reported.error ? <QueryError error={reported.error} onRetry={() => update({ reported: undefined })} /> : null}
      {params.category ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('dashboard.filters.categoryNote')} /> : null}

      <BigNumbers
        year={params.year}
        coordinators={params.category ? distribution.reduce((sum, row) => sum + row.coordinators, 0) : yearFigure?.activeAtYearEnd}
        previousCoordinators={params.category ? undefined : previousYearFigure?.activeAtYearEnd}
        coverage={headline?.coverage}
        previousCoverage={lastYear.data?.coverage}
        coverageTarget={runningCoverageTarget(headline?.coverageProgress, params.year)}
        loading={stale}
        goldNamed={goldNamedIn(params.year)}
        previousGoldNamed={goldNamedIn(params.year - 1)}
        onUncovered={() => update({ uncovered: params.region })}
      />

      {detailsWanted ? (
        <Suspense fallback={<DetailsPlaceholder />}>
          <DashboardDetails params={params} update={update} headline={headline} headlineLoading={stale} reported={reported} isProvince={isProvince} provinceAdmin={provinceAdmin} />
        </Suspense>
      ) : (
        <DetailsPlaceholder />
      )}
    </div>
  );
}

/** Holds the place of the charts while their chunk and data come. */
function DetailsPlaceholder() {
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="dashboard-details-loading">
      <Skeleton active paragraph={{ rows: 8 }} />
    </Card>
  );
}
