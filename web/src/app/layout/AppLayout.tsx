import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tooltip, Typography, theme } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { FullPageSpin } from '../components/FullPageSpin';
import { KeyIcon } from '../components/KeyIcon';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useRouteDocumentTitle } from '../hooks/useDocumentTitle';
import { appRoutes, menuRoutes } from '../routes';
import { ReminderBell } from './ReminderBell';

const { Header, Sider, Content } = Layout;

/** The signed-in frame: side menu, header with who is signed in, language and sign-out. */
export function AppLayout() {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  const entries = useMemo(() => menuRoutes(appRoutes, me?.role), [me?.role]);
  // The longest menu path that prefixes the current location is the selected one.
  const selected = entries
    .map((entry) => entry.path)
    .filter((path) => location.pathname === path || location.pathname.startsWith(`${path}/`))
    .sort((left, right) => right.length - left.length)[0];

  const selectedEntry = entries.find((entry) => entry.path === selected);
  useRouteDocumentTitle(selectedEntry ? t(selectedEntry.menu.labelKey) : null, location.pathname);

  const handleSignOut = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark">
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 15,
            padding: '0 12px',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          <Link to="/" style={{ color: 'inherit' }}>
            {collapsed ? t('nav.coordinators') : t('app.shortTitle')}
          </Link>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={entries.map((entry) => ({
            key: entry.path,
            icon: entry.menu.icon,
            label: <Link to={entry.path}>{t(entry.menu.labelKey)}</Link>,
          }))}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {t('app.title')}
          </Typography.Title>
          <Space size="middle">
            {me ? (
              <Tooltip title={t(`enums.role.${me.role}`)}>
                <Typography.Text data-testid="signed-in-user">
                  {t('app.signedInAs', { displayName: me.displayName, regionName: me.regionName })}
                </Typography.Text>
              </Tooltip>
            ) : null}
            <ReminderBell />
            <LanguageSwitch />
            <Tooltip title={t('app.changePassword')}>
              <Button type="text" icon={<KeyIcon />} onClick={() => navigate('/change-password')} aria-label={t('app.changePassword')} />
            </Tooltip>
            <Button icon={<LogoutOutlined />} onClick={() => void handleSignOut()}>
              {t('app.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
