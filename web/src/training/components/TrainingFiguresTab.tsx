import { useQuery } from '@apollo/client/react';
import { todayIsoDate } from '@registry/domain';
import { TrainingFiguresDocument, type TrainingFiguresQuery } from '@registry/graphql-client';
import { Card, Col, Empty, Form, InputNumber, Row, Select, Statistic, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionTreeSelect } from '../../app/components/RegionTreeSelect';
import { QueryError } from '../../app/components/QueryError';
import { activeSubsidyRows, priorityTrainedShare, trainingYearRows, type TrainingYearRow } from '../utils/figures';

type SubsidyRow = TrainingFiguresQuery['trainingFigures']['subsidies'][number];
const THIS_YEAR = Number(todayIsoDate().slice(0, 4));

export function TrainingFiguresTab() {
  const { t, i18n } = useTranslation();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [year, setYear] = useState(THIS_YEAR);
  const [minIncidents, setMinIncidents] = useState(1);
  const { data, previousData, loading, error, refetch } = useQuery(TrainingFiguresDocument, {
    variables: { regionCode: regionCode ?? null, fromYear: year - 4, toYear: year, minIncidents },
    fetchPolicy: 'cache-and-network',
  });
  const figures = (data ?? previousData)?.trainingFigures;
  const numbers = new Intl.NumberFormat(i18n.language);
  const priority = figures?.priorityGroup;
  const share = priorityTrainedShare(priority);

  const yearColumns: TableProps<TrainingYearRow>['columns'] = [
    { key: 'year', title: t('training.figures.year'), dataIndex: 'year' },
    { key: 'trained', title: t('training.figures.trained'), dataIndex: 'trainedPeople', align: 'right' },
    { key: 'hours', title: t('training.figures.hours'), dataIndex: 'trainingHours', align: 'right', render: (value: number) => numbers.format(value) },
    ...[5, 4, 3, 2, 1].map((level) => ({
      key: `level${level}`,
      title: `${t('training.figures.certified')} · ${t(`enums.certificateLevelShort.${level}`)}`,
      align: 'right' as const,
      render: (_value: unknown, row: TrainingYearRow) => row.levels[`level${level}`] ?? 0,
    })),
  ];
  const subsidyColumns: TableProps<SubsidyRow>['columns'] = [
    { key: 'region', title: t('training.figures.region'), dataIndex: 'regionName' },
    { key: 'kind', title: t('training.figures.kind'), dataIndex: 'kind', render: (kind: string) => t(`enums.subsidyKind.${kind}`) },
    { key: 'granted', title: t('training.figures.granted'), dataIndex: 'granted', align: 'right' },
    { key: 'amount', title: t('training.figures.grantedAmount'), dataIndex: 'grantedAmount', align: 'right', render: (value: number) => numbers.format(value) },
    { key: 'applied', title: t('training.figures.applied'), dataIndex: 'applied', align: 'right' },
    { key: 'refused', title: t('training.figures.refused'), dataIndex: 'refused', align: 'right' },
  ];

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('training.figures.region')}>
          <RegionTreeSelect value={regionCode} onChange={setRegionCode} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label={t('training.figures.year')}>
          <Select value={year} onChange={setYear} style={{ width: 110 }} options={Array.from({ length: 8 }, (_, index) => THIS_YEAR - index).map((value) => ({ value, label: String(value) }))} />
        </Form.Item>
      </Form>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Card size="small" title={t('training.figures.priority')} style={{ marginBottom: 16 }} data-testid="training-priority">
        <Row gutter={16} align="middle">
          <Col xs={12} md={5}>
            <Statistic title={t('training.figures.priorityEnterprises')} value={priority?.enterprises ?? 0} loading={loading && !figures} />
          </Col>
          <Col xs={12} md={5}>
            <Statistic title={t('training.figures.priorityStaff')} value={priority?.staff ?? 0} loading={loading && !figures} />
          </Col>
          <Col xs={12} md={5}>
            <Statistic title={t('training.figures.priorityTrained')} value={priority?.trainedStaff ?? 0} loading={loading && !figures} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('training.figures.priorityRate')} value={share === null ? '—' : `${Math.round(share * 100)}%`} loading={loading && !figures} />
          </Col>
          <Col xs={24} md={5}>
            <Typography.Text type="secondary">{t('training.figures.priorityHelp', { count: minIncidents })}</Typography.Text>
            <InputNumber min={1} max={100} value={minIncidents} onChange={(value) => setMinIncidents(value ?? 1)} style={{ width: 80, marginLeft: 8 }} aria-label={t('training.figures.priorityHelp', { count: minIncidents })} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('training.figures.byYear')} style={{ marginBottom: 16 }}>
        <Table<TrainingYearRow> rowKey="year" size="small" pagination={false} loading={loading && !figures} dataSource={trainingYearRows(figures)} columns={yearColumns} scroll={{ x: 900 }} />
      </Card>
      <Card size="small" title={t('training.figures.subsidies', { year })}>
        <Table<SubsidyRow>
          rowKey={(row) => `${row.regionCode}-${row.kind}`}
          size="small"
          pagination={false}
          loading={loading && !figures}
          dataSource={activeSubsidyRows(figures)}
          columns={subsidyColumns}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.figures.noSubsidies')} /> }}
        />
      </Card>
    </>
  );
}
