import { CopyOutlined, LinkOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { chinaIsoDate } from '@registry/domain';
import { RevokeNamedTitleDocument, type NamedNominationsQuery } from '@registry/graphql-client';
import { App as AntApp, Button, Input, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiErrors } from '../../app/utils/graphql-errors';

type NamedNomination = NamedNominationsQuery['nominations']['items'][number];

/** The verification link of a certificate (the QR code), with copy and open. */
export function VerificationLink({ nomination }: { nomination: NamedNomination }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  if (!nomination.verificationUrl) return null;
  const url = nomination.verificationUrl;
  const path = new URL(url, window.location.origin).pathname;
  return (
    <Space size={4}>
      <Tooltip title={url}>
        <Button
          size="small"
          icon={<CopyOutlined />}
          aria-label={t('awards.certificates.copyLink')}
          onClick={() => void navigator.clipboard?.writeText(url).then(() => message.success(t('awards.certificates.copied')))}
        />
      </Tooltip>
      <Tooltip title={t('awards.certificates.open')}>
        <a href={path} target="_blank" rel="noreferrer" data-testid={`verify-link-${nomination.id}`}>
          <LinkOutlined />
        </a>
      </Tooltip>
    </Space>
  );
}

/** Province only: revoke a named title with a reason (audited), or show the revocation. */
export function RevokeTitle({ nomination, onRevoked }: { nomination: NamedNomination; onRevoked: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [revoke, { loading }] = useMutation(RevokeNamedTitleDocument);
  if (nomination.titleRevocation) {
    const revocation = nomination.titleRevocation;
    return (
      <Tooltip title={t('awards.certificates.revokedBy', { by: revocation.revokedBy ?? '', at: chinaIsoDate(new Date(revocation.revokedAt)), reason: revocation.reason })}>
        <Tag color="red">{t('awards.certificates.revoked')}</Tag>
      </Tooltip>
    );
  }
  return (
    <>
      <Button size="small" danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid={`revoke-${nomination.id}`}>
        {t('awards.certificates.revoke')}
      </Button>
      <Modal
        open={open}
        title={t('awards.certificates.revokeTitle', { name: nomination.coordinatorName })}
        okText={t('awards.certificates.revoke')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading }}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          try {
            await revoke({ variables: { nominationId: nomination.id, reason: reason.trim() } });
            message.success(t('awards.certificates.revokedDone', { name: nomination.coordinatorName }));
            setOpen(false);
            onRevoked();
          } catch (failure) {
            message.error(readApiErrors(failure).map((item) => item.message).join('；') || String(failure));
          }
        }}
      >
        <Typography.Paragraph type="secondary">{t('awards.certificates.revokeHelp')}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} placeholder={t('awards.certificates.revokeReason')} aria-label={t('awards.certificates.revokeReason')} />
      </Modal>
    </>
  );
}
