import { useMutation, useQuery } from '@apollo/client/react';
import {
  CoordinatorDocument,
  CreateCoordinatorDocument,
  UpdateCoordinatorDocument,
  type CoordinatorAffiliation,
  type CoordinatorDetailFragment,
} from '@registry/graphql-client';
import { App as AntApp, Button, Card, Col, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { MissingRecord } from '../../app/components/MissingRecord';
import { QueryError } from '../../app/components/QueryError';
import { RecordFormShell } from '../../app/components/RecordFormShell';
import { RecordListField } from '../../app/components/RecordListField';
import { RegionTreeSelect } from '../../app/components/RegionTreeSelect';
import { identityFromIdNumber, idNumberProblem, pastDateProblem } from '../../app/utils/field-problems';
import { maxLengthRule, problemRule, requiredRule } from '../../app/utils/form-rules';
import { useFormSave } from '../../app/hooks/useFormSave';
import {
  COORDINATOR_FORM_FIELDS,
  coordinatorToFormValues,
  earliestWorkPeriodStart,
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
  const query = useQuery(CoordinatorDocument, { variables: { id }, skip: mode === 'create', fetchPolicy: 'network-only' });

  if (!canEdit) return <QueryError error={{ errors: [{ message: t('common.forbidden'), extensions: { code: 'FORBIDDEN' } }] }} fullPage />;
  if (mode === 'create') return <CoordinatorForm />;
  const coordinator = query.data?.coordinator;
  if (!coordinator) return <MissingRecord query={query} backTo="/coordinators" backLabel={t('nav.coordinators')} />;
  // Keyed by version: a reload after a conflict starts the form again from the fresh record.
  return <CoordinatorForm key={coordinator.version} coordinator={coordinator} onReload={() => void query.refetch()} />;
}

function CoordinatorForm({ coordinator, onReload }: { coordinator?: CoordinatorDetailFragment; onReload?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CoordinatorFormValues>();
  const [createCoordinator, createState] = useMutation(CreateCoordinatorDocument);
  const [updateCoordinator, updateState] = useMutation(UpdateCoordinatorDocument);
  const { conflict, failure, save } = useFormSave(form, COORDINATOR_FORM_FIELDS);
  const editing = Boolean(coordinator);

  const initialValues = useMemo(() => (coordinator ? coordinatorToFormValues(coordinator) : EMPTY_COORDINATOR_FORM), [coordinator]);
  const idNumber = Form.useWatch('idNumber', form);
  const identity = editing ? null : identityFromIdNumber(idNumber);
  const birthDate = coordinator?.birthDate ?? identity?.birthDate ?? null;
  const lists = useMemo(() => subRecordFields(t), [t]);
  const joinedOn = Form.useWatch('joinedOn', form);
  const earliestWork = earliestWorkPeriodStart(Form.useWatch('workPeriods', form));
  // Say, at the field, which date a blank 入职日期 will take, and offer an earlier work period's start.
  const joinedOnExtra = !joinedOn ? (
    <span data-testid="joined-on-derived">{earliestWork ? t('coordinator.fields.joinedOnDerived', { date: earliestWork }) : t('coordinator.fields.joinedOnToday')}</span>
  ) : earliestWork && earliestWork < joinedOn ? (
    <Space size={4} wrap data-testid="joined-on-earlier-work">
      <Typography.Text type="warning">{t('coordinator.fields.joinedOnLaterThanWork', { date: earliestWork })}</Typography.Text>
      <Button size="small" type="link" onClick={() => form.setFieldValue('joinedOn', earliestWork)}>
        {t('coordinator.fields.joinedOnAdopt', { date: earliestWork })}
      </Button>
    </Space>
  ) : (
    t('coordinator.fields.joinedOnHelp')
  );

  const submit = async (values: CoordinatorFormValues) => {
    await save(async () => {
      if (coordinator) {
        await updateCoordinator({ variables: { input: toUpdateCoordinatorInput(values, coordinator.id, coordinator.version) } });
        void message.success(t('common.saved'));
        navigate(`/coordinators/${coordinator.id}`);
      } else {
        const result = await createCoordinator({ variables: { input: toCreateCoordinatorInput(values) } });
        void message.success(t('coordinator.created'));
        navigate(`/coordinators/${result.data?.createCoordinator.id ?? ''}`);
      }
    });
  };

  return (
    <RecordFormShell<CoordinatorFormValues>
      form={form}
      initialValues={initialValues}
      title={coordinator ? t('coordinator.editTitle', { name: coordinator.name }) : t('coordinator.createTitle')}
      onSubmit={submit}
      conflict={conflict}
      failure={failure}
      onReload={onReload}
      saving={createState.loading || updateState.loading}
      cancelTo={coordinator ? `/coordinators/${coordinator.id}` : '/coordinators'}
    >
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
              extra={joinedOnExtra}
              rules={[problemRule<string | null>(t, (value) => pastDateProblem(value, { birthDate }))]}
            >
              <IsoDatePicker placeholder={t('common.datePlaceholder')} allowClear />
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
    </RecordFormShell>
  );
}
