import { SaveOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Form, Space, Typography, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { saveOnlyWithCtrlEnter } from '../utils/form-keys';
import { ConflictAlert } from './ConflictAlert';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

interface Props<V> {
  form: FormInstance<V>;
  initialValues: FormProps<V>['initialValues'];
  title: string;
  onSubmit: (values: V) => Promise<void>;
  /** from useFormSave */
  conflict: string | null;
  failure: string | null;
  onReload?: () => void;
  saving: boolean;
  /** where cancel goes back to */
  cancelTo: string;
  children: ReactNode;
}

/** A record's create/edit form: title, what a failed save left to say, the fields, and a sticky save/cancel bar. */
export function RecordFormShell<V>({ form, initialValues, title, onSubmit, conflict, failure, onReload, saving, cancelTo, children }: Props<V>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  useDocumentTitle(title);
  return (
    <Form<V>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void onSubmit(values)}
      onFinishFailed={() => void message.error(t('common.fixErrors'))}
      scrollToFirstError={{ block: 'center' }}
      onKeyDown={saveOnlyWithCtrlEnter(() => form.submit())}
    >
      <Typography.Title level={3}>{title}</Typography.Title>
      {conflict !== null ? <ConflictAlert message={conflict} onReload={() => onReload?.()} /> : null}
      {failure ? <Alert type="error" showIcon message={t('common.saveFailed')} description={failure} style={{ marginBottom: 16 }} /> : null}
      {children}
      <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 10 }}>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(cancelTo)}>{t('common.cancel')}</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('common.saveShortcut')}
          </Typography.Text>
        </Space>
      </Card>
    </Form>
  );
}
