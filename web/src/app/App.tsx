import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { createApolloClient } from './apollo-client';
import { AuthProvider } from './auth/AuthContext';
import './i18n';
import { isPublicPath } from '../public/routes';
import { createRouter } from './router';

// Chinese system fonts first (Windows, macOS, Linux), so no text falls back to a Latin-only face.
const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  "'Segoe UI'",
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans SC'",
  "'Noto Sans CJK SC'",
  "'WenQuanYi Micro Hei'",
  "'Helvetica Neue'",
  'Arial',
  'sans-serif',
].join(', ');

const router = createRouter();

const client = createApolloClient({
  onUnauthenticated: () => {
    if (window.location.pathname !== '/login' && !isPublicPath(window.location.pathname)) {
      const next = `${window.location.pathname}${window.location.search}`;
      void router.navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
    }
  },
  onPasswordChangeRequired: () => {
    if (window.location.pathname !== '/change-password') void router.navigate('/change-password', { replace: true });
  },
});

export function App() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
    // document.title is each page's own (useDocumentTitle / the layout's route title).
  }, [english, i18n]);
  const theme = useMemo(() => ({ token: { colorPrimary: '#1677ff', borderRadius: 6, fontFamily: FONT_FAMILY } }), []);
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={theme}>
      <AntApp>
        <ApolloProvider client={client}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
