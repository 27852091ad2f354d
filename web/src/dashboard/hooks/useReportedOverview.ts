import { useQuery } from '@apollo/client/react';
import { type DashboardOverviewQuery, ReportedOverviewDocument } from '@registry/graphql-client';

/**
 * 按上报口径: the figures of a closed year as stored when it was closed, in the overview's shape
 * (the award figures, which are not part of a closed year, stay the live ones). `merge` takes
 * the whole overview or a part of it (the dashboard's headline or its details) and answers the
 * same shape.
 */
export function useReportedOverview(regionCode: string, year: number, enabled: boolean) {
  const { data, loading, error } = useQuery(ReportedOverviewDocument, { variables: { regionCode, year }, skip: !enabled });
  const reported = enabled ? data?.reportedYear : undefined;
  const merge = <T extends Partial<DashboardOverviewQuery>>(live: T | undefined): T | undefined => {
    if (!reported) return enabled ? undefined : live;
    return {
      ...live,
      coverage: reported.coverage,
      coverageProgress: reported.coverageProgress,
      distribution: reported.distribution,
      workforceStructure: reported.workforceStructure,
      workforceTrend: reported.workforceTrend,
      awardFigures: live?.awardFigures ?? [],
    } as T;
  };
  return { merge, closedAt: reported?.closedAt ?? null, loading: enabled && loading, error: enabled ? error : undefined };
}
