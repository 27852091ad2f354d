import { useQuery } from '@apollo/client/react';
import { NamedCoordinatorsDocument, NamingDecisionsDocument, type AwardTier } from '@registry/graphql-client';
import { Alert, Card, Empty, Flex, Input, Segmented, Select, Spin, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { readApiErrors } from '../../app/utils/graphql-errors';
import { PublicLayout } from './PublicLayout';

const TIER_COLORS: Record<AwardTier, string> = { GOLD: 'gold', SILVER: 'default', BRONZE: 'orange' };
const PAGE_SIZE = 50;

/** /named?year=&tier=&q=&page=: the named coordinators of a published decision, for anyone. */
export default function NamedListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const decisions = useQuery(NamingDecisionsDocument);
  const years = decisions.data?.namingDecisions ?? [];
  const year = Number(params.get('year')) || years[0]?.year || 0;
  const tier = (params.get('tier') as AwardTier | null) ?? null;
  const search = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useQuery(NamedCoordinatorsDocument, {
    variables: { year, tier, search: search || null, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    skip: !year,
  });
  useEffect(() => {
    document.title = t('public.named.documentTitle', { year: year || '' });
  }, [t, year]);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const failure = decisions.error ?? list.error;
  const decision = list.data?.namedCoordinators.decision;

  return (
    <PublicLayout>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('public.named.title', { year: year || '' })}
          </Typography.Title>
          {years.length > 0 ? (
            <Select
              aria-label={t('public.named.year')}
              value={year}
              style={{ width: 140 }}
              onChange={(value) => update({ year: String(value) })}
              options={years.map((item) => ({ value: item.year, label: t('public.named.yearLabel', { year: item.year }) }))}
            />
          ) : null}
        </Flex>
        {failure ? <Alert type="error" showIcon message={readApiErrors(failure).map((item) => item.message).join('；')} style={{ marginBottom: 12 }} /> : null}
        {decisions.loading && !decisions.data ? <Spin /> : null}
        {decisions.data && years.length === 0 ? <Empty description={t('public.named.none')} /> : null}
        {decision ? (
          <Typography.Paragraph data-testid="decision-summary">
            {t('public.named.decision', {
              document: decision.decisionDocument ?? '',
              date: decision.publishedOn,
              gold: decision.gold,
              silver: decision.silver,
              bronze: decision.bronze,
            })}
            {decision.revoked > 0 ? <Typography.Text type="secondary">{t('public.named.revoked', { count: decision.revoked })}</Typography.Text> : null}
          </Typography.Paragraph>
        ) : null}
        {year ? (
          <>
            <Flex gap={12} wrap style={{ marginBottom: 12 }}>
              <Segmented
                value={tier ?? 'ALL'}
                onChange={(value) => update({ tier: value === 'ALL' ? null : String(value) })}
                options={[
                  { value: 'ALL', label: t('public.named.allTiers') },
                  ...(['GOLD', 'SILVER', 'BRONZE'] as const).map((value) => ({ value, label: t(`awards.tier.${value}`) })),
                ]}
              />
              <Input.Search
                allowClear
                defaultValue={search}
                placeholder={t('public.named.search')}
                style={{ width: 260 }}
                onSearch={(value) => update({ q: value.trim() || null })}
              />
            </Flex>
            <Table
              rowKey="certificateNumber"
              size="middle"
              loading={list.loading}
              dataSource={list.data?.namedCoordinators.items ?? []}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: list.data?.namedCoordinators.total ?? 0,
                showSizeChanger: false,
                showTotal: (total) => t('public.named.total', { total }),
                onChange: (next) => update({ page: String(next) }),
              }}
              columns={[
                { key: 'number', title: t('public.fields.certificateNumber'), dataIndex: 'certificateNumber', width: 140 },
                { key: 'name', title: t('public.fields.name'), dataIndex: 'name', width: 120 },
                { key: 'tier', title: t('public.fields.tier'), width: 90, render: (_value, row) => <Tag color={TIER_COLORS[row.tier]}>{t(`awards.tier.${row.tier}`)}</Tag> },
                { key: 'unit', title: t('public.fields.unit'), dataIndex: 'unit' },
                { key: 'reportingUnit', title: t('public.fields.reportingUnit'), dataIndex: 'reportingUnit', width: 160 },
              ]}
            />
          </>
        ) : null}
      </Card>
    </PublicLayout>
  );
}
