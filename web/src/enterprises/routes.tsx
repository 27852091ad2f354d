import type { Role } from '@registry/domain';
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../app/routes';

const EnterpriseListPage = lazy(() => import('./components/EnterpriseListPage'));
const EnterpriseDetailPage = lazy(() => import('./components/EnterpriseDetailPage'));
const EnterpriseFormPage = lazy(() => import('./components/EnterpriseFormPage'));

export function enterpriseRoutes(menu: { icon: ReactNode; order: number; roles: readonly Role[] }): AppRoute[] {
  return [
    { path: '/enterprises', element: <EnterpriseListPage />, menu: { labelKey: 'nav.enterprises', icon: menu.icon, order: menu.order }, roles: menu.roles },
    { path: '/enterprises/new', element: <EnterpriseFormPage mode="create" /> },
    { path: '/enterprises/:id', element: <EnterpriseDetailPage /> },
    { path: '/enterprises/:id/edit', element: <EnterpriseFormPage mode="edit" /> },
  ];
}
