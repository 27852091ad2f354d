import { NOMINATION_STATE_LABELS, type NominationState } from '@registry/domain';
import type { AwardTier } from '@registry/graphql-client';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const TIER_COLORS: Record<AwardTier, string> = { GOLD: 'gold', SILVER: 'default', BRONZE: 'orange' };
const STATE_COLORS: Record<NominationState, string> = {
  NOMINATED: 'default',
  IN_PUBLICITY: 'processing',
  UNDER_REVIEW: 'blue',
  RETURNED: 'warning',
  NAMED: 'success',
  NOT_NAMED: 'default',
  WITHDRAWN: 'default',
};

export const TIERS: AwardTier[] = ['GOLD', 'SILVER', 'BRONZE'];

export function TierTag({ tier }: { tier: AwardTier }) {
  const { t } = useTranslation();
  return <Tag color={TIER_COLORS[tier]}>{t(`awards.tier.${tier}`)}</Tag>;
}

export function StateTag({ state }: { state: NominationState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="nomination-state">
      {t(`awards.state.${state}`, { defaultValue: NOMINATION_STATE_LABELS[state] })}
    </Tag>
  );
}
