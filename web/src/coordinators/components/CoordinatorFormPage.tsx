import { SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  CoordinatorDocument,
  CreateCoordinatorDocument,
  UpdateCoordinatorDocument,
  type CoordinatorAffiliation,
  type CoordinatorDetailFragment,
} from '@registry/graphql-client';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { ConflictAlert } from '../../app/components/ConflictAlert';
import { FullPageSpin } from '../../app/components/FullPageSpin';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { NotFoundResult } from '../../app/components/NotFoundResult';
import { QueryError } from '../../app/components/QueryError';
import { RecordListField } from '../../app/components/RecordListField';
import { RegionTreeSelect } from '../../app/components/RegionTreeSelect';
import { identityFromIdNumber, idNumberProblem, pastDateProblem } from '../../app/utils/field-problems';
import { applyServerErrors } from '../../app/utils/form-errors';
import { maxLengthRule, problemRule, requiredRule } from '../../app/utils/form-rules';
import { hasErrorCode, readApiErrors } from '../../app/utils/graphql-errors';
import {
  COORDINATOR_FORM_FIELDS,
  coordinatorToFormValues,
  EMPTY_COORDINATOR_FORM,
  SUB_RECORD_LISTS,
  toCreateCoordinatorInput,
  toUpdateCoordinatorInput,
  type CoordinatorFormValues,
} from '../utils/form-values';
import { COORDINATOR_CATEGORIES } from '../utils/list-params';
import { EnterpriseSelect } from './EnterpriseSelect';
import { subRecordFields } from './sub-record-fields';

const AFFILIATIONS: CoordinatorAffiliation[] = ['ENTERPRISE', 'TRIPARTITE', 'GRASSROOTS', 'OTHER'];

export default function CoordinatorFormPage({ mode }: { mode: 'create' | 'edit' }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const { data, loading, error, refetch } = useQuery(CoordinatorDocument, { variables: { id }, skip: mode === 'create', fetchPolicy: 'network-only' });

  if (!canEdit) return <QueryError error={{ errors: [{ message: t('common.forbidden'), extensions: { code: 'FORBIDDEN' } }] }} fullPage />;
  if (mode === 'create') return <CoordinatorForm />;
  if (loading && !data) return <FullPageSpin />;
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} fullPage />;
  if (!data?.coordinator) return <NotFoundResult backTo="/coordinators" backLabel={t('nav.coordinators')} />;
  // Keyed by version: a reload after a conflict starts the form again from the fresh record.
  return <CoordinatorForm key={data.coordinator.version} coordinator={data.coordinator} onReload={() => void refetch()} />;
}

