import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../ExportButton';

export function ExportCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('imports.exportTitle')}>
      <Space wrap>
        <ExportButton kind="coordinators" label={t('imports.exports.coordinators')} />
        <ExportButton kind="enterprises" label={t('imports.exports.enterprises')} />
        <ExportButton kind="uncovered-enterprises" label={t('imports.exports.uncovered')} />
        <ExportButton kind="nominations" label={t('imports.exports.nominations')} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('imports.exportHint')}
      </Typography.Paragraph>
    </Card>
  );
}
