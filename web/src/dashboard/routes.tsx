import type { Role } from '@registry/domain';
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../app/routes';

const DashboardPage = lazy(() => import('./components/DashboardPage'));
const YearSummaryPage = lazy(() => import('./components/YearSummaryPage'));

export function dashboardRoutes(menu: { icon: ReactNode; order: number; roles: readonly Role[] }): AppRoute[] {
  return [
    { path: '/dashboard', element: <DashboardPage />, menu: { labelKey: 'nav.dashboard', icon: menu.icon, order: menu.order }, roles: menu.roles },
    { path: '/dashboard/summary', element: <YearSummaryPage /> },
  ];
}
