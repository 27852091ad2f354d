import { useQuery } from '@apollo/client/react';
import { DataQualityDocument } from '@registry/graphql-client';
import { Card, Flex, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

function scoreColor(score: number): string {
  return score >= 90 ? '#389e0d' : score >= 75 ? '#d48806' : '#cf1322';
}

/** The dashboard's data-quality card: the region's score today, its three weakest child regions, and the way to the list. */
export function DataQualityScoreCard({ regionCode }: { regionCode: string }) {
  const { t } = useTranslation();
  const { data, loading } = useQuery(DataQualityDocument, { variables: { regionCode }, fetchPolicy: 'cache-and-network' });
  const report = data?.dataQuality;
  const weakest = (report?.children ?? []).filter((child) => !child.own && child.records > 0).slice(0, 3);
  return (
    <Card title={t('dataQuality.dashboardCard')} loading={loading && !report} size="small" data-testid="data-quality-card" extra={<Link to={`/data-quality?region=${regionCode}`}>{t('dataQuality.dashboardLink')}</Link>}>
      {report ? (
        <Flex gap={24} align="center" wrap>
          <Progress type="circle" percent={report.score} format={(value) => `${value}`} strokeColor={scoreColor(report.score)} size={88} aria-label={t('dataQuality.scoreOf', { region: report.regionName })} />
          <Space direction="vertical" size={2}>
            <Typography.Text>
              {t('dataQuality.records')}：{report.records}　{t('dataQuality.failures')}：{report.failures}
            </Typography.Text>
            {weakest.map((child) => (
              <Typography.Text key={child.regionCode} type="secondary">
                <Link to={`/data-quality?region=${child.regionCode}`}>{child.regionName}</Link> {child.score}
              </Typography.Text>
            ))}
          </Space>
        </Flex>
      ) : null}
    </Card>
  );
}
