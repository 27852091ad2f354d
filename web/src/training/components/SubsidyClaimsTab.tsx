import { useMutation, useQuery } from '@apollo/client/react';
import { todayIsoDate } from '@registry/domain';
import { ApplySubsidyDocument, DecideSubsidyDocument, SubsidyClaimsDocument, type SubsidyClaimFieldsFragment, type SubsidyClaimState, type SubsidyKind } from '@registry/graphql-client';
import { App as AntApp, Button, Flex, Form, Input, InputNumber, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { QueryError } from '../../app/components/QueryError';
import { requiredRule, maxLengthRule } from '../../app/utils/form-rules';
import { CoordinatorSelect } from './CoordinatorSelect';
import { FormModal } from './FormModal';
import { usePagedTable } from '../../app/hooks/usePagedTable';

const KINDS: SubsidyKind[] = ['VOCATIONAL_TRAINING', 'LIVING_ALLOWANCE', 'SKILL_UPGRADE'];
const STATES: SubsidyClaimState[] = ['APPLIED', 'GRANTED', 'REFUSED'];
const STATE_COLORS: Record<SubsidyClaimState, string> = { APPLIED: 'blue', GRANTED: 'green', REFUSED: 'default' };

interface ApplyValues {
  coordinatorId?: string;
  kind: SubsidyKind;
  amount?: number | null;
  appliedOn?: string | null;
}
interface DecideValues {
  granted: boolean;
  decidedOn?: string | null;
  note?: string | null;
}

/** 五(二)(三): subsidy claims, applied and then granted or refused. */
export function SubsidyClaimsTab() {
  const { t, i18n } = useTranslation();
  const canEdit = useCanEdit();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<SubsidyKind | undefined>();
  const [state, setState] = useState<SubsidyClaimState | undefined>();
  const paged = usePagedTable();
  const [applying, setApplying] = useState(false);
  const [deciding, setDeciding] = useState<SubsidyClaimFieldsFragment | null>(null);
  const [applyForm] = Form.useForm<ApplyValues>();
  const [decideForm] = Form.useForm<DecideValues>();
  const [apply, applyState] = useMutation(ApplySubsidyDocument);
  const [decide, decideState] = useMutation(DecideSubsidyDocument);
  const { data, previousData, loading, error, refetch } = useQuery(SubsidyClaimsDocument, {
    variables: { filter: { kind: kind ?? null, state: state ?? null }, ...paged.window },
    fetchPolicy: 'cache-and-network',
  });
  const result = (data ?? previousData)?.subsidyClaims;
  const money = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2 });

  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 16 }} gap={8} wrap>
        <Space wrap>
          <Select allowClear placeholder={t('training.subsidy.kind')} value={kind} onChange={(value) => { setKind(value); paged.reset(); }} style={{ width: 160 }}
            options={KINDS.map((value) => ({ value, label: t(`enums.subsidyKind.${value}`) }))} aria-label={t('training.subsidy.kind')} />
          <Select allowClear placeholder={t('training.subsidy.state')} value={state} onChange={(value) => { setState(value); paged.reset(); }} style={{ width: 120 }}
            options={STATES.map((value) => ({ value, label: t(`training.states.${value}`) }))} aria-label={t('training.subsidy.state')} />
        </Space>
        {canEdit ? <Button type="primary" onClick={() => setApplying(true)}>{t('training.subsidy.apply')}</Button> : null}
      </Flex>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<SubsidyClaimFieldsFragment>
        rowKey="id"
        size="middle"
        dataSource={result?.items ?? []}
        {...paged.tableProps({ total: result?.total ?? 0, loading, emptyText: t('training.subsidy.empty') })}
        scroll={{ x: 900 }}
        columns={[
          { key: 'coordinator', title: t('training.subsidy.coordinator'), render: (_value, claim) => (claim.coordinator ? <Link to={`/coordinators/${claim.coordinator.id}`}>{claim.coordinator.name}</Link> : '') },
          { key: 'region', title: t('training.figures.region'), render: (_value, claim) => claim.region?.name ?? claim.regionCode },
          { key: 'kind', title: t('training.subsidy.kind'), render: (_value, claim) => t(`enums.subsidyKind.${claim.kind}`) },
          { key: 'amount', title: t('training.subsidy.amount'), align: 'right', render: (_value, claim) => money.format(claim.amount) },
          { key: 'appliedOn', title: t('training.subsidy.appliedOn'), dataIndex: 'appliedOn' },
          {
            key: 'state',
            title: t('training.subsidy.state'),
            render: (_value, claim) => (
              <Space size={4} wrap>
                <Tag color={STATE_COLORS[claim.state]}>{t(`training.states.${claim.state}`)}</Tag>
                {claim.decidedOn ? <span>{claim.decidedOn}</span> : null}
                {claim.decisionNote ? <span>{claim.decisionNote}</span> : null}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_value, claim) => (canEdit && claim.state === 'APPLIED' ? <Button size="small" onClick={() => setDeciding(claim)}>{t('training.subsidy.grant')} / {t('training.subsidy.refuse')}</Button> : null),
          },
        ]}
      />
      <FormModal<ApplyValues>
        title={t('training.subsidy.applyTitle')}
        open={applying}
        form={applyForm}
        fields={['coordinatorId', 'kind', 'amount', 'appliedOn']}
        initialValues={{ kind: 'VOCATIONAL_TRAINING', appliedOn: todayIsoDate() }}
        saving={applyState.loading}
        onCancel={() => setApplying(false)}
        onSave={async (values) => {
          await apply({ variables: { input: { coordinatorId: values.coordinatorId ?? '', kind: values.kind, amount: values.amount ?? 0, appliedOn: values.appliedOn ?? '' } } });
          void message.success(t('common.saved'));
          setApplying(false);
          void refetch();
        }}
      >
        <Form.Item name="coordinatorId" label={t('training.subsidy.coordinator')} rules={[requiredRule(t, 'training.subsidy.coordinator')]}>
          <CoordinatorSelect placeholder={t('training.participants.enrollPlaceholder')} />
        </Form.Item>
        <Form.Item name="kind" label={t('training.subsidy.kind')}>
          <Radio.Group optionType="button" options={KINDS.map((value) => ({ value, label: t(`enums.subsidyKind.${value}`) }))} />
        </Form.Item>
        <Form.Item name="amount" label={t('training.subsidy.amount')} rules={[requiredRule(t, 'training.subsidy.amount')]}>
          <InputNumber min={0.01} max={1000000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="appliedOn" label={t('training.subsidy.appliedOn')} rules={[requiredRule(t, 'training.subsidy.appliedOn')]}>
          <IsoDatePicker style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
        </Form.Item>
      </FormModal>
      <FormModal<DecideValues>
        title={t('training.subsidy.decideTitle', { name: deciding?.coordinator?.name ?? '' })}
        open={deciding !== null}
        form={decideForm}
        fields={['granted', 'decidedOn', 'note']}
        initialValues={{ granted: true, decidedOn: todayIsoDate() }}
        saving={decideState.loading}
        onCancel={() => setDeciding(null)}
        onReload={() => { setDeciding(null); void refetch(); }}
        onSave={async (values) => {
          await decide({ variables: { input: { id: deciding!.id, version: deciding!.version, granted: values.granted, decidedOn: values.decidedOn ?? '', note: values.note?.trim() || null } } });
          void message.success(t('common.saved'));
          setDeciding(null);
          void refetch();
        }}
      >
        <Form.Item name="granted">
          <Radio.Group optionType="button" options={[{ value: true, label: t('training.subsidy.grant') }, { value: false, label: t('training.subsidy.refuse') }]} />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('training.subsidy.decidedOn')} rules={[requiredRule(t, 'training.subsidy.decidedOn')]}>
          <IsoDatePicker style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('training.subsidy.note')} dependencies={['granted']}
          rules={[({ getFieldValue }) => ({ required: getFieldValue('granted') === false, message: t('validation.required', { label: t('training.subsidy.note') }) }), maxLengthRule(t, 500)]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
