import { CheckCircleTwoTone, CloseCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons';
import { attestationLabel, type AwardTier, type EligibilityResult } from '@registry/domain';
import { Alert, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Verdict = Pick<EligibilityResult, 'eligible' | 'quotaExempt' | 'conditions' | 'pendingAttestations'> & {
  serviceYears?: { years: number; months: number } | null;
};

/** 四(一) clause by clause: what holds, what does not and why, and what is still to be attested. */
export function EligibilityVerdictView({ verdict, tier, live = false }: { verdict: Verdict; tier: AwardTier; live?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="eligibility-verdict">
      <Alert
        type={verdict.eligible ? 'success' : 'error'}
        showIcon
        message={
          <Space wrap>
            <span data-testid="eligibility-summary">{verdict.eligible ? t('awards.eligibility.eligible') : t('awards.eligibility.notEligible')}</span>
            {verdict.quotaExempt ? <Tag color="gold">{t('awards.eligibility.quotaExempt')}</Tag> : null}
            {verdict.serviceYears ? (
              <Typography.Text type="secondary">
                {t('awards.eligibility.serviceYears', { years: verdict.serviceYears.years, months: verdict.serviceYears.months })}
              </Typography.Text>
            ) : null}
            {live ? <Typography.Text type="secondary">{t('awards.eligibility.live')}</Typography.Text> : null}
          </Space>
        }
      />
      <List
        size="small"
        bordered
        dataSource={verdict.conditions}
        renderItem={(condition) => (
          <List.Item>
            <Space align="start">
              {condition.met ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
              <Typography.Text strong style={{ minWidth: 96, display: 'inline-block' }}>
                {condition.clause}
              </Typography.Text>
              <Typography.Text type={condition.met ? undefined : 'danger'}>{condition.reason}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {verdict.pendingAttestations.length > 0 ? (
        <Alert
          type="warning"
          icon={<ExclamationCircleTwoTone twoToneColor="#faad14" />}
          showIcon
          message={t('awards.eligibility.pending')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {verdict.pendingAttestations.map((key) => (
                <li key={key}>{attestationLabel(key, tier)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Space>
  );
}
