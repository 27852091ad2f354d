import type { Role } from '@registry/domain';
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../app/routes';

const CoordinatorListPage = lazy(() => import('./components/CoordinatorListPage'));
const CoordinatorDetailPage = lazy(() => import('./components/CoordinatorDetailPage'));
const CoordinatorFormPage = lazy(() => import('./components/CoordinatorFormPage'));

export function coordinatorRoutes(menu: { icon: ReactNode; order: number; roles: readonly Role[] }): AppRoute[] {
  return [
    { path: '/coordinators', element: <CoordinatorListPage />, menu: { labelKey: 'nav.coordinators', icon: menu.icon, order: menu.order }, roles: menu.roles },
    { path: '/coordinators/new', element: <CoordinatorFormPage mode="create" /> },
    { path: '/coordinators/:id', element: <CoordinatorDetailPage /> },
    { path: '/coordinators/:id/edit', element: <CoordinatorFormPage mode="edit" /> },
  ];
}
