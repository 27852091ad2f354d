import type { Role } from '@registry/domain';
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../app/routes';

const TrainingPage = lazy(() => import('./components/TrainingPage'));
const TrainingSessionPage = lazy(() => import('./components/TrainingSessionPage'));

// 五 and 六(二): providers, sessions and results, subsidies, figures.
export function trainingRoutes(menu: { icon: ReactNode; order: number; roles: readonly Role[] }): AppRoute[] {
  return [
    { path: '/training', element: <TrainingPage />, menu: { labelKey: 'nav.training', icon: menu.icon, order: menu.order }, roles: menu.roles },
    { path: '/training/sessions/:id', element: <TrainingSessionPage /> },
  ];
}
