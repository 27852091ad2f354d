import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import './i18n';
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
      {/* Apollo, the session and antd's App context: DataShell, the router's root (a chunk of its own) */}
      <RouterProvider router={router} />
    </ConfigProvider>
  );
}
