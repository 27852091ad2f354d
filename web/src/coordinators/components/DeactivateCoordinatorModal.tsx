import { useMutation } from '@apollo/client/react';
import { DeactivateCoordinatorDocument, type CoordinatorDetailFragment } from '@registry/graphql-client';
import { Alert, App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { compareDates, todayIsoDate } from '@registry/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../app/components/ConflictAlert';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { pastDateProblem } from '../../app/utils/field-problems';
import { applyServerErrors } from '../../app/utils/form-errors';
import { problemRule, requiredRule } from '../../app/utils/form-rules';
import { hasErrorCode, readApiErrors } from '../../app/utils/graphql-errors';
import { saveOnlyWithCtrlEnter } from '../../app/utils/form-keys';

interface Values {
  leftOn: string;
  reason?: string;
}

/** 离岗 with a date (and a reason); sends the version read, so a stale page gets CONFLICT. */
export function DeactivateCoordinatorModal({
  coordinator,
  open,
  onClose,
  onReload,
}: {
  coordinator: CoordinatorDetailFragment;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [deactivate, { loading }] = useMutation(DeactivateCoordinatorDocument);
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields();
    setConflict(null);
    setFailure(null);
    try {
      await deactivate({
        variables: { input: { id: coordinator.id, version: coordinator.version, leftOn: values.leftOn, reason: values.reason?.trim() || null } },
      });
      void message.success(t('coordinator.deactivated'));
      onClose();
    } catch (error) {
      if (hasErrorCode(error, 'CONFLICT')) {
        setConflict(readApiErrors(error)[0]?.message ?? '');
        return;
      }
      const unplaced = applyServerErrors(form, error, ['leftOn', 'reason']);
      if (unplaced.length) setFailure(unplaced.map((apiError) => apiError.message).join('；'));
    }
  };

  return (
    <Modal
      open={open}
      title={t('coordinator.deactivateTitle', { name: coordinator.name })}
      okText={t('coordinator.deactivateConfirm')}
      okButtonProps={{ danger: true, loading }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('coordinator.deactivateHint')}</Typography.Paragraph>
      {conflict !== null ? (
        <ConflictAlert
          message={conflict}
          onReload={() => {
            setConflict(null);
            onReload();
          }}
        />
      ) : null}
      {failure ? <Alert type="error" showIcon message={t('common.saveFailed')} description={failure} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={{ leftOn: todayIsoDate() }} preserve={false} onKeyDown={saveOnlyWithCtrlEnter(() => void submit())}>
        <Form.Item
          name="leftOn"
          label={t('coordinator.fields.leftOn')}
          rules={[
            requiredRule(t, 'coordinator.fields.leftOn'),
            problemRule<string>(t, (value) => pastDateProblem(value)),
            problemRule<string>(t, (value) =>
              value && compareDates(value, coordinator.joinedOn) < 0
                ? { key: 'validation.leftBeforeJoined', values: { joinedOn: coordinator.joinedOn } }
                : null,
            ),
          ]}
        >
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="reason" label={t('coordinator.deactivateReason')} rules={[{ max: 500, message: t('validation.tooLong', { max: 500 }) }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
