import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import type { Role } from '@registry/domain';
import { RevealIdNumberDocument } from '@registry/graphql-client';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthContext';
import { readApiErrors } from '../../app/utils/graphql-errors';

/** Roles the server lets reveal (IdNumberRevealResolver.REVEAL_ROLES). */
export const REVEAL_ROLES: readonly Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE'];

/**
 * "查看完整号码" beside a masked ID number: asks for a reason, which the server records in the
 * audit trail, then shows the full number in the dialog only. Renders nothing for other roles.
 * Usage: <RevealIdNumberButton coordinatorId={coordinator.id} />
 */
export function RevealIdNumberButton({ coordinatorId }: { coordinatorId: string }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [reveal, { data, loading, error, reset }] = useMutation(RevealIdNumberDocument);
  if (!me || !REVEAL_ROLES.includes(me.role as Role)) return null;

  const close = () => {
    setOpen(false);
    form.resetFields();
    reset();
  };

  return (
    <>
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="reveal-id-number">
        {t('admin.reveal.button')}
      </Button>
      <Modal
        open={open}
        title={t('admin.reveal.title')}
        onCancel={close}
        destroyOnHidden
        footer={
          data ? (
            <Button onClick={close}>{t('admin.reveal.close')}</Button>
          ) : (
            <>
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button type="primary" loading={loading} onClick={() => form.submit()}>
                {t('admin.reveal.confirm')}
              </Button>
            </>
          )
        }
      >
        {data ? (
          <Typography.Text copyable strong style={{ fontSize: 18 }} data-testid="revealed-id-number">
            {data.revealIdNumber}
          </Typography.Text>
        ) : (
          <Form
            form={form}
            layout="vertical"
            onFinish={(values) => reveal({ variables: { coordinatorId, reason: values.reason.trim() } }).catch(() => undefined)}
          >
            <Typography.Paragraph type="secondary">{t('admin.reveal.notice')}</Typography.Paragraph>
            <Form.Item
              name="reason"
              label={t('admin.reveal.reason')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('admin.reveal.reasonRule') }]}
            >
              <Input.TextArea rows={2} maxLength={200} showCount />
            </Form.Item>
            {error ? <Alert type="error" showIcon message={readApiErrors(error).map((problem) => problem.message).join('；')} /> : null}
          </Form>
        )}
      </Modal>
    </>
  );
}
