import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { FullPageSpin } from './components/FullPageSpin';
import { getAccessToken } from './session';
import { publicRoutes } from '../public/routes';
import { appRoutes, preloadPage } from './routes';

// Every screen is its own chunk (issue 14, "a light first load"): the entry holds React, the
// router, antd's provider and i18n; the data layer (DataShell: Apollo, the session), the guards,
// the layout and each page follow as chunks. test/browser/first-load.test.ts keeps it ≤ 250 kB.
function named<Props, T extends Record<string, unknown>>(load: Promise<T> | (() => Promise<T>), name: keyof T) {
  return lazy(async () => ({ default: (await (typeof load === 'function' ? load() : load))[name] as ComponentType<Props> }));
}

// Started at once, not when first rendered, so the chunks come in parallel instead of one after
// another (shell → guard → layout → page): the data shell always, the signed-in screens when a
// session is held, the sign-in page when not.
const signedIn = getAccessToken() !== null;
const early = <T,>(wanted: boolean, load: () => Promise<T>): Promise<T> | (() => Promise<T>) => (wanted ? load() : load);

const DataShell = named(early(true, () => import('./shell/DataShell')), 'DataShell');
const RequireAuth = named<{ children: ReactNode; allowPendingPasswordChange?: boolean }, typeof import('./auth/RequireAuth')>(
  early(true, () => import('./auth/RequireAuth')),
  'RequireAuth',
);
const HomeRedirect = named(() => import('./pages/HomeRedirect'), 'HomeRedirect');
const LoginPage = named(early(!signedIn, () => import('./pages/LoginPage')), 'LoginPage');
const ChangePasswordPage = named(() => import('./pages/ChangePasswordPage'), 'ChangePasswordPage');
const AppLayout = named(early(signedIn, () => import('./layout/AppLayout')), 'AppLayout');
const NotFoundPage = named(() => import('./pages/NotFoundPage'), 'NotFoundPage');
// the page itself too, alongside the shell and the session check instead of after them
if (signedIn && typeof window !== 'undefined') preloadPage(appRoutes, window.location.pathname);

function Screen({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
}

export function createRouter() {
  return createBrowserRouter([
    {
      element: (
        <Screen>
          <DataShell />
        </Screen>
      ),
      children: [
        { path: '/login', element: <Screen><LoginPage /></Screen> },
        // no sign-in: the named list and certificate verification (web/src/public)
        ...publicRoutes,
        {
          path: '/change-password',
          element: (
            <Screen>
              <RequireAuth allowPendingPasswordChange>
                <ChangePasswordPage />
              </RequireAuth>
            </Screen>
          ),
        },
        {
          path: '/',
          element: (
            <Screen>
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            </Screen>
          ),
          children: [
            { index: true, element: <HomeRedirect /> },
            ...appRoutes.map((route) => ({ path: route.path, element: route.element })),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createRouter>;
