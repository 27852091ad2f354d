import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  ShopOutlined,
  ReadOutlined,
  ScheduleOutlined,
  CloudUploadOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { Role } from '@registry/domain';
import type { ReactNode } from 'react';
import { adminRoutes } from '../admin/routes';
import { awardRoutes } from '../awards/routes';
import { coordinatorRoutes } from '../coordinators/routes';
import { dataQualityRoutes } from '../data-quality/routes';
import { dashboardRoutes } from '../dashboard/routes';
import { enterpriseRoutes } from '../enterprises/routes';
import { importRoutes } from '../imports/routes';
import { studioRoutes } from '../studios/routes';
import { trainingRoutes } from '../training/routes';
import { workRecordRoutes } from '../work-records/routes';

/**
 * One entry per page inside the signed-in layout. A feature adds its pages here (or exports its
 * own array, as coordinators/ and enterprises/ do, and spreads it in): `path` is absolute,
 * `menu` puts it in the side menu, `roles` limits who sees it in the menu (the server decides
 * what they may actually do).
 */
export interface AppRoute {
  path: string;
  element: ReactNode;
  menu?: {
    /** i18n key of the menu label */
    labelKey: string;
    icon?: ReactNode;
    /** position in the menu, ascending */
    order: number;
  };
  roles?: readonly Role[];
  /** fetches the page's chunk ahead of its first render (at start-up on its path, after sign-in) */
  preload?: () => Promise<unknown>;
}

const READERS: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE', 'TOWNSHIP_PLATFORM', 'LEADER'];

export const appRoutes: AppRoute[] = [
  ...coordinatorRoutes({ icon: <TeamOutlined />, order: 10, roles: READERS }),
  ...enterpriseRoutes({ icon: <BankOutlined />, order: 20, roles: READERS }),
  ...awardRoutes({ icon: <TrophyOutlined />, order: 30, roles: READERS }),
  ...dashboardRoutes({ icon: <BarChartOutlined />, order: 40, roles: READERS }),
  ...dataQualityRoutes({ icon: <SafetyCertificateOutlined />, order: 47, roles: READERS }),
  ...studioRoutes({ icon: <ShopOutlined />, order: 45, roles: READERS }),
  ...trainingRoutes({ icon: <ReadOutlined />, order: 46, roles: READERS }),
  ...workRecordRoutes({ icon: <ScheduleOutlined />, order: 44, roles: READERS }),
  ...importRoutes({ icon: <CloudUploadOutlined />, order: 50, roles: ['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE', 'TOWNSHIP_PLATFORM'] }),
  ...adminRoutes({ usersIcon: <UserSwitchOutlined />, auditIcon: <AuditOutlined />, order: 60 }),
];

/** Menu entries for a role, in order. */
export function menuRoutes(routes: readonly AppRoute[], role: Role | undefined): (AppRoute & { menu: NonNullable<AppRoute['menu']> })[] {
  return routes
    .filter((route): route is AppRoute & { menu: NonNullable<AppRoute['menu']> } => Boolean(route.menu))
    .filter((route) => !route.roles || (role !== undefined && route.roles.includes(role)))
    .sort((left, right) => left.menu.order - right.menu.order);
}

/** The first page a role may open (the landing page after sign-in). */
export function homePath(routes: readonly AppRoute[], role: Role | undefined): string {
  // a leader reads the figures first (issue 5)
  if (role === 'LEADER' && routes.some((route) => route.path === '/dashboard')) return '/dashboard';
  return menuRoutes(routes, role)[0]?.path ?? '/coordinators';
}

/** Starts fetching the chunk of the page at `path`, if it has one to fetch ahead (issue 14). */
export function preloadPage(routes: readonly AppRoute[], path: string): void {
  const route = routes.find((candidate) => candidate.path === path);
  void route?.preload?.().catch(() => undefined);
}
