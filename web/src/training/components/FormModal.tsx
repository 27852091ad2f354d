import { Alert, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../app/components/ConflictAlert';
import { useFormSave } from '../../app/hooks/useFormSave';

interface Props<V> {
  title: string;
  open: boolean;
  form: FormInstance<V>;
  /** the form's top-level names, the server's field names */
  fields: readonly string[];
  initialValues?: Partial<V>;
  saving: boolean;
  onCancel: () => void;
  /** throws the server's error; useFormSave puts it on the fields */
  onSave: (values: V) => Promise<void>;
  onReload?: () => void;
  children: ReactNode;
}

/** A small record form in a modal, with the registry's save flow (field errors, conflict, failure). */
export function FormModal<V>({ title, open, form, fields, initialValues, saving, onCancel, onSave, onReload, children }: Props<V>) {
  const { t } = useTranslation();
  const { conflict, failure, save } = useFormSave(form, fields);
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      {conflict !== null ? <ConflictAlert message={conflict} onReload={() => onReload?.()} /> : null}
      {failure ? <Alert type="error" showIcon message={t('common.saveFailed')} description={failure} style={{ marginBottom: 16 }} /> : null}
      <Form<V> form={form} layout="vertical" initialValues={initialValues} preserve={false} onFinish={(values) => void save(() => onSave(values))}>
        {children}
      </Form>
    </Modal>
  );
}
