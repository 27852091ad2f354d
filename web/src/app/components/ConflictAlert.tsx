import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** Optimistic locking lost: somebody saved first. Reloading brings their version in. */
export function ConflictAlert({ onReload, message }: { onReload: () => void; message?: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      message={t('common.conflictTitle')}
      description={
        <>
          <div>{t('common.conflictText')}</div>
          {message ? <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 4 }}>{message}</div> : null}
        </>
      }
      action={
        <Button icon={<ReloadOutlined />} onClick={onReload}>
          {t('common.reload')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
