import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth, useCanEdit } from '../../app/auth/AuthContext';
import { FullPageSpin } from '../../app/components/FullPageSpin';
import { QueryError } from '../../app/components/QueryError';
import { useCampaignYear } from '../hooks/useCampaignYear';
import { CampaignSetupTab } from './CampaignSetupTab';
import { DecisionTab } from './DecisionTab';
import { NominationListTab } from './NominationListTab';
import { ReviewQueueTab } from './ReviewQueueTab';

/** /awards: the yearly campaign — nominations, each office's review queue, the province's decision, setup. */
export default function AwardsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const canEdit = useCanEdit();
  const [params, setParams] = useSearchParams();
  const { campaigns, campaign, setYear, loading, error, refetch } = useCampaignYear();
  const province = me?.role === 'PROVINCE_ADMIN';
  const reviewer = me?.role === 'PROVINCE_ADMIN' || me?.role === 'CITY_OFFICE' || me?.role === 'COUNTY_OFFICE';

  if (loading && campaigns.length === 0) return <FullPageSpin />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} fullPage />;

  const tab = params.get('tab') ?? 'nominations';
  const items = [
    campaign ? { key: 'nominations', label: t('awards.tabs.nominations'), children: <NominationListTab campaign={campaign} /> } : null,
    campaign && reviewer ? { key: 'review', label: t('awards.tabs.review'), children: <ReviewQueueTab campaign={campaign} /> } : null,
    campaign && province ? { key: 'decision', label: t('awards.tabs.decision'), children: <DecisionTab campaign={campaign} onChanged={() => void refetch()} /> } : null,
    province ? { key: 'setup', label: t('awards.tabs.setup'), children: <CampaignSetupTab campaign={campaign} onSaved={(year) => { void refetch(); setYear(year); }} /> } : null,
  ].filter((item): item is NonNullable<typeof item> => item !== null);

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('awards.title')}
          </Typography.Title>
          {campaigns.length > 0 ? (
            <Select
              aria-label={t('awards.campaign.year')}
              value={campaign?.year}
              onChange={setYear}
              options={campaigns.map((item) => ({ value: item.year, label: t('awards.campaign.yearLabel', { year: item.year }) }))}
              style={{ width: 140 }}
            />
          ) : null}
          {campaign ? (
            <Typography.Text type="secondary">
              {t('awards.campaign.summary', { start: campaign.submissionStart, end: campaign.submissionEnd, reference: campaign.referenceDate, gold: campaign.goldTarget })}
            </Typography.Text>
          ) : null}
        </Space>
        {campaign && canEdit && !campaign.publishedAt ? (
          <Link to={`/awards/nominations/new?year=${campaign.year}`}>
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-nomination">
              {t('awards.nominate')}
            </Button>
          </Link>
        ) : null}
      </Flex>
      {items.length === 0 ? (
        <Empty description={t('awards.campaign.none')} />
      ) : (
        <Tabs
          activeKey={items.some((item) => item.key === tab) ? tab : items[0].key}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            next.set('tab', key);
            setParams(next, { replace: true });
          }}
          items={items}
        />
      )}
    </Card>
  );
}
