import { useMutation, useQuery } from '@apollo/client/react';
import { todayIsoDate } from '@registry/domain';
import { CreateTrainingSessionDocument, TrainingProvidersDocument, TrainingSessionsDocument, type TrainingSessionFieldsFragment } from '@registry/graphql-client';
import { App as AntApp, Button, Col, Flex, Form, Input, InputNumber, Row, Select, Table, Tag, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth, useCanEdit } from '../../app/auth/AuthContext';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { QueryError } from '../../app/components/QueryError';
import { RegionTreeSelect } from '../../app/components/RegionTreeSelect';
import { maxLengthRule, requiredRule } from '../../app/utils/form-rules';
import { FormModal } from './FormModal';
import { usePagedTable } from '../../app/hooks/usePagedTable';

export interface SessionFormValues {
  providerId?: string;
  title: string;
  startsOn?: string | null;
  endsOn?: string | null;
  hours?: number | null;
  mode: 'ONLINE' | 'OFFLINE' | 'BLENDED';
  targetLevel?: number | null;
  regionCode?: string;
}
export const SESSION_FIELDS = ['providerId', 'title', 'startsOn', 'endsOn', 'hours', 'mode', 'targetLevel', 'regionCode'];
const THIS_YEAR = Number(todayIsoDate().slice(0, 4));

export function toSessionInput(values: SessionFormValues) {
  return {
    providerId: values.providerId ?? '',
    title: values.title.trim(),
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? '',
    hours: values.hours ?? 0,
    mode: values.mode,
    targetLevel: values.targetLevel ?? null,
    regionCode: values.regionCode ?? '',
  };
}

/** The session form's fields (create here, edit on the session page). */
export function SessionFormFields({ form }: { form: FormInstance<SessionFormValues> }) {
  const { t } = useTranslation();
  const providers = useQuery(TrainingProvidersDocument, { variables: { limit: 100 } });
  return (
    <>
      <Form.Item name="title" label={t('training.session.title')} rules={[requiredRule(t, 'training.session.title'), maxLengthRule(t, 200)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="providerId" label={t('training.session.provider')} rules={[requiredRule(t, 'training.session.provider')]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={providers.loading}
          options={(providers.data?.trainingProviders.items ?? []).filter((provider) => provider.active).map((provider) => ({ value: provider.id, label: provider.name }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="startsOn" label={t('training.session.startsOn')} rules={[requiredRule(t, 'training.session.startsOn')]}>
            <IsoDatePicker style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="endsOn"
            label={t('training.session.endsOn')}
            dependencies={['startsOn']}
            rules={[
              requiredRule(t, 'training.session.endsOn'),
              {
                validator: async (_rule, value: string | null) => {
                  const starts = form.getFieldValue('startsOn') as string | null;
                  if (value && starts && value < starts) throw new Error(t('training.session.endsOn') + ' < ' + t('training.session.startsOn'));
                },
              },
            ]}
          >
            <IsoDatePicker style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="hours" label={t('training.session.hours')} rules={[requiredRule(t, 'training.session.hours')]}>
            <InputNumber min={0.5} max={2000} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="mode" label={t('training.session.mode')}>
            <Select options={(['OFFLINE', 'ONLINE', 'BLENDED'] as const).map((mode) => ({ value: mode, label: t(`training.modes.${mode}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="targetLevel" label={t('training.session.targetLevel')}>
            <Select allowClear placeholder={t('training.continuingEducation')} options={[5, 4, 3, 2, 1].map((level) => ({ value: level, label: t(`enums.certificateLevel.${level}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="regionCode" label={t('training.session.region')} rules={[requiredRule(t, 'training.session.region')]}>
        <RegionTreeSelect allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

export function TrainingSessionsTab() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [search, setSearch] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const paged = usePagedTable();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<SessionFormValues>();
  const [create, createState] = useMutation(CreateTrainingSessionDocument);
  const { data, previousData, loading, error, refetch } = useQuery(TrainingSessionsDocument, {
    variables: { filter: { search: search ?? null, year: year ?? null }, ...paged.window },
    fetchPolicy: 'cache-and-network',
  });
  const result = (data ?? previousData)?.trainingSessions;

  const save = async (values: SessionFormValues) => {
    const created = await create({ variables: { input: toSessionInput(values) } });
    void message.success(t('common.saved'));
    setCreating(false);
    navigate(`/training/sessions/${created.data?.createTrainingSession.id ?? ''}`);
  };

  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 16 }} gap={8} wrap>
        <Flex gap={8} wrap>
          <Input.Search allowClear placeholder={t('training.session.searchPlaceholder')} aria-label={t('training.session.searchPlaceholder')} enterButton={t('common.search')}
            onSearch={(value) => { setSearch(value.trim() || undefined); paged.reset(); }} style={{ width: 280 }} />
          <Select allowClear placeholder={t('training.session.year')} value={year} onChange={(value) => { setYear(value); paged.reset(); }} style={{ width: 120 }}
            options={Array.from({ length: 8 }, (_, index) => THIS_YEAR - index).map((value) => ({ value, label: String(value) }))} />
        </Flex>
        {canEdit ? <Button type="primary" onClick={() => setCreating(true)}>{t('training.session.create')}</Button> : null}
      </Flex>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<TrainingSessionFieldsFragment>
        rowKey="id"
        size="middle"
        dataSource={result?.items ?? []}
        {...paged.tableProps({ total: result?.total ?? 0, loading, emptyText: t('training.session.empty') })}
        scroll={{ x: 1000 }}
        columns={[
          { key: 'title', title: t('training.session.title'), render: (_value, session) => <Link to={`/training/sessions/${session.id}`}>{session.title}</Link> },
          { key: 'provider', title: t('training.session.provider'), render: (_value, session) => session.provider?.name ?? '' },
          { key: 'dates', title: t('training.session.dates'), render: (_value, session) => `${session.startsOn} – ${session.endsOn}` },
          { key: 'hours', title: t('training.session.hours'), dataIndex: 'hours', align: 'right' },
          { key: 'mode', title: t('training.session.mode'), render: (_value, session) => <Tag>{t(`training.modes.${session.mode}`)}</Tag> },
          { key: 'level', title: t('training.session.targetLevel'), render: (_value, session) => (session.targetLevel ? t(`enums.certificateLevelShort.${session.targetLevel}`) : t('training.continuingEducation')) },
          { key: 'participants', title: t('training.session.participants'), dataIndex: 'participantCount', align: 'right' },
          { key: 'passed', title: t('training.session.passed'), dataIndex: 'passedCount', align: 'right' },
        ]}
      />
      <FormModal<SessionFormValues>
        title={t('training.session.createTitle')}
        open={creating}
        form={form}
        fields={SESSION_FIELDS}
        initialValues={{ mode: 'OFFLINE', regionCode: me?.regionCode }}
        saving={createState.loading}
        onCancel={() => setCreating(false)}
        onSave={save}
      >
        <SessionFormFields form={form} />
      </FormModal>
    </>
  );
}