function CoordinatorForm({ coordinator, onReload }: { coordinator?: CoordinatorDetailFragment; onReload?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CoordinatorFormValues>();
  const [createCoordinator, createState] = useMutation(CreateCoordinatorDocument);
  const [updateCoordinator, updateState] = useMutation(UpdateCoordinatorDocument);
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const editing = Boolean(coordinator);

  const initialValues = useMemo(() => (coordinator ? coordinatorToFormValues(coordinator) : EMPTY_COORDINATOR_FORM), [coordinator]);
  const idNumber = Form.useWatch('idNumber', form);
  const identity = editing ? null : identityFromIdNumber(idNumber);
  const birthDate = coordinator?.birthDate ?? identity?.birthDate ?? null;
  const lists = useMemo(() => subRecordFields(t), [t]);

  const submit = async (values: CoordinatorFormValues) => {
    setConflict(null);
    setFailure(null);
    try {
      if (coordinator) {
        await updateCoordinator({ variables: { input: toUpdateCoordinatorInput(values, coordinator.id, coordinator.version) } });
        void message.success(t('common.saved'));
        navigate(`/coordinators/${coordinator.id}`);
      } else {
        const result = await createCoordinator({ variables: { input: toCreateCoordinatorInput(values) } });
        void message.success(t('coordinator.created'));
        navigate(`/coordinators/${result.data?.createCoordinator.id ?? ''}`);
      }
    } catch (saveError) {
      if (hasErrorCode(saveError, 'CONFLICT')) {
        setConflict(readApiErrors(saveError)[0]?.message ?? '');
        window.scrollTo({ top: 0, behavior: 'smooth' });
        return;
      }
      const unplaced = applyServerErrors(form, saveError, COORDINATOR_FORM_FIELDS);
      const placed = readApiErrors(saveError).length - unplaced.length;
      if (unplaced.length > 0) setFailure(unplaced.map((apiError) => apiError.message).join('；'));
      else if (placed > 0) void message.error(t('common.fixErrors'));
    }
  };

  return (
    <Form<CoordinatorFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      onFinishFailed={() => void message.error(t('common.fixErrors'))}
      scrollToFirstError={{ block: 'center' }}
    >
      <Typography.Title level={3}>{coordinator ? t('coordinator.editTitle', { name: coordinator.name }) : t('coordinator.createTitle')}</Typography.Title>
      {conflict !== null ? <ConflictAlert message={conflict} onReload={() => onReload?.()} /> : null}
      {failure ? <Alert type="error" showIcon message={t('common.saveFailed')} description={failure} style={{ marginBottom: 16 }} /> : null}
      <Card size="small" title={t('coordinator.sections.basic')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="name" label={t('coordinator.fields.name')} rules={[requiredRule(t, 'coordinator.fields.name'), maxLengthRule(t, 50)]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            {coordinator ? (
              <Form.Item label={t('coordinator.fields.idNumber')} extra={t('coordinator.idNumberLocked')}>
                <Input value={coordinator.idNumber} disabled />
              </Form.Item>
            ) : (
              <Form.Item
                name="idNumber"
                label={t('coordinator.fields.idNumber')}
                rules={[requiredRule(t, 'coordinator.fields.idNumber'), problemRule<string>(t, (value) => idNumberProblem(value))]}
                extra={identity ? t('coordinator.fields.derivedFromId', { birthDate: identity.birthDate, gender: t(`enums.gender.${identity.gender}`) }) : undefined}
                validateDebounce={300}
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="phone"
              label={t('coordinator.fields.phone')}
              rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: t('validation.phoneInvalid') }]}
            >
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="regionCode" label={t('coordinator.fields.region')} rules={[requiredRule(t, 'coordinator.fields.region')]}>
              <RegionTreeSelect allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="enterpriseId" label={t('coordinator.fields.enterprise')}>
              <EnterpriseSelect initial={coordinator?.enterprise ?? null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="unitName" label={t('coordinator.fields.unitName')} extra={t('coordinator.fields.unitNameHelp')} rules={[maxLengthRule(t, 200)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="post" label={t('coordinator.fields.post')} rules={[maxLengthRule(t, 100)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={t('coordinator.fields.category')}>
              <Select
                allowClear
                placeholder={t('common.automatic')}
                options={COORDINATOR_CATEGORIES.map((category) => ({ value: category, label: `${category}. ${t(`enums.category.${category}`)}` }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="affiliation" label={t('coordinator.fields.affiliation')}>
              <Select
                allowClear
                placeholder={t('common.automatic')}
                options={AFFILIATIONS.map((affiliation) => ({ value: affiliation, label: t(`enums.affiliation.${affiliation}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="tripartiteOrGrassroots"
              label={t('coordinator.fields.tripartiteOrGrassroots')}
              valuePropName="checked"
              extra={t('coordinator.fields.tripartiteOrGrassrootsHelp')}
            >
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="joinedOn"
              label={t('coordinator.fields.joinedOn')}
              extra={t('coordinator.fields.joinedOnHelp')}
              rules={[problemRule<string | null>(t, (value) => pastDateProblem(value, { birthDate }))]}
            >
              <IsoDatePicker placeholder={t('common.datePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      {SUB_RECORD_LISTS.map((list) => (
        <RecordListField
          key={list}
          list={list}
          titleKey={`coordinator.sections.${list}`}
          emptyKey={`coordinator.empty_sections.${list}`}
          fields={lists[list].fields}
          addLabelKey={lists[list].addLabelKey}
          newRow={lists[list].newRow}
          birthDate={birthDate}
        />
      ))}
      <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 10 }}>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={createState.loading || updateState.loading}>
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(coordinator ? `/coordinators/${coordinator.id}` : '/coordinators')}>{t('common.cancel')}</Button>
        </Space>
      </Card>
    </Form>
  );
}
