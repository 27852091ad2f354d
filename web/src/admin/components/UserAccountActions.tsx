import { EditOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { creatableRoles, roleRegionLevels, type Role } from '@registry/domain';
import { ResetUserPasswordDocument, UnlockUserDocument, UpdateUserDocument, type UserListItemFragment } from '@registry/graphql-client';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyIcon } from '../../app/components/KeyIcon';
import { useRegions } from '../../app/hooks/useRegions';
import { applyServerErrors } from '../../app/utils/form-errors';
import { saveOnlyWithCtrlEnter } from '../../app/utils/form-keys';
import { readApiErrors } from '../../app/utils/graphql-errors';

interface Props {
  user: UserListItemFragment;
  /** the administrator's role: which roles the edit form offers */
  actorRole: Role;
  /** the administrator's own account: no role change, no reset (that is 修改密码) */
  self: boolean;
  onChanged: () => Promise<unknown>;
}

/** 编辑 / 重置密码 / 解除锁定 for one account row; the server checks jurisdiction and role rules again. */
export function UserAccountActions({ user, actorRole, self, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { byCode } = useRegions();
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [editForm] = Form.useForm<{ displayName: string; role: Role }>();
  const [resetForm] = Form.useForm<{ password: string }>();
  const [updateUser, update] = useMutation(UpdateUserDocument);
  const [resetUserPassword, reset] = useMutation(ResetUserPasswordDocument);
  const [unlockUser] = useMutation(UnlockUserDocument);
  const level = byCode.get(user.regionCode)?.level;
  // roles this administrator may give, that fit the account's region level
  const roles = creatableRoles(actorRole).filter((role) => !level || roleRegionLevels(role).includes(level));
  const locked = Boolean(user.lockedUntil && new Date(user.lockedUntil) > new Date());

  const close = () => {
    setEditing(false);
    setResetting(false);
    setProblems([]);
  };

  const saveEdit = async (values: { displayName: string; role: Role }) => {
    setProblems([]);
    try {
      await updateUser({ variables: { input: { id: user.id, version: user.version, displayName: values.displayName.trim(), role: self ? undefined : values.role } } });
      message.success(t('admin.users.updated', { username: user.username }));
      close();
      await onChanged();
    } catch (failure) {
      setProblems(applyServerErrors(editForm, failure, ['displayName', 'role']).map((problem) => problem.message));
    }
  };

  const saveReset = async (values: { password: string }) => {
    setProblems([]);
    try {
      await resetUserPassword({ variables: { id: user.id, password: values.password } });
      message.success(t('admin.users.passwordReset', { username: user.username }));
      close();
      await onChanged();
    } catch (failure) {
      setProblems(applyServerErrors(resetForm, failure, ['password']).map((problem) => problem.message));
    }
  };

  const unlock = async () => {
    try {
      await unlockUser({ variables: { id: user.id } });
      message.success(t('admin.users.unlocked', { username: user.username }));
      await onChanged();
    } catch (failure) {
      message.error(readApiErrors(failure).map((problem) => problem.message).join('；'));
    }
  };

  return (
    <>
      <Space size={4} wrap>
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid={`edit-user-${user.username}`}>
          {t('common.edit')}
        </Button>
        {self ? null : (
          <Button size="small" icon={<KeyIcon />} onClick={() => setResetting(true)} data-testid={`reset-password-${user.username}`}>
            {t('admin.users.resetPassword')}
          </Button>
        )}
        {locked ? (
          <Popconfirm title={t('admin.users.confirmUnlock', { username: user.username })} onConfirm={() => unlock()}>
            <Button size="small" icon={<UnlockOutlined />} data-testid={`unlock-${user.username}`}>
              {t('admin.users.unlock')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      <Modal
        open={editing}
        title={t('admin.users.editTitle', { username: user.username })}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={update.loading}
        onOk={() => editForm.submit()}
        onCancel={close}
        destroyOnHidden
      >
        {problems.length > 0 ? <Alert type="error" showIcon message={problems.join('；')} style={{ marginBottom: 16 }} /> : null}
        <Form
          form={editForm}
          layout="vertical"
          preserve={false}
          initialValues={{ displayName: user.displayName, role: user.role }}
          onFinish={(values) => void saveEdit(values)}
          onKeyDown={saveOnlyWithCtrlEnter(() => editForm.submit())}
        >
          <Form.Item name="displayName" label={t('admin.users.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="role" label={t('admin.users.role')} extra={self ? t('admin.users.ownRoleFixed') : t('admin.users.roleRule')}>
            <Select disabled={self} options={roles.map((role) => ({ value: role, label: t(`enums.role.${role}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resetting}
        title={t('admin.users.resetTitle', { username: user.username })}
        okText={t('admin.users.resetPassword')}
        cancelText={t('common.cancel')}
        confirmLoading={reset.loading}
        onOk={() => resetForm.submit()}
        onCancel={close}
        destroyOnHidden
      >
        {problems.length > 0 ? <Alert type="error" showIcon message={problems.join('；')} style={{ marginBottom: 16 }} /> : null}
        <Form form={resetForm} layout="vertical" preserve={false} onFinish={(values) => void saveReset(values)}>
          <Form.Item name="password" label={t('admin.users.newInitialPassword')} extra={t('admin.users.resetHint')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
