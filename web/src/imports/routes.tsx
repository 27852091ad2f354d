import type { Role } from '@registry/domain';
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../app/routes';

const ImportsPage = lazy(() => import('./components/ImportsPage'));

export function importRoutes(menu: { icon: ReactNode; order: number; roles: readonly Role[] }): AppRoute[] {
  return [{ path: '/imports', element: <ImportsPage />, menu: { labelKey: 'nav.imports', icon: menu.icon, order: menu.order }, roles: menu.roles }];
}
