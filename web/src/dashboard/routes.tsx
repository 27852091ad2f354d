import type { Role } from '@registry/domain';
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../app/routes';

// fetched ahead where the dashboard is the first screen (issue 14, time to first figure)
const loadDashboard = () => import('./components/DashboardPage');
const DashboardPage = lazy(loadDashboard);
const YearSummaryPage = lazy(() => import('./components/YearSummaryPage'));

export function dashboardRoutes(menu: { icon: ReactNode; order: number; roles: readonly Role[] }): AppRoute[] {
  return [
    { path: '/dashboard', element: <DashboardPage />, menu: { labelKey: 'nav.dashboard', icon: menu.icon, order: menu.order }, roles: menu.roles, preload: loadDashboard },
    { path: '/dashboard/summary', element: <YearSummaryPage /> },
  ];
}
