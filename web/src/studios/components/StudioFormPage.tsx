import { useMutation, useQuery } from '@apollo/client/react';
import { CreateStudioDocument, StudioDocument, UpdateStudioDocument, type StudioDetailFragment } from '@registry/graphql-client';
import { App as AntApp, Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { MissingRecord } from '../../app/components/MissingRecord';
import { QueryError } from '../../app/components/QueryError';
import { RecordFormShell } from '../../app/components/RecordFormShell';
import { RegionTreeSelect } from '../../app/components/RegionTreeSelect';
import { useFormSave } from '../../app/hooks/useFormSave';
import { pastDateProblem } from '../../app/utils/field-problems';
import { maxLengthRule, problemRule, requiredRule } from '../../app/utils/form-rules';
import { EnterpriseSelect } from '../../coordinators/components/EnterpriseSelect';
import { STUDIO_KINDS, STUDIO_STATUSES } from '../utils/list-params';
import { EMPTY_STUDIO_FORM, STUDIO_FORM_FIELDS, studioToFormValues, toStudioInput, toUpdateStudioInput, type StudioFormValues } from '../utils/form-values';
import { CoordinatorMultiSelect, EnterpriseMultiSelect } from './LinkedRecordSelect';

export default function StudioFormPage({ mode }: { mode: 'create' | 'edit' }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const query = useQuery(StudioDocument, { variables: { id }, skip: mode === 'create', fetchPolicy: 'network-only' });
  if (!canEdit) return <QueryError error={{ errors: [{ message: t('common.forbidden'), extensions: { code: 'FORBIDDEN' } }] }} fullPage />;
  if (mode === 'create') return <StudioForm />;
  const studio = query.data?.studio;
  if (!studio) return <MissingRecord query={query} backTo="/studios" backLabel={t('nav.studios')} />;
  return <StudioForm key={studio.version} studio={studio} onReload={() => void query.refetch()} />;
}

function StudioForm({ studio, onReload }: { studio?: StudioDetailFragment; onReload?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<StudioFormValues>();
  const [createStudio, createState] = useMutation(CreateStudioDocument);
  const [updateStudio, updateState] = useMutation(UpdateStudioDocument);
  const { conflict, failure, save } = useFormSave(form, STUDIO_FORM_FIELDS);
  const initialValues = useMemo(() => (studio ? studioToFormValues(studio) : EMPTY_STUDIO_FORM), [studio]);
  const hostKind = Form.useWatch('hostKind', form) ?? initialValues.hostKind;

  const submit = async (values: StudioFormValues) => {
    await save(async () => {
      if (studio) {
        await updateStudio({ variables: { input: toUpdateStudioInput(values, studio) } });
        void message.success(t('common.saved'));
        navigate(`/studios/${studio.id}`);
      } else {
        const result = await createStudio({ variables: { input: toStudioInput(values) } });
        void message.success(t('studio.created'));
        navigate(`/studios/${result.data?.createStudio.id ?? ''}`);
      }
    });
  };

  return (
    <RecordFormShell<StudioFormValues>
      form={form}
      initialValues={initialValues}
      title={studio ? t('studio.editTitle', { name: studio.name }) : t('studio.createTitle')}
      onSubmit={submit}
      conflict={conflict}
      failure={failure}
      onReload={onReload}
      saving={createState.loading || updateState.loading}
      cancelTo={studio ? `/studios/${studio.id}` : '/studios'}
    >
      <Card size="small" title={t('studio.sections.basic')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="kind" label={t('studio.fields.kind')} rules={[requiredRule(t, 'studio.fields.kind')]}>
              <Radio.Group optionType="button" options={STUDIO_KINDS.map((kind) => ({ value: kind, label: t(`studio.kinds.${kind}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('studio.fields.name')} rules={[requiredRule(t, 'studio.fields.name'), maxLengthRule(t, 200)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="regionCode" label={t('studio.fields.region')} rules={[requiredRule(t, 'studio.fields.region')]}>
              <RegionTreeSelect allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="openedOn" label={t('studio.fields.openedOn')} rules={[requiredRule(t, 'studio.fields.openedOn'), problemRule<string | null>(t, (value) => pastDateProblem(value))]}>
              <IsoDatePicker placeholder={t('common.datePlaceholder')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="hostKind" label={t('studio.fields.hostKind')} rules={[requiredRule(t, 'studio.fields.hostKind')]}>
              <Radio.Group
                optionType="button"
                options={(['ENTERPRISE', 'GRASSROOTS_PLATFORM'] as const).map((kind) => ({ value: kind, label: t(`studio.hostKinds.${kind}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            {hostKind === 'ENTERPRISE' ? (
              <Form.Item name="hostEnterpriseId" label={t('studio.fields.hostEnterprise')} rules={[requiredRule(t, 'studio.fields.hostEnterprise')]}>
                <EnterpriseSelect initial={studio?.hostEnterprise ?? null} />
              </Form.Item>
            ) : (
              <Form.Item
                name="hostPlatformName"
                label={t('studio.fields.hostPlatformName')}
                extra={t('studio.fields.hostPlatformHelp')}
                rules={[requiredRule(t, 'studio.fields.hostPlatformName'), maxLengthRule(t, 200)]}
              >
                <Input maxLength={200} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="status" label={t('studio.fields.status')}>
              <Select options={STUDIO_STATUSES.map((status) => ({ value: status, label: t(`studio.statuses.${status}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('studio.fields.description')} rules={[maxLengthRule(t, 1000)]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('studio.sections.staff')} style={{ marginBottom: 16 }}>
        <Form.Item name="coordinatorIds" label={t('studio.fields.coordinators')}>
          <CoordinatorMultiSelect initial={studio?.coordinators ?? []} placeholder={t('studio.fields.coordinatorSearch')} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('studio.sections.served')} style={{ marginBottom: 16 }}>
        <Form.Item name="servedEnterpriseIds" label={t('studio.fields.servedEnterprises')}>
          <EnterpriseMultiSelect initial={studio?.servedEnterprises ?? []} placeholder={t('studio.fields.enterpriseSearch')} />
        </Form.Item>
      </Card>
    </RecordFormShell>
  );
}
