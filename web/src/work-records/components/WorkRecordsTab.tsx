import { useMutation, useQuery } from '@apollo/client/react';
import { todayIsoDate, WORK_RECORD_KINDS, WORK_RECORD_OUTCOMES } from '@registry/domain';
import {
  CreateWorkRecordDocument,
  DeleteWorkRecordDocument,
  UpdateWorkRecordDocument,
  WorkRecordsDocument,
  type WorkRecordFieldsFragment,
  type WorkRecordKind,
  type WorkRecordOutcome,
  type WorkRecordPrecision,
  type WorkRecordSort,
} from '@registry/graphql-client';
import { App as AntApp, Button, Flex, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { QueryError } from '../../app/components/QueryError';
import { maxLengthRule, requiredRule } from '../../app/utils/form-rules';
import { EnterpriseSelect } from '../../coordinators/components/EnterpriseSelect';
import { useDebouncedValue } from '../../coordinators/hooks/useDebouncedValue';
import { ExportButton } from '../../imports/ExportButton';
import { CoordinatorSelect } from '../../training/components/CoordinatorSelect';
import { FormModal } from '../../training/components/FormModal';
import { usePagedTable } from '../../app/hooks/usePagedTable';

const SORTS: WorkRecordSort[] = ['RECORDED_ON_DESC', 'RECORDED_ON_ASC', 'COUNT_DESC', 'COORDINATOR_NAME'];
const FIELDS = ['coordinatorId', 'kind', 'count', 'recordedOn', 'precision', 'enterpriseId', 'outcome', 'description'];

interface RecordValues {
  coordinatorId?: string;
  kind: WorkRecordKind;
  count?: number | null;
  recordedOn?: string | null;
  precision: WorkRecordPrecision;
  enterpriseId?: string | null;
  outcome?: WorkRecordOutcome | null;
  description?: string | null;
}

/** The records of the jurisdiction (or those behind a figure: region + year), with the add/edit form. */
export function WorkRecordsTab({ regionCode, year, onChanged }: { regionCode?: string; year: number | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  const { message } = AntApp.useApp();
  const [kinds, setKinds] = useState<WorkRecordKind[]>([]);
  const [outcome, setOutcome] = useState<WorkRecordOutcome | undefined>();
  const [sort, setSort] = useState<WorkRecordSort>('RECORDED_ON_DESC');
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim());
  const paged = usePagedTable();
  const [editing, setEditing] = useState<WorkRecordFieldsFragment | 'new' | null>(null);
  const [form] = Form.useForm<RecordValues>();
  const [create, createState] = useMutation(CreateWorkRecordDocument);
  const [update, updateState] = useMutation(UpdateWorkRecordDocument);
  const [remove] = useMutation(DeleteWorkRecordDocument);
  const filter = { regionCode: regionCode ?? null, year, kinds: kinds.length > 0 ? kinds : null, outcome: outcome ?? null, search: debounced || null, sort };
  const { data, previousData, loading, error, refetch } = useQuery(WorkRecordsDocument, {
    variables: { filter, ...paged.window },
    fetchPolicy: 'cache-and-network',
  });
  const result = (data ?? previousData)?.workRecords;
  const reset = paged.reset;
  const kind = Form.useWatch('kind', form);
  const saved = () => {
    void message.success(t('common.saved'));
    setEditing(null);
    void refetch();
    onChanged();
  };
  const current = editing && editing !== 'new' ? editing : null;

  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 16 }} gap={8} wrap>
        <Space wrap>
          <Input.Search allowClear placeholder={t('workRecords.searchPlaceholder')} value={search} onChange={(event) => { setSearch(event.target.value); reset(); }} style={{ width: 220 }} aria-label={t('workRecords.searchPlaceholder')} />
          <Select mode="multiple" allowClear placeholder={t('workRecords.kind')} value={kinds} onChange={(value) => { setKinds(value); reset(); }} style={{ minWidth: 180 }}
            options={WORK_RECORD_KINDS.map((value) => ({ value, label: t(`enums.workRecordKind.${value}`) }))} aria-label={t('workRecords.kind')} data-testid="work-kind-filter" />
          <Select allowClear placeholder={t('workRecords.outcome')} value={outcome} onChange={(value) => { setOutcome(value); reset(); }} style={{ width: 140 }}
            options={WORK_RECORD_OUTCOMES.map((value) => ({ value, label: t(`enums.workRecordOutcome.${value}`) }))} aria-label={t('workRecords.outcome')} />
          <Select value={sort} onChange={(value) => { setSort(value); reset(); }} style={{ width: 150 }} options={SORTS.map((value) => ({ value, label: t(`workRecords.sorts.${value}`) }))} aria-label={t('workRecords.sort')} />
        </Space>
        <Space wrap>
          <ExportButton kind="work-records" filter={filter} testId="export-work-records" />
          {canEdit ? <Button type="primary" onClick={() => setEditing('new')} data-testid="add-work-record">{t('workRecords.add')}</Button> : null}
        </Space>
      </Flex>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<WorkRecordFieldsFragment>
        rowKey="id"
        size="middle"
        dataSource={result?.items ?? []}
        {...paged.tableProps({ total: result?.total ?? 0, loading, emptyText: t('workRecords.empty') })}
        scroll={{ x: 1000 }}
        data-testid="work-records-table"
        columns={[
          { key: 'recordedOn', title: t('workRecords.recordedOn'), render: (_value, record) => (record.precision === 'MONTH' ? record.recordedOn.slice(0, 7) : record.recordedOn) },
          { key: 'coordinator', title: t('workRecords.coordinator'), render: (_value, record) => (record.coordinator ? <Link to={`/coordinators/${record.coordinator.id}`}>{record.coordinator.name}</Link> : t('workRecords.movedAway')) },
          { key: 'kind', title: t('workRecords.kind'), render: (_value, record) => t(`enums.workRecordKind.${record.kind}`) },
          { key: 'count', title: t('workRecords.count'), dataIndex: 'count', align: 'right' },
          { key: 'outcome', title: t('workRecords.outcome'), render: (_value, record) => (record.outcome ? <Tag color={record.outcome === 'MEDIATED' ? 'green' : 'default'}>{t(`enums.workRecordOutcome.${record.outcome}`)}</Tag> : null) },
          { key: 'enterprise', title: t('workRecords.enterprise'), render: (_value, record) => record.enterprise?.name ?? '' },
          { key: 'region', title: t('workRecords.region'), render: (_value, record) => record.region?.name ?? record.regionCode },
          { key: 'description', title: t('workRecords.description'), dataIndex: 'description', ellipsis: true },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_value, record) =>
              canEdit && record.coordinator ? (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing(record)}>{t('common.edit')}</Button>
                  <Popconfirm title={t('workRecords.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')}
                    onConfirm={async () => {
                      await remove({ variables: { id: record.id, version: record.version } });
                      saved();
                    }}>
                    <Button size="small" danger>{t('common.delete')}</Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      <FormModal<RecordValues>
        title={current ? t('workRecords.editTitle') : t('workRecords.addTitle')}
        open={editing !== null}
        form={form}
        fields={FIELDS}
        initialValues={
          current
            ? { coordinatorId: current.coordinatorId, kind: current.kind, count: current.count, recordedOn: current.recordedOn, precision: current.precision, enterpriseId: current.enterpriseId, outcome: current.outcome, description: current.description }
            : { kind: 'DISPUTE_MEDIATED', count: 1, precision: 'DAY', recordedOn: todayIsoDate() }
        }
        saving={createState.loading || updateState.loading}
        onCancel={() => setEditing(null)}
        onReload={() => { setEditing(null); void refetch(); }}
        onSave={async (values) => {
          const fields = {
            kind: values.kind,
            count: values.count ?? 1,
            recordedOn: values.recordedOn ?? '',
            precision: values.precision,
            enterpriseId: values.enterpriseId || null,
            outcome: values.kind === 'DISPUTE_MEDIATED' ? (values.outcome ?? null) : null,
            description: values.description?.trim() || null,
          };
          if (current) await update({ variables: { input: { id: current.id, version: current.version, ...fields } } });
          else await create({ variables: { input: { coordinatorId: values.coordinatorId ?? '', ...fields } } });
          saved();
        }}
      >
        {current ? (
          <Form.Item label={t('workRecords.coordinator')}>
            <Input disabled value={current.coordinator?.name ?? ''} />
          </Form.Item>
        ) : (
          <Form.Item name="coordinatorId" label={t('workRecords.coordinator')} rules={[requiredRule(t, 'workRecords.coordinator')]}>
            <CoordinatorSelect placeholder={t('workRecords.coordinatorPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('workRecords.kind')} rules={[requiredRule(t, 'workRecords.kind')]}>
          <Select options={WORK_RECORD_KINDS.map((value) => ({ value, label: t(`enums.workRecordKind.${value}`) }))} />
        </Form.Item>
        <Space size={16} align="start" wrap>
          <Form.Item name="count" label={t('workRecords.count')} rules={[requiredRule(t, 'workRecords.count')]} extra={t('workRecords.countHelp')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="recordedOn" label={t('workRecords.recordedOn')} rules={[requiredRule(t, 'workRecords.recordedOn')]}>
            <IsoDatePicker placeholder={t('common.datePlaceholder')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="precision" label={t('workRecords.precision')}>
            <Radio.Group optionType="button" options={(['DAY', 'MONTH'] as const).map((value) => ({ value, label: t(`enums.workRecordPrecision.${value}`) }))} />
          </Form.Item>
        </Space>
        {kind === 'DISPUTE_MEDIATED' ? (
          <Form.Item name="outcome" label={t('workRecords.outcome')}>
            <Select allowClear options={WORK_RECORD_OUTCOMES.map((value) => ({ value, label: t(`enums.workRecordOutcome.${value}`) }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="enterpriseId" label={t('workRecords.enterprise')}>
          <EnterpriseSelect initial={current?.enterprise ?? null} />
        </Form.Item>
        <Form.Item name="description" label={t('workRecords.description')} rules={[maxLengthRule(t, 1000)]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
