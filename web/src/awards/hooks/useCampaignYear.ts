import { useQuery } from '@apollo/client/react';
import { AwardCampaignsDocument, type AwardCampaignFieldsFragment } from '@registry/graphql-client';
import { useSearchParams } from 'react-router-dom';

/** The campaigns and the one chosen in the URL (?year=), by default the latest. */
export function useCampaignYear() {
  const [params, setParams] = useSearchParams();
  const query = useQuery(AwardCampaignsDocument);
  const campaigns: AwardCampaignFieldsFragment[] = query.data?.awardCampaigns ?? [];
  const requested = Number(params.get('year'));
  const campaign = campaigns.find((item) => item.year === requested) ?? campaigns[0] ?? null;
  const setYear = (year: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(year));
    setParams(next, { replace: true });
  };
  return { campaigns, campaign, setYear, loading: query.loading, error: query.error, refetch: query.refetch };
}
