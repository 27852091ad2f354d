import { Navigate, useLocation } from 'react-router-dom';
import type { ReactNode } from 'react';
import { FullPageSpin } from '../components/FullPageSpin';
import { QueryError } from '../components/QueryError';
import { useAuth } from './AuthContext';

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
  if (!me) return <QueryError error={error} onRetry={() => void refreshMe()} fullPage />;
  if (me.mustChangePassword && !allowPendingPasswordChange) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}
