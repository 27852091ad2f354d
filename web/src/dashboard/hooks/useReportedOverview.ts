import { useQuery } from '@apollo/client/react';
import { type DashboardOverviewQuery, ReportedOverviewDocument } from '@registry/graphql-client';

/**
 * 按上报口径: the figures of a closed year as stored when it was closed, in the overview's shape
 * (the award figures, which are not part of a closed year, stay the live ones).
 */
export function useReportedOverview(regionCode: string, year: number, enabled: boolean) {
  const { data, loading, error } = useQuery(ReportedOverviewDocument, { variables: { regionCode, year }, skip: !enabled });
  const reported = enabled ? data?.reportedYear : undefined;
  const merge = (live: DashboardOverviewQuery | undefined): DashboardOverviewQuery | undefined => {
    if (!reported) return enabled ? undefined : live;
    return {
      coverage: reported.coverage,
      coverageProgress: reported.coverageProgress,
      distribution: reported.distribution,
      workforceStructure: reported.workforceStructure,
      workforceTrend: reported.workforceTrend,
      awardFigures: live?.awardFigures ?? [],
    };
  };
  return { merge, closedAt: reported?.closedAt ?? null, loading: enabled && loading, error: enabled ? error : undefined };
}
