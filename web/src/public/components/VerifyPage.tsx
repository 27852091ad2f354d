import { useQuery } from '@apollo/client/react';
import { CertificateVerificationDocument } from '@registry/graphql-client';
import { Button, Card, Descriptions, Flex, Input, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { readApiErrors } from '../../app/utils/graphql-errors';
import { PublicLayout } from './PublicLayout';

/** The token from what a person pastes: a whole verification link or the token alone. */
function tokenFrom(text: string): string {
  const trimmed = text.trim();
  const match = /\/verify\/([^/?#\s]+)/.exec(trimmed);
  return match ? match[1] : trimmed;
}

/** /verify/:token — the page the certificate's QR code opens: is this certificate real? */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { token } = useParams();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(CertificateVerificationDocument, { variables: { token: token ?? '' }, skip: !token, fetchPolicy: 'network-only' });
  useEffect(() => {
    document.title = t('public.verify.documentTitle');
  }, [t]);
  const verification = data?.certificateVerification;
  const limited = error && readApiErrors(error).some((item) => item.code === 'TOO_MANY_REQUESTS');

  return (
    <PublicLayout>
      <Card>
        {!token ? (
          <Flex vertical gap={12} style={{ maxWidth: 560 }}>
            <span>{t('public.verify.prompt')}</span>
            <Input.Search
              enterButton={t('public.verify.check')}
              placeholder={t('public.verify.placeholder')}
              onSearch={(value) => tokenFrom(value) && navigate(`/verify/${encodeURIComponent(tokenFrom(value))}`)}
            />
          </Flex>
        ) : null}
        {token && loading ? <Spin /> : null}
        {token && error ? (
          <Result status="warning" title={limited ? t('public.verify.tooMany') : t('public.verify.failed')} subTitle={readApiErrors(error).map((item) => item.message).join('；')} />
        ) : null}
        <div data-testid="verification-result">
        {verification?.valid ? (
          <Result
            status="success"
            title={t('public.verify.valid')}
            subTitle={t('public.verify.validHint')}
            extra={
              <Descriptions column={1} bordered size="middle" style={{ maxWidth: 520, margin: '0 auto', textAlign: 'left' }}>
                <Descriptions.Item label={t('public.fields.name')}>{verification.name}</Descriptions.Item>
                <Descriptions.Item label={t('public.fields.title')}>
                  {t('public.verify.titleValue', { year: verification.year, tier: verification.tier ? t(`awards.tier.${verification.tier}`) : '' })}
                </Descriptions.Item>
                <Descriptions.Item label={t('public.fields.certificateNumber')}>{verification.certificateNumber}</Descriptions.Item>
                <Descriptions.Item label={t('public.fields.issuedBy')}>{verification.issuedBy}</Descriptions.Item>
                <Descriptions.Item label={t('public.fields.issuedOn')}>{verification.issuedOn}</Descriptions.Item>
              </Descriptions>
            }
          />
        ) : null}
        {verification && !verification.valid ? (
          <Result
            status={verification.revoked ? 'warning' : 'error'}
            title={verification.revoked ? t('public.verify.revoked') : t('public.verify.unknown')}
            subTitle={verification.revoked ? t('public.verify.revokedHint') : t('public.verify.unknownHint')}
            extra={<Button onClick={() => navigate('/verify')}>{t('public.verify.again')}</Button>}
          />
        ) : null}
        </div>
      </Card>
    </PublicLayout>
  );
}
