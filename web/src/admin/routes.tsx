import { GlobalOutlined } from '@ant-design/icons';
import type { Role } from '@registry/domain';
import { lazy, type ReactNode } from 'react';
import type { AppRoute } from '../app/routes';

const UserAdminPage = lazy(() => import('./components/UserAdminPage'));
const AuditLogPage = lazy(() => import('./components/AuditLogPage'));
const BoundaryMapsPage = lazy(() => import('./components/BoundaryMapsPage'));

/** Who sees which page; the server enforces the same (users: UsersResolver, audit: AuditLogResolver). */
export const USER_ADMIN_ROLES: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE'];
export const AUDIT_READER_ROLES: readonly Role[] = ['AUDITOR', 'PROVINCE_ADMIN'];

export function adminRoutes(menu: { usersIcon: ReactNode; auditIcon: ReactNode; order: number }): AppRoute[] {
  return [
    { path: '/admin/users', element: <UserAdminPage />, menu: { labelKey: 'nav.adminUsers', icon: menu.usersIcon, order: menu.order }, roles: USER_ADMIN_ROLES },
    { path: '/admin/audit', element: <AuditLogPage />, menu: { labelKey: 'nav.adminAudit', icon: menu.auditIcon, order: menu.order + 10 }, roles: AUDIT_READER_ROLES },
    { path: '/admin/maps', element: <BoundaryMapsPage />, menu: { labelKey: 'nav.adminMaps', icon: <GlobalOutlined />, order: menu.order + 20 }, roles: ['PROVINCE_ADMIN'] },
  ];
}
