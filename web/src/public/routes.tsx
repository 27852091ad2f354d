import type { RouteObject } from 'react-router-dom';

// The pages anyone may open without signing in (六(五), 四(二)3): the published named list and
// certificate verification (the QR code on the certificate). Each loads only its own chunk
// beside the app shell, never the signed-in screens.
export const PUBLIC_PATH_PREFIXES = ['/named', '/verify'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export const publicRoutes: RouteObject[] = [
  { path: '/named', lazy: async () => ({ Component: (await import('./components/NamedListPage')).default }) },
  { path: '/verify', lazy: async () => ({ Component: (await import('./components/VerifyPage')).default }) },
  { path: '/verify/:token', lazy: async () => ({ Component: (await import('./components/VerifyPage')).default }) },
];
