import { useEffect, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<page> - 协调员数据库" as the tab's title, so each page (and each record) has its own. */
export function documentTitle(page: string | null | undefined, appName: string): string {
  return page ? `${page} - ${appName}` : appName;
}

/**
 * A page's own title (a record's name, "新增协调员"). Runs as a passive effect, after the layout's
 * route title (useRouteDocumentTitle, a layout effect), so the more specific title wins.
 */
export function useDocumentTitle(page: string | null | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.shortTitle');
  useEffect(() => {
    if (page) document.title = documentTitle(page, appName);
  }, [page, appName]);
}

/** The layout's title for the current menu entry; pages refine it with useDocumentTitle. */
export function useRouteDocumentTitle(page: string | null | undefined, pathname: string): void {
  const { t } = useTranslation();
  const appName = t('app.shortTitle');
  useLayoutEffect(() => {
    document.title = documentTitle(page, appName);
  }, [page, appName, pathname]);
}
