import type { Role } from '@registry/domain';
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../app/routes';

const DataQualityPage = lazy(() => import('./DataQualityPage'));

export function dataQualityRoutes(menu: { icon: ReactNode; order: number; roles: readonly Role[] }): AppRoute[] {
  return [{ path: '/data-quality', element: <DataQualityPage />, menu: { labelKey: 'nav.dataQuality', icon: menu.icon, order: menu.order }, roles: menu.roles }];
}
