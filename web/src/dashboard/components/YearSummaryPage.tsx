import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { DashboardOverviewDocument } from '@registry/graphql-client';
import { Button, Descriptions, Flex, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/components/QueryError';
import { useRegions } from '../../app/hooks/useRegions';
import { overviewVariables, useDashboardParams } from '../hooks/useDashboardParams';
import { useReportedOverview } from '../hooks/useReportedOverview';
import { percent, sliceDimension } from '../utils/figures';
import { WorkSummarySection } from '../../work-records/components/WorkSummarySection';
import { CoverageProgressChart } from './CoverageProgressChart';
import '../dashboard.css';

const A4_CHART_WIDTH = 680;
const DIMENSIONS = ['CERT_LEVEL', 'EDUCATION', 'AGE_BAND', 'CATEGORY', 'GENDER', 'OWNERSHIP'];

/**
 * 六(五): each region sums up its year by the end of December. The figures, the progress chart
 * and the tables for a region and year, laid out for A4; the browser's print dialog saves it as PDF.
 */
export default function YearSummaryPage() {
  const { t } = useTranslation();
  const [params] = useDashboardParams();
  const { byCode } = useRegions();
  const live = useQuery(DashboardOverviewDocument, { variables: overviewVariables({ ...params, publicOwned: undefined, sizes: [], category: undefined }) });
  // 按上报口径 (reported=true): the closed year's stored figures, so the summary prints as it was reported
  const reported = useReportedOverview(params.region, params.year, Boolean(params.reported));
  const data = reported.merge(live.data);
  const error = live.error ?? reported.error;
  const region = byCode.get(params.region);
  if (error) return <QueryError error={error} onRetry={() => void live.refetch()} fullPage />;
  if (live.loading || reported.loading || !data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const year = data.workforceTrend.years.find((entry) => entry.year === params.year);
  const previous = data.workforceTrend.years.find((entry) => entry.year === params.year - 1);
  const coverage = data.coverage;
  const label = (dimension: string) => (bucket: string) => {
    if (bucket === 'NONE') return t('dashboard.structure.noneGeneric');
    const keys: Record<string, string> = {
      CERT_LEVEL: `enums.certificateLevelShort.${bucket}`,
      EDUCATION: `enums.educationLevel.${bucket}`,
      CATEGORY: `enums.categoryShort.${bucket}`,
      GENDER: `enums.gender.${bucket}`,
      AGE_BAND: `dashboard.structure.buckets.${bucket}`,
      OWNERSHIP: `dashboard.structure.buckets.${bucket}`,
    };
    return t(keys[dimension] ?? bucket);
  };
  return (
    <div className="dashboard year-summary" data-testid="year-summary">
      <Flex justify="space-between" align="center" className="dashboard-no-print" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('dashboard.summary.hint')}</Typography.Text>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('dashboard.summary.print')}
        </Button>
      </Flex>
      <Typography.Title level={2} style={{ textAlign: 'center' }}>
        {t('dashboard.summary.title', { region: region?.name ?? params.region, year: params.year })}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }} type="secondary">
        {t('dashboard.summary.asOf', { date: coverage.asOf })}
        {reported.closedAt ? `　${t('dashboard.reported.summaryNote', { date: new Date(reported.closedAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) })}` : ''}
      </Typography.Paragraph>

      <section className="print-section print-keep">
      <Typography.Title level={4}>{t('dashboard.summary.keyFigures')}</Typography.Title>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('dashboard.trend.active')}>{year?.activeAtYearEnd ?? 0}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.summary.change')}>{year && previous ? year.activeAtYearEnd - previous.activeAtYearEnd : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.trend.joined')}>{year?.joined ?? 0}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.trend.left')}>{year?.left ?? 0}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.figures.largeMediumRate')}>
          {percent(coverage.largeMediumRate)}（{coverage.largeMediumCovered}/{coverage.largeMediumTotal}）
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.figures.socialOrganizationRate')}>
          {percent(coverage.socialOrganizationRate)}（{coverage.socialOrganizationCovered}/{coverage.socialOrganizationTotal}）
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.figures.smallMicroRate')}>
          {percent(coverage.smallMicroRate)}（{coverage.smallMicroCovered}/{coverage.smallMicroTotal}）
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.figures.uncovered')}>{coverage.largeMediumUncovered}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.progress.remaining')}>{data.coverageProgress.remaining}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.trend.newlyCertified')}>{year?.newlyCertified ?? 0}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.trend.trained')}>
          {year?.peopleTrained ?? 0}（{t('dashboard.trend.hours')} {year?.trainingHours ?? 0}）
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.progress.needed')}>{data.coverageProgress.neededPerYear ?? t('dashboard.progress.tooLate')}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.progress.projectedYear')}>{data.coverageProgress.projectedYear ?? t('dashboard.progress.notAtThisPace')}</Descriptions.Item>
      </Descriptions>
      </section>

      {/* a fixed width that fits A4's printable width (186 mm ≈ 700 px), so the printed chart is never cut off */}
      <section className="print-section print-keep print-chart" style={{ marginTop: 16 }}>
        <CoverageProgressChart progress={data.coverageProgress} loading={false} height={260} width={A4_CHART_WIDTH} />
      </section>

      <section className="print-section print-keep" style={{ marginTop: 16 }}>
      <Typography.Title level={4}>
        {t('dashboard.table.title')}
      </Typography.Title>
      <Table
        rowKey={(row) => `${row.regionCode}-${row.own}`}
        size="small"
        pagination={false}
        dataSource={data.distribution}
        columns={[
          { key: 'region', title: t('dashboard.region'), dataIndex: 'regionName' },
          { key: 'coordinators', title: t('dashboard.metrics.coordinators'), dataIndex: 'coordinators', align: 'right' },
          { key: 'lm', title: t('dashboard.table.largeMediumTotal'), dataIndex: 'largeMediumTotal', align: 'right' },
          { key: 'covered', title: t('dashboard.table.largeMediumCovered'), dataIndex: 'largeMediumCovered', align: 'right' },
          { key: 'rate', title: t('dashboard.metrics.largeMediumRate'), align: 'right', render: (_value, row) => percent(row.largeMediumRate) },
          { key: 'perHundred', title: t('dashboard.metrics.perHundredLargeMedium'), align: 'right', render: (_value, row) => row.perHundredLargeMedium?.toFixed(1) ?? '—' },
        ]}
      />
      </section>

      <section className="print-section print-keep" style={{ marginTop: 16 }}>
      <Typography.Title level={4}>
        {t('dashboard.structure.title', { year: params.year })}
      </Typography.Title>
      <div className="year-summary-grid">
        {DIMENSIONS.map((dimension) => (
          <Table
            key={dimension}
            className="print-avoid-break"
            rowKey="bucket"
            size="small"
            pagination={false}
            title={() => <strong>{t(`dashboard.structure.dimensions.${dimension}`)}</strong>}
            dataSource={sliceDimension(data.workforceStructure, dimension, label(dimension))}
            columns={[
              { key: 'label', title: t('dashboard.structure.bucket'), dataIndex: 'label' },
              { key: 'count', title: t('dashboard.structure.count'), dataIndex: 'count', align: 'right' },
              { key: 'share', title: t('dashboard.structure.share'), align: 'right', render: (_value, row) => percent(row.share) },
            ]}
          />
        ))}
      </div>
      </section>
      <WorkSummarySection regionCode={params.region} year={params.year} reported={Boolean(reported.closedAt)} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('dashboard.summary.footnote')}
      </Typography.Paragraph>
    </div>
  );
}
