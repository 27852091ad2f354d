import { Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../app/components/LanguageSwitch';

/** The frame of the public pages: the issuer's name, the two public pages, no menu, no sign-in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header style={{ background: '#a00000', padding: '0 24px', height: 'auto', lineHeight: 1.4 }}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '12px 0' }}>
          <div>
            <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
              {t('public.title')}
            </Typography.Title>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{t('public.issuer')}</Typography.Text>
          </div>
          <Flex gap={16} align="center">
            <Link to="/named" style={{ color: '#fff' }}>
              {t('public.nav.named')}
            </Link>
            <Link to="/verify" style={{ color: '#fff' }}>
              {t('public.nav.verify')}
            </Link>
            <span style={{ color: '#fff' }}>
              <LanguageSwitch />
            </span>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1100, width: '100%', margin: '0 auto' }}>{children}</Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>{t('public.footer')}</Layout.Footer>
    </Layout>
  );
}
