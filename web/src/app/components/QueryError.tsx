import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { readApiErrors } from '../utils/graphql-errors';

/** A failed load, with the server's reason and a retry button. */
export function QueryError({ error, onRetry, fullPage = false }: { error: unknown; onRetry?: () => void; fullPage?: boolean }) {
  const { t } = useTranslation();
  const errors = readApiErrors(error);
  const description = errors.some((apiError) => apiError.code === 'NETWORK_ERROR')
    ? t('common.networkError')
    : errors.some((apiError) => apiError.code === 'FORBIDDEN')
      ? t('common.forbidden')
      : errors.map((apiError) => apiError.message).join('；');
  const retry = onRetry ? (
    <Button size="small" onClick={onRetry}>
      {t('common.retry')}
    </Button>
  ) : undefined;
  if (fullPage) return <Result status="error" title={t('common.loadFailed')} subTitle={description} extra={retry} />;
  return <Alert type="error" showIcon message={t('common.loadFailed')} description={description} action={retry} style={{ marginBottom: 16 }} />;
}
