import type { Role } from '@registry/domain';
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../app/routes';

const WorkRecordsPage = lazy(() => import('./components/WorkRecordsPage'));

// 六(三) 工作情况: what coordinators do, its figures and the lists behind them.
export function workRecordRoutes(menu: { icon: ReactNode; order: number; roles: readonly Role[] }): AppRoute[] {
  return [{ path: '/work-records', element: <WorkRecordsPage />, menu: { labelKey: 'nav.workRecords', icon: menu.icon, order: menu.order }, roles: menu.roles }];
}
