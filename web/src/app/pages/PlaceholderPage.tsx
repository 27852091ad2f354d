import { ToolOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stands in for a feature that is not built yet (its menu entry already shows). */
export function PlaceholderPage({ labelKey }: { labelKey: string }) {
  const { t } = useTranslation();
  return <Result icon={<ToolOutlined />} title={t('app.placeholderTitle', { name: t(labelKey) })} subTitle={t('app.placeholderText')} />;
}
