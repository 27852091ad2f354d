import { useMutation, useQuery } from '@apollo/client/react';
import { defaultSubmissionWindow, JILIN_REGIONS, todayIsoDate } from '@registry/domain';
import {
  CalendarOverridesDocument,
  EligibilityTablesDocument,
  RemoveCalendarOverrideDocument,
  ResetEligibilityTableEntryDocument,
  SaveAwardCampaignDocument,
  SetCalendarOverrideDocument,
  SetEligibilityTableEntryDocument,
  type AwardCampaignFieldsFragment,
  type AwardTier,
  type EligibilityTableKind,
} from '@registry/graphql-client';
import { App as AntApp, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { readApiErrors } from '../../app/utils/graphql-errors';
import { CalendarYearsCard } from './CalendarYearsCard';
import { TIERS } from './labels';
import { saveOnlyWithCtrlEnter } from '../../app/utils/form-keys';

const UNITS = JILIN_REGIONS.filter((region) => region.level === 'UNIT');
const KINDS: EligibilityTableKind[] = ['RELATED_OCCUPATION', 'RELATED_OCCUPATION_KEYWORD', 'RELATED_MAJOR', 'RELATED_MAJOR_KEYWORD', 'TITLE_LEVEL', 'HARMONY_HONOR_KEYWORD', 'FIELD_HONOR_KEYWORD'];

type QuotaGrid = Record<string, Partial<Record<AwardTier, number | null>>>;

interface CampaignForm {
  year: number;
  referenceDate: string | null;
  submissionStart: string | null;
  submissionEnd: string | null;
  goldTarget: number;
}

/** Province only: the yearly campaign, its quota table (附件1), the calendar overrides and the eligibility lists. */
export function CampaignSetupTab({ campaign, onSaved }: { campaign: AwardCampaignFieldsFragment | null; onSaved: (year: number) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [creating, setCreating] = useState(!campaign);
  const editing = creating ? null : campaign;
  const nextYear = Number(todayIsoDate().slice(0, 4));
  const initial: CampaignForm = editing
    ? { year: editing.year, referenceDate: editing.referenceDate, submissionStart: editing.submissionStart, submissionEnd: editing.submissionEnd, goldTarget: editing.goldTarget }
    : { year: nextYear, ...(() => { const window = defaultSubmissionWindow(nextYear); return { submissionStart: window.start, submissionEnd: window.end, referenceDate: window.end }; })(), goldTarget: 100 };
  const [form] = Form.useForm<CampaignForm>();
  const [grid, setGrid] = useState<QuotaGrid>(() => {
    const cells: QuotaGrid = {};
    for (const quota of editing?.quotas ?? []) cells[quota.regionCode] = { ...cells[quota.regionCode], [quota.tier]: quota.places };
    return cells;
  });
  const used = useMemo(() => {
    const cells: QuotaGrid = {};
    for (const quota of editing?.quotas ?? []) cells[quota.regionCode] = { ...cells[quota.regionCode], [quota.tier]: quota.used };
    return cells;
  }, [editing]);
  const [save, saving] = useMutation(SaveAwardCampaignDocument);
  const fail = (failure: unknown) => message.error(readApiErrors(failure).map((item) => item.message).join('；') || String(failure));
  const goldTotal = UNITS.reduce((sum, unit) => sum + (grid[unit.code]?.GOLD ?? 0), 0);

  const submit = async (values: CampaignForm) => {
    const quotas = UNITS.flatMap((unit) =>
      TIERS.filter((tier) => grid[unit.code]?.[tier] != null).map((tier) => ({ regionCode: unit.code, tier, places: grid[unit.code]![tier]! })),
    );
    try {
      await save({ variables: { input: { ...values, quotas, version: editing?.version } } });
      message.success(t('common.saved'));
      setCreating(false);
      onSaved(values.year);
    } catch (failure) {
      fail(failure);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title={editing ? t('awards.setup.editTitle', { year: editing.year }) : t('awards.setup.createTitle')}
        extra={editing ? <Button onClick={() => setCreating(true)}>{t('awards.setup.newCampaign')}</Button> : null}>
        <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)} onKeyDown={saveOnlyWithCtrlEnter(() => form.submit())} key={editing?.year ?? 'new'} disabled={Boolean(editing?.publishedAt)}>
          <Row gutter={16}>
            <Col span={4}><Form.Item name="year" label={t('awards.campaign.year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} disabled={Boolean(editing)} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={5}><Form.Item name="submissionStart" label={t('awards.campaign.submissionStart')}><IsoDatePicker /></Form.Item></Col>
            <Col span={5}><Form.Item name="submissionEnd" label={t('awards.campaign.submissionEnd')}><IsoDatePicker /></Form.Item></Col>
            <Col span={5}><Form.Item name="referenceDate" label={t('awards.campaign.referenceDate')}><IsoDatePicker /></Form.Item></Col>
            <Col span={5}><Form.Item name="goldTarget" label={t('awards.campaign.goldTarget')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
          <Typography.Title level={5}>{t('awards.setup.quotaTitle')}</Typography.Title>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={UNITS}
            columns={[
              { key: 'unit', title: t('awards.fields.reportingUnit'), dataIndex: 'name' },
              ...TIERS.map((tier) => ({
                key: tier,
                title: t(`awards.tier.${tier}`),
                render: (_value: unknown, unit: (typeof UNITS)[number]) => (
                  <Space>
                    <InputNumber
                      min={0}
                      size="small"
                      aria-label={`${unit.name} ${t(`awards.tier.${tier}`)}`}
                      value={grid[unit.code]?.[tier] ?? null}
                      onChange={(value) => setGrid({ ...grid, [unit.code]: { ...grid[unit.code], [tier]: value } })}
                    />
                    {used[unit.code]?.[tier] ? <Typography.Text type="secondary">{t('awards.setup.used', { used: used[unit.code]![tier] })}</Typography.Text> : null}
                  </Space>
                ),
              })),
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('awards.setup.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{goldTotal}</Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          <Button type="primary" htmlType="submit" loading={saving.loading} style={{ marginTop: 12 }} data-testid="save-campaign">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
      <CalendarOverridesCard />
      <CalendarYearsCard />
      <EligibilityTablesCard />
    </Space>
  );
}

function CalendarOverridesCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { data, refetch } = useQuery(CalendarOverridesDocument);
  // the years card counts the overrides of each year
  const [setOverride] = useMutation(SetCalendarOverrideDocument, { refetchQueries: ['CalendarYears'] });
  const [removeOverride] = useMutation(RemoveCalendarOverrideDocument, { refetchQueries: ['CalendarYears'] });
  const [date, setDate] = useState<string | null>(null);
  const [workday, setWorkday] = useState(false);
  const [note, setNote] = useState('');
  const fail = (failure: unknown) => message.error(readApiErrors(failure).map((item) => item.message).join('；'));
  return (
    <Card size="small" title={t('awards.setup.calendarTitle')}>
      <Typography.Paragraph type="secondary">{t('awards.setup.calendarHelp')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <IsoDatePicker value={date} onChange={setDate} style={{ width: 160 }} />
        <Switch checked={workday} onChange={setWorkday} checkedChildren={t('awards.setup.workday')} unCheckedChildren={t('awards.setup.holiday')} />
        <Input value={note} onChange={(event) => setNote(event.target.value)} placeholder={t('awards.setup.note')} style={{ width: 220 }} maxLength={200} />
        <Button disabled={!date} onClick={() => date && setOverride({ variables: { date, workday, note } }).then(() => refetch()).catch(fail)}>
          {t('common.add')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="date"
        pagination={false}
        dataSource={data?.calendarOverrides ?? []}
        columns={[
          { key: 'date', title: t('awards.setup.date'), dataIndex: 'date' },
          { key: 'workday', title: t('awards.setup.kind'), render: (_value, row) => (row.workday ? <Tag color="blue">{t('awards.setup.workday')}</Tag> : <Tag>{t('awards.setup.holiday')}</Tag>) },
          { key: 'note', title: t('awards.setup.note'), dataIndex: 'note' },
          { key: 'remove', title: t('common.actions'), render: (_value, row) => <Button size="small" onClick={() => removeOverride({ variables: { date: row.date } }).then(() => refetch()).catch(fail)}>{t('common.remove')}</Button> },
        ]}
      />
    </Card>
  );
}

function EligibilityTablesCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { data, refetch } = useQuery(EligibilityTablesDocument);
  const [setEntry] = useMutation(SetEligibilityTableEntryDocument);
  const [resetEntry] = useMutation(ResetEligibilityTableEntryDocument);
  const [kind, setKind] = useState<EligibilityTableKind>('RELATED_OCCUPATION');
  const [value, setValue] = useState('');
  const [level, setLevel] = useState<number | null>(3);
  const fail = (failure: unknown) => message.error(readApiErrors(failure).map((item) => item.message).join('；'));
  const entries = data?.eligibilityTables.entries ?? [];
  return (
    <Card size="small" title={t('awards.setup.tablesTitle')}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select value={kind} onChange={setKind} style={{ width: 200 }} options={KINDS.map((item) => ({ value: item, label: t(`awards.tableKind.${item}`) }))} />
        <Input value={value} onChange={(event) => setValue(event.target.value)} placeholder={t('awards.setup.value')} style={{ width: 200 }} maxLength={100} />
        {kind === 'TITLE_LEVEL' ? <InputNumber min={1} max={5} value={level} onChange={setLevel} addonAfter={t('awards.setup.level')} /> : null}
        <Button disabled={!value.trim()} onClick={() => setEntry({ variables: { kind, value, level: kind === 'TITLE_LEVEL' ? level : null } }).then(() => { setValue(''); return refetch(); }).catch(fail)}>
          {t('common.add')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey={(row) => `${row.kind}|${row.value}`}
        dataSource={entries}
        pagination={{ pageSize: 10 }}
        columns={[
          { key: 'kind', title: t('awards.setup.kind'), render: (_value, row) => t(`awards.tableKind.${row.kind}`) },
          { key: 'value', title: t('awards.setup.value'), render: (_value, row) => (row.excluded ? <Typography.Text delete>{row.value}</Typography.Text> : row.value) },
          { key: 'level', title: t('awards.setup.level'), dataIndex: 'level' },
          { key: 'source', title: t('awards.setup.source'), render: (_value, row) => <Tag>{t(`awards.setup.source${row.source}`)}</Tag> },
          { key: 'actions', title: t('common.actions'), render: (_value, row) =>
            row.source === 'DEFAULT' && !row.excluded ? (
              <Button size="small" onClick={() => setEntry({ variables: { kind: row.kind, value: row.value, excluded: true } }).then(() => refetch()).catch(fail)}>{t('awards.setup.exclude')}</Button>
            ) : (
              <Button size="small" onClick={() => resetEntry({ variables: { kind: row.kind, value: row.value } }).then(() => refetch()).catch(fail)}>{row.excluded ? t('awards.setup.restore') : t('common.remove')}</Button>
            ) },
        ]}
      />
    </Card>
  );
}
