import { GlobalOutlined } from '@ant-design/icons';
import { Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type LanguageCode } from '../i18n';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Space size={4} aria-label={t('app.language')}>
      <GlobalOutlined />
      <Segmented
        size="small"
        value={i18n.language === 'en' ? 'en' : 'zh-CN'}
        options={LANGUAGES.map((language) => ({ label: language.label, value: language.code }))}
        onChange={(value) => changeLanguage(value as LanguageCode)}
      />
    </Space>
  );
}
