import { useMutation, useQuery } from '@apollo/client/react';
import { industrySection, SIZE_CLASSES } from '@registry/domain';
import { CreateEnterpriseDocument, EnterpriseDocument, UpdateEnterpriseDocument, type EnterpriseDetailFragment } from '@registry/graphql-client';
import { Alert, App as AntApp, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { MissingRecord } from '../../app/components/MissingRecord';
import { QueryError } from '../../app/components/QueryError';
import { RecordFormShell } from '../../app/components/RecordFormShell';
import { RecordListField, type RecordFieldConfig } from '../../app/components/RecordListField';
import { RegionTreeSelect } from '../../app/components/RegionTreeSelect';
import { creditCodeProblem, industryCodeProblem, nonNegativeProblem, pastDateProblem } from '../../app/utils/field-problems';
import { maxLengthRule, problemRule, requiredRule } from '../../app/utils/form-rules';
import { useFormSave } from '../../app/hooks/useFormSave';
import {
  EMPTY_ENTERPRISE_FORM,
  ENTERPRISE_FORM_FIELDS,
  enterpriseToFormValues,
  previewSizeClass,
  toCreateEnterpriseInput,
  toUpdateEnterpriseInput,
  type EnterpriseFormValues,
} from '../utils/form-values';
import { SizeClassTag } from './SizeClassTag';

export default function EnterpriseFormPage({ mode }: { mode: 'create' | 'edit' }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const query = useQuery(EnterpriseDocument, { variables: { id }, skip: mode === 'create', fetchPolicy: 'network-only' });

  if (!canEdit) return <QueryError error={{ errors: [{ message: t('common.forbidden'), extensions: { code: 'FORBIDDEN' } }] }} fullPage />;
  if (mode === 'create') return <EnterpriseForm />;
  const enterprise = query.data?.enterprise;
  if (!enterprise) return <MissingRecord query={query} backTo="/enterprises" backLabel={t('nav.enterprises')} />;
  return <EnterpriseForm key={enterprise.version} enterprise={enterprise} onReload={() => void query.refetch()} />;
}

function EnterpriseForm({ enterprise, onReload }: { enterprise?: EnterpriseDetailFragment; onReload?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const [createEnterprise, createState] = useMutation(CreateEnterpriseDocument);
  const [updateEnterprise, updateState] = useMutation(UpdateEnterpriseDocument);
  const { conflict, failure, save } = useFormSave(form, ENTERPRISE_FORM_FIELDS);
  const initialValues = useMemo(() => (enterprise ? enterpriseToFormValues(enterprise) : EMPTY_ENTERPRISE_FORM), [enterprise]);

  const industryCode = Form.useWatch('industryCode', form);
  const employees = Form.useWatch('employees', form);
  const revenue = Form.useWatch('revenue', form);
  const assets = Form.useWatch('assets', form);
  const sizeOverride = Form.useWatch('sizeOverride', form);
  // The same classification the server derives, shown live as the figures are typed.
  const preview = previewSizeClass({ industryCode, employees, revenue, assets });
  const industry = industryCode ? industrySection(industryCode) : null;

  const incidentFields: RecordFieldConfig[] = useMemo(
    () => [
      {
        name: 'kind',
        labelKey: 'enterprise.incident.kind',
        kind: 'autocomplete',
        required: true,
        span: 7,
        maxLength: 100,
        options: (['groupIncident', 'suddenIncident', 'petition'] as const).map((key) => ({ value: t(`enterprise.incidentKinds.${key}`, { lng: 'zh-CN' }), label: t(`enterprise.incidentKinds.${key}`) })),
      },
      { name: 'occurredOn', labelKey: 'enterprise.incident.occurredOn', kind: 'date', required: true, span: 5 },
      { name: 'description', labelKey: 'enterprise.incident.description', kind: 'textarea', span: 10, maxLength: 1000 },
    ],
    [t],
  );

  const submit = async (values: EnterpriseFormValues) => {
    await save(async () => {
      if (enterprise) {
        await updateEnterprise({ variables: { input: toUpdateEnterpriseInput(values, enterprise) } });
        void message.success(t('common.saved'));
        navigate(`/enterprises/${enterprise.id}`);
      } else {
        const result = await createEnterprise({ variables: { input: toCreateEnterpriseInput(values) } });
        void message.success(t('enterprise.created'));
        navigate(`/enterprises/${result.data?.createEnterprise.id ?? ''}`);
      }
    });
  };

  return (
    <RecordFormShell<EnterpriseFormValues>
      form={form}
      initialValues={initialValues}
      title={enterprise ? t('enterprise.editTitle', { name: enterprise.name }) : t('enterprise.createTitle')}
      onSubmit={submit}
      conflict={conflict}
      failure={failure}
      onReload={onReload}
      saving={createState.loading || updateState.loading}
      cancelTo={enterprise ? `/enterprises/${enterprise.id}` : '/enterprises'}
    >
      <Card size="small" title={t('enterprise.sections.basic')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            {enterprise ? (
              <Form.Item label={t('enterprise.fields.creditCode')} extra={t('enterprise.creditCodeLocked')}>
                <Input value={enterprise.creditCode} disabled />
              </Form.Item>
            ) : (
              <Form.Item
                name="creditCode"
                label={t('enterprise.fields.creditCode')}
                rules={[requiredRule(t, 'enterprise.fields.creditCode'), problemRule<string>(t, (value) => creditCodeProblem(value))]}
                validateDebounce={300}
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="name" label={t('enterprise.fields.name')} rules={[requiredRule(t, 'enterprise.fields.name'), maxLengthRule(t, 200)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="regionCode" label={t('enterprise.fields.region')} rules={[requiredRule(t, 'enterprise.fields.region')]}>
              <RegionTreeSelect allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="industryCode"
              label={t('enterprise.fields.industryCode')}
              rules={[requiredRule(t, 'enterprise.fields.industryCode'), problemRule<string>(t, (value) => industryCodeProblem(value))]}
              extra={
                industry
                  ? `${industry.section} ${t(`enums.industrySection.${industry.section}`)}${industry.divisionName ? ` · ${industry.divisionName}` : ''}`
                  : t('enterprise.fields.industryCodeHelp')
              }
            >
              <Input maxLength={5} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="publicOwned" label={t('enterprise.fields.ownership')} rules={[requiredRule(t, 'enterprise.fields.ownership')]}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: t('enterprise.ownership.public') },
                  { value: false, label: t('enterprise.ownership.nonPublic') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="socialOrganization" label={t('enterprise.fields.socialOrganization')} valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
          {enterprise ? null : (
            <Col xs={24} md={8}>
              <Form.Item name="registeredOn" label={t('enterprise.fields.registeredOn')} rules={[problemRule<string | null>(t, (value) => pastDateProblem(value))]}>
                <IsoDatePicker placeholder={t('common.datePlaceholder')} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>
      <Card size="small" title={t('enterprise.sections.size')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="employees"
              label={t('enterprise.fields.employees')}
              rules={[requiredRule(t, 'enterprise.fields.employees'), problemRule<number | null>(t, (value) => nonNegativeProblem(value, { integer: true }))]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="revenue"
              label={t('enterprise.fields.revenue')}
              rules={[requiredRule(t, 'enterprise.fields.revenue'), problemRule<number | null>(t, (value) => nonNegativeProblem(value))]}
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="assets" label={t('enterprise.fields.assets')} rules={[problemRule<number | null>(t, (value) => nonNegativeProblem(value))]}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Alert
          type={preview ? 'info' : 'warning'}
          showIcon
          data-testid="derived-size-class"
          style={{ marginBottom: 16 }}
          message={
            preview ? (
              <Space wrap>
                {t('enterprise.derived', { rule: preview.ruleName, sizeClass: t(`enums.sizeClass.${preview.sizeClass}`) })}
                <SizeClassTag sizeClass={preview.sizeClass} />
              </Space>
            ) : (
              t('enterprise.derivedUnknown')
            )
          }
          description={preview && preview.notes.length > 0 ? preview.notes.map((note) => <div key={note}>{note}</div>) : undefined}
        />
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="sizeOverride" label={t('enterprise.fields.sizeOverride')}>
              <Select
                allowClear
                placeholder={t('enterprise.fields.sizeOverrideNone')}
                options={SIZE_CLASSES.map((sizeClass) => ({ value: sizeClass, label: t(`enums.sizeClass.${sizeClass}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="sizeOverrideReason"
              label={t('enterprise.fields.sizeOverrideReason')}
              dependencies={['sizeOverride']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: string | null | undefined) => {
                    if (getFieldValue('sizeOverride') && !value?.trim()) throw new Error(t('validation.overrideReasonRequired'));
                  },
                }),
                maxLengthRule(t, 500),
              ]}
              required={Boolean(sizeOverride)}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} disabled={!sizeOverride} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <RecordListField
        list="incidents"
        titleKey="enterprise.sections.incidents"
        emptyKey="enterprise.incident.empty"
        fields={incidentFields}
        addLabelKey="enterprise.incident.add"
      />
    </RecordFormShell>
  );
}
