import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { creatableRoles, type Role } from '@registry/domain';
import { CreateUserDocument, SetUserActiveDocument, UsersDocument, type UserListItemFragment } from '@registry/graphql-client';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthContext';
import { QueryError } from '../../app/components/QueryError';
import { RegionTreeSelect } from '../../app/components/RegionTreeSelect';
import { useRegions } from '../../app/hooks/useRegions';
import { recordRegionLabel } from '../../app/utils/region-tree';
import { applyServerErrors } from '../../app/utils/form-errors';
import { readApiErrors } from '../../app/utils/graphql-errors';
import { saveOnlyWithCtrlEnter } from '../../app/utils/form-keys';
import { UserAccountActions } from './UserAccountActions';

const PAGE_SIZE = 20;
const FORM_FIELDS = ['username', 'displayName', 'role', 'regionCode', 'password'] as const;

interface Filters {
  search?: string;
  role?: Role;
  active?: boolean;
}

interface NewUserValues {
  username: string;
  displayName?: string;
  role: Role;
  regionCode: string;
  password: string;
}

/** 用户管理: accounts within the administrator's jurisdiction; create, enable, disable. */
export default function UserAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useAuth();
  const { regions } = useRegions();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewUserValues>();
  const [formProblems, setFormProblems] = useState<string[]>([]);
  const variables = { filter: filters, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const { data, previousData, loading, error, refetch } = useQuery(UsersDocument, { variables });
  const users = (data ?? previousData)?.users;
  const [createUser, creation] = useMutation(CreateUserDocument);
  const [setUserActive] = useMutation(SetUserActiveDocument);
  const roles = me ? creatableRoles(me.role as Role) : [];

  const submit = async (values: NewUserValues) => {
    setFormProblems([]);
    try {
      await createUser({ variables: { input: { ...values, displayName: values.displayName?.trim() || null } } });
      message.success(t('admin.users.created', { username: values.username }));
      setCreating(false);
      form.resetFields();
      await refetch();
    } catch (failure) {
      setFormProblems(applyServerErrors(form, failure, FORM_FIELDS).map((problem) => problem.message));
    }
  };

  const toggle = async (user: UserListItemFragment) => {
    try {
      await setUserActive({ variables: { id: user.id, active: !user.active } });
      message.success(t(user.active ? 'admin.users.disabledDone' : 'admin.users.enabledDone', { username: user.username }));
      await refetch();
    } catch (failure) {
      message.error(readApiErrors(failure).map((problem) => problem.message).join('；'));
    }
  };

  const columns: TableProps<UserListItemFragment>['columns'] = [
    { key: 'username', title: t('admin.users.username'), dataIndex: 'username', render: (value: string) => <Typography.Text strong>{value}</Typography.Text> },
    { key: 'displayName', title: t('admin.users.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('admin.users.role'), dataIndex: 'role', render: (role: Role) => t(`enums.role.${role}`) },
    { key: 'region', title: t('admin.users.region'), dataIndex: 'regionCode', render: (code: string) => recordRegionLabel(regions, code) },
    {
      key: 'status',
      title: t('admin.users.status'),
      render: (_value, user) => (
        <Space size={4} wrap>
          {user.active ? <Tag color="green">{t('admin.users.active')}</Tag> : <Tag color="default">{t('admin.users.disabled')}</Tag>}
          {user.mustChangePassword ? <Tag color="orange">{t('admin.users.mustChangePassword')}</Tag> : null}
          {user.lockedUntil && new Date(user.lockedUntil) > new Date() ? <Tag color="red">{t('admin.users.locked')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'createdAt', title: t('admin.users.createdAt'), dataIndex: 'createdAt', render: (value: string) => new Date(value).toLocaleString() },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_value, user) => (
        <Space size={4} wrap>
          {me ? <UserAccountActions user={user} actorRole={me.role as Role} self={user.id === me.id} onChanged={() => refetch()} /> : null}
          {user.id === me?.id ? null : (
            <Popconfirm
              title={t(user.active ? 'admin.users.confirmDisable' : 'admin.users.confirmEnable', { username: user.username })}
              onConfirm={() => toggle(user)}
            >
              <Button size="small" danger={user.active}>
                {t(user.active ? 'admin.users.disable' : 'admin.users.enable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={roles.length === 0}>
          {t('admin.users.create')}
        </Button>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('admin.users.searchPlaceholder')}
          onSearch={(search) => {
            setFilters({ ...filters, search: search.trim() || undefined });
            setPage(1);
          }}
          style={{ width: 240 }}
        />
        <Select<Role>
          allowClear
          placeholder={t('admin.users.role')}
          style={{ width: 180 }}
          value={filters.role}
          onChange={(role) => {
            setFilters({ ...filters, role });
            setPage(1);
          }}
          options={(['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE', 'TOWNSHIP_PLATFORM', 'LEADER', 'AUDITOR'] as Role[]).map((role) => ({
            value: role,
            label: t(`enums.role.${role}`),
          }))}
        />
        <Select<string>
          allowClear
          placeholder={t('admin.users.status')}
          style={{ width: 120 }}
          value={filters.active === undefined ? undefined : String(filters.active)}
          onChange={(value) => {
            setFilters({ ...filters, active: value === undefined ? undefined : value === 'true' });
            setPage(1);
          }}
          options={[
            { value: 'true', label: t('admin.users.active') },
            { value: 'false', label: t('admin.users.disabled') },
          ]}
        />
      </Space>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<UserListItemFragment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users?.items ?? []}
        loading={loading}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
      <Modal
        open={creating}
        title={t('admin.users.create')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={creation.loading}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        {formProblems.length > 0 ? <Alert type="error" showIcon message={formProblems.join('；')} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} onKeyDown={saveOnlyWithCtrlEnter(() => form.submit())}>
          <Form.Item name="username" label={t('admin.users.username')} rules={[{ required: true, message: t('common.required') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('admin.users.displayName')}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('admin.users.role')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={roles.map((role) => ({ value: role, label: t(`enums.role.${role}`) }))} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('admin.users.region')} rules={[{ required: true, message: t('common.required') }]}>
            <RegionTreeSelect allowClear={false} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('admin.users.initialPassword')}
            extra={t('admin.users.initialPasswordHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
