import { Navigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { appRoutes, homePath } from '../routes';

/** `/`: the first page the signed-in role may open. */
export function HomeRedirect() {
  const { me } = useAuth();
  return <Navigate to={homePath(appRoutes, me?.role)} replace />;
}
