import { useMutation, useQuery } from '@apollo/client/react';
import { CreateTrainingProviderDocument, TrainingProvidersDocument, UpdateTrainingProviderDocument, type TrainingProviderFieldsFragment } from '@registry/graphql-client';
import { App as AntApp, Button, Flex, Form, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, useCanEdit } from '../../app/auth/AuthContext';
import { QueryError } from '../../app/components/QueryError';
import { RegionTreeSelect } from '../../app/components/RegionTreeSelect';
import { useRegions } from '../../app/hooks/useRegions';
import { creditCodeProblem } from '../../app/utils/field-problems';
import { maxLengthRule, problemRule, requiredRule } from '../../app/utils/form-rules';
import { FormModal } from './FormModal';
import { usePagedTable } from '../../app/hooks/usePagedTable';

interface ProviderFormValues {
  name: string;
  creditCode: string;
  qualified: boolean;
  qualificationNote?: string | null;
  regionCode?: string;
  active: boolean;
}
const FIELDS = ['name', 'creditCode', 'qualified', 'qualificationNote', 'regionCode', 'active'];

export function TrainingProvidersTab() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const { me } = useAuth();
  const { byCode } = useRegions();
  const { message } = AntApp.useApp();
  const [search, setSearch] = useState<string | undefined>();
  const paged = usePagedTable();
  const [editing, setEditing] = useState<TrainingProviderFieldsFragment | 'new' | null>(null);
  const [form] = Form.useForm<ProviderFormValues>();
  const { data, previousData, loading, error, refetch } = useQuery(TrainingProvidersDocument, {
    variables: { filter: { search: search ?? null }, ...paged.window },
  });
  const [create, createState] = useMutation(CreateTrainingProviderDocument);
  const [update, updateState] = useMutation(UpdateTrainingProviderDocument);
  const result = (data ?? previousData)?.trainingProviders;
  // a provider registered above the office is listed but not editable by it
  const ownScopePath = me ? byCode.get(me.regionCode)?.path : undefined;
  const editable = (provider: TrainingProviderFieldsFragment) => {
    const path = byCode.get(provider.regionCode)?.path;
    return Boolean(canEdit && path && ownScopePath && path.startsWith(ownScopePath));
  };

  const save = async (values: ProviderFormValues) => {
    const input = {
      name: values.name.trim(),
      creditCode: values.creditCode.trim(),
      qualified: values.qualified,
      qualificationNote: values.qualificationNote?.trim() || null,
      regionCode: values.regionCode ?? '',
      active: values.active,
    };
    if (editing && editing !== 'new') await update({ variables: { input: { ...input, id: editing.id, version: editing.version } } });
    else await create({ variables: { input } });
    void message.success(t('common.saved'));
    setEditing(null);
    void refetch();
  };

  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 16 }} gap={8} wrap>
        <Input.Search allowClear placeholder={t('training.provider.searchPlaceholder')} aria-label={t('training.provider.searchPlaceholder')} enterButton={t('common.search')}
          onSearch={(value) => { setSearch(value.trim() || undefined); paged.reset(); }} style={{ width: 320 }} />
        {canEdit ? <Button type="primary" onClick={() => setEditing('new')}>{t('training.provider.create')}</Button> : null}
      </Flex>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<TrainingProviderFieldsFragment>
        rowKey="id"
        size="middle"
        dataSource={result?.items ?? []}
        {...paged.tableProps({ total: result?.total ?? 0, loading, emptyText: t('training.provider.empty') })}
        columns={[
          { key: 'name', title: t('training.provider.name'), dataIndex: 'name' },
          { key: 'creditCode', title: t('training.provider.creditCode'), dataIndex: 'creditCode', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
          {
            key: 'qualified',
            title: t('training.provider.qualified'),
            render: (_value, provider) => (
              <Space size={4}>
                {provider.qualified ? <Tag color="green">{t('training.provider.qualifiedYes')}</Tag> : <Tag>{t('training.provider.qualifiedNo')}</Tag>}
                {provider.qualificationNote ? <Typography.Text type="secondary">{provider.qualificationNote}</Typography.Text> : null}
              </Space>
            ),
          },
          { key: 'region', title: t('training.provider.region'), render: (_value, provider) => provider.region?.name ?? provider.regionCode },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_value, provider) =>
              editable(provider) ? (
                <Button size="small" onClick={() => setEditing(provider)}>{t('common.edit')}</Button>
              ) : (
                <Typography.Text type="secondary">{t('training.provider.readOnly')}</Typography.Text>
              ),
          },
        ]}
      />
      <FormModal<ProviderFormValues>
        title={editing && editing !== 'new' ? t('training.provider.editTitle') : t('training.provider.createTitle')}
        open={editing !== null}
        form={form}
        fields={FIELDS}
        initialValues={editing && editing !== 'new' ? { ...editing, qualificationNote: editing.qualificationNote } : { qualified: true, active: true, regionCode: me?.regionCode }}
        saving={createState.loading || updateState.loading}
        onCancel={() => setEditing(null)}
        onSave={save}
        onReload={() => { setEditing(null); void refetch(); }}
      >
        <Form.Item name="name" label={t('training.provider.name')} rules={[requiredRule(t, 'training.provider.name'), maxLengthRule(t, 200)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('training.provider.creditCode')} validateDebounce={300}
          rules={[requiredRule(t, 'training.provider.creditCode'), problemRule<string>(t, (value) => creditCodeProblem(value))]}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('training.provider.region')} rules={[requiredRule(t, 'training.provider.region')]}>
          <RegionTreeSelect allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="qualified" label={t('training.provider.qualified')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
        <Form.Item name="qualificationNote" label={t('training.provider.qualificationNote')} rules={[maxLengthRule(t, 200)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="active" label={t('training.provider.active')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      </FormModal>
    </>
  );
}
