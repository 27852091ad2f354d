import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** Same answer for "does not exist" and "outside your jurisdiction", as the server gives. */
export function NotFoundResult({ backTo, backLabel }: { backTo: string; backLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('common.notFoundTitle')}
      subTitle={t('common.notFoundText')}
      extra={
        <Link to={backTo}>
          <Button type="primary">{backLabel ?? t('common.back')}</Button>
        </Link>
      }
    />
  );
}
