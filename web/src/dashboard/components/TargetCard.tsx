import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { AddCoverageTargetDocument, type TargetOverviewQuery, TargetOverviewDocument } from '@registry/graphql-client';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/components/QueryError';
import { percent } from '../utils/figures';
import { latestFirst, verdictKind } from '../utils/targets';

type Verdict = TargetOverviewQuery['targetVerdicts'][number];
type VerdictRow = Verdict['region'];

const KIND_COLORS = { met: 'green', notMet: 'red', none: 'default' } as const;

/** 配备目标: the running target's pace and projection, and each finished target's verdict at its end date per region. */
export function TargetCard({ regionCode, canAddTarget }: { regionCode: string; canAddTarget: boolean }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(TargetOverviewDocument, { variables: { regionCode }, fetchPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState(false);
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const running = data?.coverageTargets.find((target) => target.running);
  const progress = data?.coverageProgress;
  return (
    <Card
      title={t('dashboard.targets.title')}
      size="small"
      data-testid="target-card"
      extra={
        canAddTarget ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="target-add">
            {t('dashboard.targets.add')}
          </Button>
        ) : null
      }
    >
      {loading && !data ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
      {data && progress ? (
        running ? (
          <div data-testid="target-running" data-value={running.name}>
            <Typography.Text strong>
              {t('dashboard.targets.running', { name: running.name, endDate: running.endDate, rate: percent(running.rate, 0) })}
            </Typography.Text>
            <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginTop: 8 }}>
              <Descriptions.Item label={t('dashboard.targets.pace')}>
                <span data-testid="target-pace" data-value={progress.pacePerYear ?? ''}>
                  {progress.pacePerYear === null ? '—' : progress.pacePerYear.toFixed(1)}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('dashboard.targets.remaining')}>
                <span data-testid="target-remaining" data-value={progress.remaining}>
                  {progress.remaining}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('dashboard.progress.needed')}>
                {progress.neededPerYear === null ? t('dashboard.progress.tooLate') : progress.neededPerYear}
              </Descriptions.Item>
              <Descriptions.Item label={t('dashboard.targets.projectedYear')}>
                <span data-testid="target-projected-year" data-value={progress.projectedYear ?? ''}>
                  {progress.projectedYear ?? t('dashboard.progress.notAtThisPace')}
                </span>
                {progress.onTrack ? <Tag color="green" style={{ marginLeft: 8 }}>{t('dashboard.progress.onTrack')}</Tag> : null}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.targets.paceNote')}
            </Typography.Text>
          </div>
        ) : (
          <Alert type="warning" showIcon data-testid="target-none-running" message={t('dashboard.targets.noneRunning')} />
        )
      ) : null}
      {data
        ? latestFirst(data.targetVerdicts).map((verdict) => <VerdictBlock key={verdict.target.id} verdict={verdict} />)
        : null}
      {adding ? (
        <AddTargetModal
          onClose={(added) => {
            setAdding(false);
            if (added) void refetch();
          }}
        />
      ) : null}
    </Card>
  );
}

function VerdictTag({ row }: { row: VerdictRow }) {
  const { t } = useTranslation();
  const kind = verdictKind(row);
  return (
    <Tag color={KIND_COLORS[kind]} data-testid={`verdict-${row.regionCode}`} data-value={kind} data-shortfall={row.shortfall}>
      {kind === 'notMet' ? t('dashboard.targets.notMetBy', { shortfall: row.shortfall }) : t(`dashboard.targets.verdict.${kind}`)}
    </Tag>
  );
}

function VerdictBlock({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginTop: 12 }} data-testid={`target-verdict-${verdict.target.name}`} data-year={verdict.year}>
      <Space wrap>
        <Typography.Text strong>
          {t('dashboard.targets.finished', { name: verdict.target.name, endDate: verdict.target.endDate, rate: percent(verdict.target.rate, 0) })}
        </Typography.Text>
        <VerdictTag row={verdict.region} />
        <Typography.Text type="secondary">
          {verdict.region.covered}/{verdict.region.total}（{percent(verdict.region.rate)}）
        </Typography.Text>
        <Tag color={verdict.asReported ? 'blue' : 'default'} data-testid={`verdict-source-${verdict.target.name}`} data-value={verdict.asReported ? 'reported' : 'current'}>
          {verdict.asReported ? t('dashboard.targets.fromClosedYear', { year: verdict.year }) : t('dashboard.targets.fromCurrent', { year: verdict.year })}
        </Tag>
      </Space>
      {verdict.children.length > 0 ? (
        <Table
          style={{ marginTop: 8 }}
          rowKey="regionCode"
          size="small"
          pagination={false}
          scroll={{ y: 260 }}
          dataSource={verdict.children}
          columns={[
            { key: 'region', title: t('dashboard.region'), dataIndex: 'regionName' },
            { key: 'covered', title: t('dashboard.targets.coveredOfTotal'), align: 'right', render: (_value, row: VerdictRow) => `${row.covered}/${row.total}` },
            { key: 'rate', title: t('dashboard.progress.rate'), align: 'right', render: (_value, row: VerdictRow) => percent(row.rate) },
            { key: 'verdict', title: t('dashboard.targets.verdictColumn'), render: (_value, row: VerdictRow) => <VerdictTag row={row} /> },
          ]}
        />
      ) : null}
    </div>
  );
}

interface TargetForm {
  name: string;
  endYear: number;
  ratePercent: number;
  counts: ('LARGE_MEDIUM' | 'SOCIAL_ORGANIZATION')[];
}

function AddTargetModal({ onClose }: { onClose: (added: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TargetForm>();
  const [add, { loading }] = useMutation(AddCoverageTargetDocument);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await add({ variables: { input: { name: values.name, endDate: `${values.endYear}-12-31`, rate: values.ratePercent / 100, counts: values.counts } } });
      void message.success(t('dashboard.targets.added', { name: values.name }));
      onClose(true);
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  return (
    <Modal open title={t('dashboard.targets.addTitle')} onCancel={() => onClose(false)} onOk={() => void submit()} confirmLoading={loading} okText={t('dashboard.targets.save')}>
      <Form form={form} layout="vertical" initialValues={{ name: '十五五', endYear: 2030, ratePercent: 100, counts: ['LARGE_MEDIUM', 'SOCIAL_ORGANIZATION'] }}>
        <Form.Item name="name" label={t('dashboard.targets.name')} rules={[{ required: true, max: 40 }]}>
          <Input data-testid="target-name" />
        </Form.Item>
        <Form.Item name="endYear" label={t('dashboard.targets.endYear')} rules={[{ required: true }]}>
          <InputNumber min={2026} max={2100} precision={0} data-testid="target-end-year" />
        </Form.Item>
        <Form.Item name="ratePercent" label={t('dashboard.targets.rate')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} addonAfter="%" data-testid="target-rate" />
        </Form.Item>
        <Form.Item name="counts" label={t('dashboard.targets.counts')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group
            options={[
              { value: 'LARGE_MEDIUM', label: t('dashboard.targets.units.LARGE_MEDIUM') },
              { value: 'SOCIAL_ORGANIZATION', label: t('dashboard.targets.units.SOCIAL_ORGANIZATION') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
