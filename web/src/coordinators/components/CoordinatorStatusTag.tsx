import type { CoordinatorStatus } from '@registry/graphql-client';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function CoordinatorStatusTag({ status }: { status: CoordinatorStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === 'ACTIVE' ? 'green' : 'default'}>{t(`enums.coordinatorStatus.${status}`)}</Tag>;
}
