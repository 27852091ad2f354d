import type { DashboardOverviewQuery } from '@registry/graphql-client';
import { Typography } from 'antd';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { percent } from '../utils/figures';
import { ChartCard } from './ChartCard';

type AwardYear = DashboardOverviewQuery['awardFigures'][number];
const TIERS = ['GOLD', 'SILVER', 'BRONZE'] as const;

function tierOf(year: AwardYear, tier: string) {
  return year.tiers.find((entry) => entry.tier === tier) ?? { nominees: 0, named: 0, quota: 0, namedNonPublic: 0, namedSmallMedium: 0 };
}

/** Nominees and named per tier per year against the quota and the 100-gold target (三(二)). */
export function AwardsChart({ awards, loading }: { awards: readonly AwardYear[]; loading: boolean }) {
  const { t } = useTranslation();
  const rows = awards.map((year) => ({
    year: year.year,
    goldTarget: year.goldTarget,
    ...Object.fromEntries(TIERS.flatMap((tier) => [[`${tier}_named`, tierOf(year, tier).named], [`${tier}_nominees`, tierOf(year, tier).nominees], [`${tier}_quota`, tierOf(year, tier).quota]])),
  }));
  const colors: Record<string, string> = { GOLD: '#d4b106', SILVER: '#8c8c8c', BRONZE: '#ad6800' };
  const columns = [
    { title: t('dashboard.year'), value: (row: AwardYear) => row.year },
    ...TIERS.flatMap((tier) => [
      { title: `${t(`dashboard.awards.tiers.${tier}`)} ${t('dashboard.awards.nominees')}`, value: (row: AwardYear) => tierOf(row, tier).nominees },
      { title: `${t(`dashboard.awards.tiers.${tier}`)} ${t('dashboard.awards.named')}`, value: (row: AwardYear) => tierOf(row, tier).named },
      { title: `${t(`dashboard.awards.tiers.${tier}`)} ${t('dashboard.awards.quota')}`, value: (row: AwardYear) => tierOf(row, tier).quota },
    ]),
    { title: t('dashboard.awards.goldTarget'), value: (row: AwardYear) => row.goldTarget ?? '' },
    { title: t('dashboard.awards.nonPublicShare'), value: (row: AwardYear) => percent(row.nonPublicShare) },
    { title: t('dashboard.awards.smallMediumShare'), value: (row: AwardYear) => percent(row.smallMediumShare) },
  ];
  const latest = awards[awards.length - 1];
  return (
    <ChartCard title={t('dashboard.awards.title')} exportName="awards" columns={columns} rows={awards} chart loading={loading} empty={awards.length === 0} testId="chart-awards">
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={rows} margin={{ top: 8, right: 24, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {TIERS.map((tier) => (
            <Bar key={tier} dataKey={`${tier}_named`} name={`${t(`dashboard.awards.tiers.${tier}`)} ${t('dashboard.awards.named')}`} fill={colors[tier]} isAnimationActive={false} />
          ))}
          <Bar dataKey="GOLD_nominees" name={`${t('dashboard.awards.tiers.GOLD')} ${t('dashboard.awards.nominees')}`} fill="#fff1b8" stroke="#d4b106" isAnimationActive={false} />
          <Line dataKey="GOLD_quota" name={`${t('dashboard.awards.tiers.GOLD')} ${t('dashboard.awards.quota')}`} stroke="#1677ff" isAnimationActive={false} />
          <Line dataKey="goldTarget" name={t('dashboard.awards.goldTarget')} stroke="#ff4d4f" strokeDasharray="6 4" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      {latest ? (
        <Typography.Text type="secondary">
          {t('dashboard.awards.shares', { year: latest.year, nonPublic: percent(latest.nonPublicShare), smallMedium: percent(latest.smallMediumShare) })}
        </Typography.Text>
      ) : null}
    </ChartCard>
  );
}
