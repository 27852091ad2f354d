import { Navigate, useLocation } from 'react-router-dom';
import { lazy, Suspense, type ReactNode } from 'react';
import { FullPageSpin } from '../components/FullPageSpin';
import { useAuth } from './AuthContext';

// the error screen (antd Result and its illustrations) is rare: not part of the first load
const QueryError = lazy(async () => ({ default: (await import('../components/QueryError')).QueryError }));

/**
 * Pages behind sign-in. `allowPendingPasswordChange` is for the change-password page itself;
 * everything else sends a user who must change the password there first.
 */
export function RequireAuth({ children, allowPendingPasswordChange = false }: { children: ReactNode; allowPendingPasswordChange?: boolean }) {
  const { signedIn, me, loading, error, refreshMe } = useAuth();
  const location = useLocation();
  if (!signedIn) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  if (loading) return <FullPageSpin />;
  if (!me) {
    return (
      <Suspense fallback={<FullPageSpin />}>
        <QueryError error={error} onRetry={() => void refreshMe()} fullPage />
      </Suspense>
    );
  }
  if (me.mustChangePassword && !allowPendingPasswordChange) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}
