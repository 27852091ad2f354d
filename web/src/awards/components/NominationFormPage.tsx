import { useMutation, useQuery } from '@apollo/client/react';
import {
  ATTESTATION_CONDUCT,
  ATTESTATION_LOCAL_ROLE,
  ATTESTATION_WORK_RESULTS,
  attestationLabel,
  DEFAULT_ELIGIBILITY_TABLES,
  evaluateEligibility,
  todayIsoDate,
  type EligibilityTables,
  type SkillLevel,
} from '@registry/domain';
import { AwardCampaignsDocument, CoordinatorDocument, CoordinatorsDocument, NominateDocument, type AwardTier, EligibilityTablesDocument } from '@registry/graphql-client';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, Form, Input, Row, Segmented, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth, useCanEdit } from '../../app/auth/AuthContext';
import { QueryError } from '../../app/components/QueryError';
import { RecordListField } from '../../app/components/RecordListField';
import { readApiErrors } from '../../app/utils/graphql-errors';
import { subRecordFields } from '../../coordinators/components/sub-record-fields';
import { useDebouncedValue } from '../../coordinators/hooks/useDebouncedValue';
import { coordinatorToFormValues } from '../../coordinators/utils/form-values';
import { formAttestations, formFacts, type NominationFormFacts } from '../utils/form-facts';
import { EligibilityVerdictView } from './EligibilityVerdictView';
import { TIERS } from './labels';

const FACT_LISTS = ['certificates', 'educations', 'workPeriods', 'honors', 'disciplinaryRecords'] as const;

interface NominationFormValues extends NominationFormFacts {
  achievements?: string;
}

/**
 * 自荐/推荐: pick the coordinator, the tier, what the unit attests; the verdict of 四(一) is
 * recomputed on every keystroke by the same libs/domain function the server runs. The records
 * below start as the coordinator's file and can be tried out here ("what if the level-2
 * certificate arrives?"); the server judges the stored file, so changes must be saved there.
 */
