import { useMutation } from '@apollo/client/react';
import { todayIsoDate } from '@registry/domain';
import { DeactivateCoordinatorsDocument } from '@registry/graphql-client';
import { Alert, App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { pastDateProblem } from '../../app/utils/field-problems';
import { saveOnlyWithCtrlEnter } from '../../app/utils/form-keys';
import { problemRule, requiredRule } from '../../app/utils/form-rules';
import { readApiErrors } from '../../app/utils/graphql-errors';

interface Values {
  leftOn: string;
  reason?: string;
}

/** 批量离岗: one date and one reason for the selected people; the server changes all or none. */
export function BatchDeactivateModal({ ids, names, onClose, onDone }: { ids: string[]; names: string[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [deactivate, { loading }] = useMutation(DeactivateCoordinatorsDocument);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFailure(null);
    try {
      await deactivate({ variables: { input: { ids, leftOn: values.leftOn, reason: values.reason?.trim() || null } } });
      void message.success(t('coordinator.batch.deactivated', { count: ids.length }));
      onDone();
    } catch (error) {
      setFailure(readApiErrors(error).map((problem) => problem.message).join('；'));
    }
  };

  const shown = names.slice(0, 10).join('、') + (names.length > 10 ? t('coordinator.batch.andMore', { count: names.length }) : '');
  return (
    <Modal
      open
      title={t('coordinator.batch.deactivateTitle', { count: ids.length })}
      okText={t('coordinator.deactivateConfirm')}
      okButtonProps={{ danger: true, loading }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph data-testid="batch-names">{shown}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('coordinator.batch.allOrNone')}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon message={t('common.saveFailed')} description={failure} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={{ leftOn: todayIsoDate() }} preserve={false} onKeyDown={saveOnlyWithCtrlEnter(() => void submit())}>
        <Form.Item name="leftOn" label={t('coordinator.fields.leftOn')} rules={[requiredRule(t, 'coordinator.fields.leftOn'), problemRule<string>(t, (value) => pastDateProblem(value))]}>
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="reason" label={t('coordinator.deactivateReason')} rules={[{ max: 500, message: t('validation.tooLong', { max: 500 }) }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
