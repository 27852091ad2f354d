import { createBrowserRouter, Navigate } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth';
import { useAuth } from './auth/AuthContext';
import { AppLayout } from './layout/AppLayout';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { publicRoutes } from '../public/routes';
import { appRoutes, homePath } from './routes';

function Home() {
  const { me } = useAuth();
  return <Navigate to={homePath(appRoutes, me?.role)} replace />;
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    // no sign-in: the named list and certificate verification (web/src/public)
    ...publicRoutes,
    {
      path: '/change-password',
      element: (
        <RequireAuth allowPendingPasswordChange>
          <ChangePasswordPage />
        </RequireAuth>
      ),
    },
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <Home /> },
        ...appRoutes.map((route) => ({ path: route.path, element: route.element })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createRouter>;
