import type { SizeClass } from '@registry/graphql-client';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<SizeClass, string> = { LARGE: 'volcano', MEDIUM: 'orange', SMALL: 'blue', MICRO: 'default' };

export function SizeClassTag({ sizeClass }: { sizeClass: SizeClass }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[sizeClass]}>{t(`enums.sizeClass.${sizeClass}`)}</Tag>;
}