export default function NominationFormPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const canEdit = useCanEdit();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<NominationFormValues>();
  const campaigns = useQuery(AwardCampaignsDocument);
  const campaign = campaigns.data?.awardCampaigns.find((item) => item.year === Number(params.get('year'))) ?? campaigns.data?.awardCampaigns[0];
  const tablesQuery = useQuery(EligibilityTablesDocument);
  const tables: EligibilityTables = useMemo(() => {
    const loaded = tablesQuery.data?.eligibilityTables;
    if (!loaded) return DEFAULT_ELIGIBILITY_TABLES;
    const { entries: _entries, __typename: _typename, ...lists } = loaded as typeof loaded & { __typename?: string };
    return { ...lists, titleLevelEquivalents: lists.titleLevelEquivalents.map(({ title, level }) => ({ title, level: level as SkillLevel })) };
  }, [tablesQuery.data]);

  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search);
  const coordinators = useQuery(CoordinatorsDocument, { variables: { filter: { search: debounced || undefined, status: 'ACTIVE' }, limit: 20 } });
  const [coordinatorId, setCoordinatorId] = useState<string | undefined>(params.get('coordinatorId') ?? undefined);
  const detail = useQuery(CoordinatorDocument, { variables: { id: coordinatorId ?? '' }, skip: !coordinatorId });
  const [tier, setTier] = useState<AwardTier>('GOLD');
  const [attested, setAttested] = useState<string[]>([]);
  const [nominate, nominating] = useMutation(NominateDocument);
  const [serverError, setServerError] = useState<string | null>(null);

  useEffect(() => {
    const coordinator = detail.data?.coordinator;
    if (!coordinator) return;
    const values = coordinatorToFormValues(coordinator);
    form.setFieldsValue({ tripartiteOrGrassroots: values.tripartiteOrGrassroots, ...Object.fromEntries(FACT_LISTS.map((list) => [list, values[list] ?? []])) });
  }, [detail.data, form]);

  const watched = Form.useWatch([], form) as NominationFormValues | undefined;
  const asOf = campaign?.referenceDate ?? todayIsoDate();
  const verdict = useMemo(
    () => evaluateEligibility(formFacts(watched ?? {}, [], formAttestations(attested, me?.displayName ?? '', todayIsoDate())), tier, asOf, tables),
    [watched, attested, tier, asOf, tables, me],
  );
  const lists = subRecordFields(t);
  const attestationKeys = [ATTESTATION_CONDUCT, ...(watched?.tripartiteOrGrassroots ? [ATTESTATION_LOCAL_ROLE] : []), ATTESTATION_WORK_RESULTS];

  if (!canEdit) return <QueryError error={{ errors: [{ message: t('common.forbidden'), extensions: { code: 'FORBIDDEN' } }] }} fullPage />;
  if (campaigns.data && !campaign) return <Alert type="info" showIcon message={t('awards.campaign.none')} />;

  const submit = async () => {
    if (!coordinatorId || !campaign) return;
    setServerError(null);
    try {
      const result = await nominate({
        variables: { input: { coordinatorId, tier, campaignYear: campaign.year, attestations: attested, achievements: form.getFieldValue('achievements') ?? null } },
      });
      message.success(t('awards.form.created'));
      navigate(`/awards/nominations/${result.data!.nominate.id}`);
    } catch (failure) {
      setServerError(readApiErrors(failure).map((item) => item.message).join('；'));
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ tripartiteOrGrassroots: false }}>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('awards.form.title', { year: campaign?.year ?? '' })}>
            <Form.Item label={t('awards.form.coordinator')} required>
              <Select
                showSearch
                data-testid="coordinator-select"
                value={coordinatorId}
                placeholder={t('awards.form.coordinatorPlaceholder')}
                filterOption={false}
                onSearch={setSearch}
                onChange={setCoordinatorId}
                loading={coordinators.loading}
                options={(coordinators.data?.coordinators.items ?? []).map((item) => ({ value: item.id, label: `${item.name}（${item.region?.name ?? item.regionCode}）` }))}
              />
            </Form.Item>
            <Form.Item label={t('awards.fields.tier')}>
              <Segmented value={tier} onChange={(value) => setTier(value as AwardTier)} options={TIERS.map((value) => ({ value, label: t(`awards.tier.${value}`) }))} />
            </Form.Item>
            <Form.Item name="tripartiteOrGrassroots" label={t('awards.form.tripartite')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item label={t('awards.form.attestations')}>
              <Checkbox.Group value={attested} onChange={(values) => setAttested(values as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                {attestationKeys.map((key) => (
                  <Checkbox key={key} value={key} data-testid={`attest-${key}`}>
                    {attestationLabel(key, tier)}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
            <Form.Item name="achievements" label={t('awards.fields.achievements')}>
              <Input.TextArea rows={4} maxLength={4000} showCount />
            </Form.Item>
            {coordinatorId ? (
              <Typography.Paragraph type="secondary">
                {t('awards.form.recordsHelp')} <Link to={`/coordinators/${coordinatorId}/edit`}>{t('awards.form.editRecords')}</Link>
              </Typography.Paragraph>
            ) : null}
            {FACT_LISTS.map((list) => (
              <RecordListField
                key={list}
                list={list}
                titleKey={`coordinator.sections.${list}`}
                emptyKey={`coordinator.empty_sections.${list}`}
                fields={lists[list].fields}
                addLabelKey={lists[list].addLabelKey}
                newRow={lists[list].newRow}
              />
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('awards.eligibility.title', { date: asOf })} style={{ position: 'sticky', top: 16 }}>
            <EligibilityVerdictView verdict={verdict} tier={tier} live />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('awards.eligibility.incidentsNote')}
            </Typography.Paragraph>
            {serverError ? <Alert type="error" showIcon message={serverError} style={{ marginBottom: 12 }} data-testid="nominate-error" /> : null}
            <Space>
              <Button type="primary" onClick={() => void submit()} loading={nominating.loading} disabled={!coordinatorId || !verdict.eligible} data-testid="submit-nomination">
                {t('awards.nominate')}
              </Button>
              <Link to="/awards">
                <Button>{t('common.cancel')}</Button>
              </Link>
            </Space>
          </Card>
        </Col>
      </Row>
    </Form>
  );
}
