import type { ApolloClient } from '@apollo/client';
import { DashboardHeadlineDocument } from '@registry/graphql-client';
import { rememberedScope } from '../app/session';
import { currentYear, headlineVariables, readDashboardParams } from './hooks/useDashboardParams';

/**
 * A reload of the dashboard asks for its big numbers as soon as the data shell has its client,
 * alongside the session check instead of after it and the page's render (issue 14, time to
 * first figure). Only when the session's region is already known (remembered from an earlier
 * session check in this tab) and the live figures are shown; the page's own query, with the
 * same variables, joins the request in flight or finds the answer in the cache.
 */
export function prefetchDashboardHeadline(client: ApolloClient, location: Pick<Location, 'pathname' | 'search'> = window.location): void {
  if (location.pathname !== '/dashboard') return;
  const scope = rememberedScope();
  if (!scope) return;
  const params = readDashboardParams(new URLSearchParams(location.search), scope, currentYear());
  if (params.reported) return;
  void client.query({ query: DashboardHeadlineDocument, variables: headlineVariables(params) }).catch(() => undefined);
}
