import type { StudioKind, StudioStatus } from '@registry/graphql-client';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const KIND_COLORS: Record<StudioKind, string> = { GOLD_STUDIO: 'gold', GUIDANCE_STATION: 'blue' };
const STATUS_COLORS: Record<StudioStatus, string> = { ACTIVE: 'green', SUSPENDED: 'orange', CLOSED: 'default' };

export function StudioKindTag({ kind }: { kind: StudioKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[kind]}>{t(`studio.kindsShort.${kind}`)}</Tag>;
}

export function StudioStatusTag({ status }: { status: StudioStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`studio.statuses.${status}`)}</Tag>;
}
