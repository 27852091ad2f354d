import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { ClosedYearsDocument, CloseYearDocument, ReopenYearDocument, ReportedDifferenceDocument } from '@registry/graphql-client';
import { Alert, App, Button, Flex, Popconfirm, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 年度数据锁定 on the dashboard: the 按上报口径 switch for a closed year, where the current figures differ, and closing for the province. */
export function YearClosingBar({
  regionCode,
  year,
  currentYear,
  asReported,
  canClose,
  onAsReported,
}: {
  regionCode: string;
  year: number;
  currentYear: number;
  asReported: boolean;
  canClose: boolean;
  onAsReported: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const closedYears = useQuery(ClosedYearsDocument, { fetchPolicy: 'cache-and-network' });
  const closed = closedYears.data?.closedYears.find((entry) => entry.year === year);
  const difference = useQuery(ReportedDifferenceDocument, { variables: { regionCode, year }, skip: !closed, fetchPolicy: 'cache-and-network' });
  const [closeYear, closing] = useMutation(CloseYearDocument);
  const [reopenYear, reopening] = useMutation(ReopenYearDocument);
  const refresh = async () => {
    await closedYears.refetch();
    if (asReported) onAsReported(false);
  };
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
      await refresh();
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  const report = difference.data?.reportedDifference;
  if (!closed && !(canClose && year < currentYear)) return null;
  const changed = report?.changedFigures.map((field) => t(`dashboard.reported.fields.${field}`, { defaultValue: field })).join('、');
  return (
    <div style={{ marginBottom: 12 }} data-testid="year-closing">
      <Flex gap={12} align="center" wrap>
        {closed ? (
          <>
            <Switch checked={asReported} onChange={onAsReported} data-testid="reported-switch" />
            <Typography.Text>{t('dashboard.reported.switch')}</Typography.Text>
            <Typography.Text type="secondary">{t('dashboard.reported.closedOn', { year, date: new Date(closed.closedAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) })}</Typography.Text>
          </>
        ) : null}
        {canClose && !closed ? (
          <Popconfirm title={t('dashboard.reported.closeConfirm', { year })} onConfirm={() => void run(() => closeYear({ variables: { year } }), t('dashboard.reported.closedDone', { year }))}>
            <Button icon={<LockOutlined />} loading={closing.loading} data-testid="close-year">
              {t('dashboard.reported.close', { year })}
            </Button>
          </Popconfirm>
        ) : null}
        {canClose && closed ? (
          <Popconfirm title={t('dashboard.reported.reopenConfirm', { year })} onConfirm={() => void run(() => reopenYear({ variables: { year } }), t('dashboard.reported.reopenedDone', { year }))}>
            <Button size="small" icon={<UnlockOutlined />} loading={reopening.loading} data-testid="reopen-year">
              {t('dashboard.reported.reopen')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
      {closed && asReported ? <Alert style={{ marginTop: 8 }} type="info" showIcon data-testid="reported-note" message={t('dashboard.reported.showing', { year })} /> : null}
      {closed && !asReported && report?.differs ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          data-testid="reported-difference"
          data-value={report.changedRecords}
          message={t('dashboard.reported.differs', { figures: changed, count: report.changedRecords })}
          description={report.changedFigures
            .map((field) => {
              const key = field as keyof typeof report.reported;
              return `${t(`dashboard.reported.fields.${field}`, { defaultValue: field })}：${String(report.reported[key])} → ${String(report.current[key])}`;
            })
            .join('；')}
        />
      ) : null}
    </div>
  );
}
