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
  // dark enough to read on white (WCAG 3:1 for graphics); nominees in the tier's light tint, quotas as the tier's line
  const colors: Record<string, { named: string; nominees: string; quota: string }> = {
    GOLD: { named: '#ad8b00', nominees: '#ffe58f', quota: '#876800' },
    SILVER: { named: '#595959', nominees: '#d9d9d9', quota: '#434343' },
    BRONZE: { named: '#ad4e00', nominees: '#ffd8bf', quota: '#873800' },
  };
  const tierName = (tier: string, what: 'named' | 'nominees' | 'quota') => `${t(`dashboard.awards.tiers.${tier}`)} ${t(`dashboard.awards.${what}`)}`;
  const columns = [
    { title: t('dashboard.year'), value: (row: AwardYear) => row.year },
    ...TIERS.flatMap((tier) => [
      { title: tierName(tier, 'nominees'), value: (row: AwardYear) => tierOf(row, tier).nominees },
      { title: tierName(tier, 'named'), value: (row: AwardYear) => tierOf(row, tier).named },
      { title: tierName(tier, 'quota'), value: (row: AwardYear) => tierOf(row, tier).quota },
    ]),
    { title: t('dashboard.awards.goldTarget'), value: (row: AwardYear) => row.goldTarget ?? '' },
    { title: t('dashboard.awards.nonPublicShare'), value: (row: AwardYear) => percent(row.nonPublicShare) },
    { title: t('dashboard.awards.smallMediumShare'), value: (row: AwardYear) => percent(row.smallMediumShare) },
  ];
  const latest = awards[awards.length - 1];
  return (
    <ChartCard title={t('dashboard.awards.title')} exportName="awards" columns={columns} rows={awards} chart loading={loading} empty={awards.length === 0} testId="chart-awards">
      <ResponsiveContainer width="100%" height={320}>
        <ComposedChart data={rows} margin={{ top: 8, right: 24, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {TIERS.flatMap((tier) => [
            <Bar key={`${tier}-nominees`} dataKey={`${tier}_nominees`} name={tierName(tier, 'nominees')} fill={colors[tier].nominees} stroke={colors[tier].named} isAnimationActive={false} />,
            <Bar key={`${tier}-named`} dataKey={`${tier}_named`} name={tierName(tier, 'named')} fill={colors[tier].named} isAnimationActive={false} />,
          ])}
          {TIERS.map((tier) => (
            <Line key={`${tier}-quota`} type="linear" dataKey={`${tier}_quota`} name={tierName(tier, 'quota')} stroke={colors[tier].quota} strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          ))}
          <Line type="linear" dataKey="goldTarget" name={t('dashboard.awards.goldTarget')} stroke="#ff4d4f" strokeDasharray="6 4" isAnimationActive={false} />
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
