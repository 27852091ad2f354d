import type { Role } from '@registry/domain';
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../app/routes';

const AwardsPage = lazy(() => import('./components/AwardsPage'));
const NominationFormPage = lazy(() => import('./components/NominationFormPage'));
const NominationDetailPage = lazy(() => import('./components/NominationDetailPage'));

export function awardRoutes(menu: { icon: ReactNode; order: number; roles: readonly Role[] }): AppRoute[] {
  return [
    { path: '/awards', element: <AwardsPage />, menu: { labelKey: 'nav.awards', icon: menu.icon, order: menu.order }, roles: menu.roles },
    { path: '/awards/nominations/new', element: <NominationFormPage /> },
    { path: '/awards/nominations/:id', element: <NominationDetailPage /> },
  ];
}
