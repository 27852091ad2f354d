import type { WorkFiguresQuery, WorkFigureRowFieldsFragment } from '@registry/graphql-client';
import { Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { activeChildRows, activeShare } from '../utils/figures';

const dash = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value);

/** The year's figures of a region (六(三)) and one row per child region. */
export function WorkFiguresPanel({ figures, loading }: { figures: WorkFiguresQuery['workFigures'] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const total = figures?.total;
  const share = activeShare(total);
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="work-figures">
        <Col xs={12} md={4}>
          <Statistic title={t('workRecords.figures.disputes')} value={total?.disputesMediated ?? 0} loading={loading && !figures} valueStyle={{ fontSize: 22 }} />
          <Typography.Text type="secondary">{t('workRecords.figures.succeeded', { count: total?.mediationsSucceeded ?? 0 })}</Typography.Text>
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('workRecords.figures.consultations')} value={total?.consultations ?? 0} loading={loading && !figures} valueStyle={{ fontSize: 22 }} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('workRecords.figures.perCoordinator')} value={dash(total?.disputesPerCoordinator)} loading={loading && !figures} valueStyle={{ fontSize: 22 }} />
          <Typography.Text type="secondary">{t('workRecords.figures.perCoordinatorHelp')}</Typography.Text>
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('workRecords.figures.per100')} value={dash(total?.disputesPer100Enterprises)} loading={loading && !figures} valueStyle={{ fontSize: 22 }} />
          <Typography.Text type="secondary">{t('workRecords.figures.per100Help', { count: total?.enterprises ?? 0 })}</Typography.Text>
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('workRecords.figures.active')} value={total?.activeCoordinators ?? 0} suffix={`/ ${total?.coordinators ?? 0}`} loading={loading && !figures} valueStyle={{ fontSize: 22 }} />
          <Typography.Text type="secondary">{share === null ? '' : t('workRecords.figures.activeShare', { share })}</Typography.Text>
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('workRecords.figures.silent')} value={total?.silentCoordinators ?? 0} loading={loading && !figures} valueStyle={{ fontSize: 22, color: (total?.silentCoordinators ?? 0) > 0 ? '#d4380d' : undefined }} />
          <Typography.Text type="secondary">{t('workRecords.figures.silentHelp')}</Typography.Text>
        </Col>
      </Row>
      <Card size="small" title={t('workRecords.figures.byRegion', { year: figures?.year ?? '' })} style={{ marginBottom: 16 }}>
        <Table<WorkFigureRowFieldsFragment>
          rowKey="regionCode"
          size="small"
          pagination={false}
          loading={loading && !figures}
          dataSource={activeChildRows(figures?.children)}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workRecords.figures.noChildren')} /> }}
          scroll={{ x: 900 }}
          columns={[
            { key: 'region', title: t('workRecords.region'), dataIndex: 'regionName' },
            { key: 'disputes', title: t('workRecords.figures.disputes'), dataIndex: 'disputesMediated', align: 'right' },
            { key: 'consultations', title: t('workRecords.figures.consultations'), dataIndex: 'consultations', align: 'right' },
            { key: 'records', title: t('workRecords.figures.records'), dataIndex: 'records', align: 'right' },
            { key: 'coordinators', title: t('workRecords.figures.coordinators'), dataIndex: 'coordinators', align: 'right' },
            { key: 'active', title: t('workRecords.figures.active'), dataIndex: 'activeCoordinators', align: 'right' },
            { key: 'silent', title: t('workRecords.figures.silent'), dataIndex: 'silentCoordinators', align: 'right' },
            { key: 'per', title: t('workRecords.figures.perCoordinator'), dataIndex: 'disputesPerCoordinator', align: 'right', render: dash },
            { key: 'per100', title: t('workRecords.figures.per100'), dataIndex: 'disputesPer100Enterprises', align: 'right', render: dash },
          ]}
        />
      </Card>
    </>
  );
}
