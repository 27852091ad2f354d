import type { Role } from '@registry/domain';
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../app/routes';

const StudioListPage = lazy(() => import('./components/StudioListPage'));
const StudioDetailPage = lazy(() => import('./components/StudioDetailPage'));
const StudioFormPage = lazy(() => import('./components/StudioFormPage'));

// 六(四): 金牌劳动关系协调员工作室 and 协调劳动关系指导站.
export function studioRoutes(menu: { icon: ReactNode; order: number; roles: readonly Role[] }): AppRoute[] {
  return [
    { path: '/studios', element: <StudioListPage />, menu: { labelKey: 'nav.studios', icon: menu.icon, order: menu.order }, roles: menu.roles },
    { path: '/studios/new', element: <StudioFormPage mode="create" /> },
    { path: '/studios/:id', element: <StudioDetailPage /> },
    { path: '/studios/:id/edit', element: <StudioFormPage mode="edit" /> },
  ];
}
