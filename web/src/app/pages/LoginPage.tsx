import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { LoginDocument } from '@registry/graphql-client';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { readApiErrors } from '../utils/graphql-errors';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { appRoutes, preloadPage } from '../routes';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.loginTitle'));
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { signIn, signedIn, me } = useAuth();
  const [login, { loading }] = useMutation(LoginDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const next = safeNext(searchParams.get('next'));

  if (signedIn && me) return <Navigate to={me.mustChangePassword ? '/change-password' : next} replace />;

  const submit = async (values: LoginValues) => {
    setFailure(null);
    try {
      const result = await login({ variables: { username: values.username.trim(), password: values.password } });
      const payload = result.data?.login;
      if (!payload) throw new Error(t('auth.loginFailed'));
      // the next page's chunk comes while the session is checked (issue 14)
      if (!payload.mustChangePassword) preloadPage(appRoutes, new URL(next, window.location.origin).pathname);
      await signIn(payload.accessToken);
      navigate(payload.mustChangePassword ? '/change-password' : next, { replace: true });
    } catch (error) {
      setFailure(readApiErrors(error).map((apiError) => (apiError.code === 'NETWORK_ERROR' ? t('common.networkError') : apiError.message)).join('；'));
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('auth.loginTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('auth.loginSubtitle')}
        </Typography.Paragraph>
        {failure ? <Alert type="error" showIcon message={t('auth.loginFailed')} description={failure} style={{ marginBottom: 16 }} /> : null}
        <Form<LoginValues> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loading}>
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
