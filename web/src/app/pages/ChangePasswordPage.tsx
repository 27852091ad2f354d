import { useMutation } from '@apollo/client/react';
import { passwordProblem } from '@registry/domain';
import { ChangePasswordDocument } from '@registry/graphql-client';
import { Alert, App as AntApp, Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { applyServerErrors } from '../utils/form-errors';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.changePasswordTitle'));
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const { me, refreshMe, signOut } = useAuth();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: ChangePasswordValues) => {
    setFailure(null);
    try {
      await changePassword({ variables: { oldPassword: values.oldPassword, newPassword: values.newPassword } });
      await refreshMe();
      void message.success(t('auth.passwordChanged'));
      navigate('/', { replace: true });
    } catch (error) {
      const unplaced = applyServerErrors(form, error, ['oldPassword', 'newPassword']);
      if (unplaced.length > 0) setFailure(unplaced.map((apiError) => apiError.message).join('；'));
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 440, maxWidth: '100%' }}>
        <Typography.Title level={3}>{t('auth.changePasswordTitle')}</Typography.Title>
        {me ? <Typography.Paragraph strong>{t('app.signedInAs', { displayName: me.displayName, regionName: me.regionName })}</Typography.Paragraph> : null}
        <Typography.Paragraph type="secondary">{t('auth.changePasswordHint')}</Typography.Paragraph>
        {failure ? <Alert type="error" showIcon message={t('common.saveFailed')} description={failure} style={{ marginBottom: 16 }} /> : null}
        <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item name="oldPassword" label={t('auth.oldPassword')} rules={[{ required: true, message: t('auth.oldPasswordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            dependencies={['oldPassword']}
            rules={[
              { required: true, message: t('auth.newPasswordRequired') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  if (!value) return;
                  // The same rule the server applies (libs/domain accounts).
                  const problem = passwordProblem(value);
                  if (problem) throw new Error(problem);
                  if (value === getFieldValue('oldPassword')) throw new Error(t('auth.passwordSameAsOld'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('auth.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('auth.confirmPasswordRequired') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('auth.passwordMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={loading}>
              {t('auth.submitChangePassword')}
            </Button>
            {me?.mustChangePassword ? (
              <Button
                onClick={() => {
                  void signOut().then(() => navigate('/login', { replace: true }));
                }}
              >
                {t('auth.logoutInstead')}
              </Button>
            ) : (
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            )}
          </Space>
        </Form>
      </Card>
    </Flex>
  );
}
