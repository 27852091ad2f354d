import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp } from 'antd';
import { useEffect } from 'react';
import { Outlet, useNavigate, type NavigateFunction } from 'react-router-dom';
import { createApolloClient } from '../apollo-client';
import { AuthProvider } from '../auth/AuthContext';
import { isPublicPath } from '../../public/routes';
import { prefetchDashboardHeadline } from '../../dashboard/prefetch';

// The data layer of every screen (Apollo, the session, antd's message/modal context) is a
// chunk of its own, fetched right after the entry: the entry stays the framework and the
// router (issue 14, "a light first load"; measured by test/browser/first-load.test.ts).
let navigate: NavigateFunction | null = null;

const client = createApolloClient({
  onUnauthenticated: () => {
    if (window.location.pathname !== '/login' && !isPublicPath(window.location.pathname)) {
      const next = `${window.location.pathname}${window.location.search}`;
      void navigate?.(`/login?next=${encodeURIComponent(next)}`, { replace: true });
    }
  },
  onPasswordChangeRequired: () => {
    if (window.location.pathname !== '/change-password') void navigate?.('/change-password', { replace: true });
  },
});
prefetchDashboardHeadline(client);

export function DataShell() {
  const routerNavigate = useNavigate();
  useEffect(() => {
    navigate = routerNavigate;
  }, [routerNavigate]);
  return (
    <AntApp>
      <ApolloProvider client={client}>
        <AuthProvider>
          <Outlet />
        </AuthProvider>
      </ApolloProvider>
    </AntApp>
  );
}
