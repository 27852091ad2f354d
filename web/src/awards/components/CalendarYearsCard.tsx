import { useMutation, useQuery } from '@apollo/client/react';
import { chinaIsoDate } from '@registry/domain';
import { CalendarYearsDocument, ConfirmCalendarYearDocument, UnconfirmCalendarYearDocument } from '@registry/graphql-client';
import { Alert, App as AntApp, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiErrors } from '../../app/utils/graphql-errors';

/**
 * Province only, beside the override table: which years the working-day calendar knows (from
 * the chinese-days package, or entered and confirmed here), and the confirmation of a year
 * entered by hand. A year not entered refuses every working-day count that reaches it.
 */
export function CalendarYearsCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { data, refetch } = useQuery(CalendarYearsDocument, { fetchPolicy: 'cache-and-network' });
  const [confirmYear] = useMutation(ConfirmCalendarYearDocument);
  const [unconfirmYear] = useMutation(UnconfirmCalendarYearDocument);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const fail = (failure: unknown) => message.error(readApiErrors(failure).map((item) => item.message).join('；') || String(failure));
  const years = data?.calendarYears ?? [];
  const packageYears = years.filter((year) => year.source === 'PACKAGE').map((year) => year.year);
  const missing = years.filter((year) => !year.entered);

  return (
    <Card size="small" title={t('awards.calendarYears.title')} data-testid="calendar-years">
      <Typography.Paragraph type="secondary">
        {t('awards.calendarYears.help', { first: Math.min(...packageYears), last: Math.max(...packageYears) })}
      </Typography.Paragraph>
      {missing.map((year) => (
        <Alert key={year.year} type="warning" showIcon message={t('awards.calendarYears.nextYearMissing', { year: year.year })} style={{ marginBottom: 8 }} />
      ))}
      <Table
        size="small"
        rowKey="year"
        pagination={{ pageSize: 5 }}
        dataSource={years}
        columns={[
          { key: 'year', title: t('awards.calendarYears.year'), dataIndex: 'year', width: 80 },
          {
            key: 'status',
            title: t('awards.calendarYears.status'),
            render: (_value, row) =>
              row.source ? <Tag color={row.source === 'PACKAGE' ? 'blue' : 'green'}>{t(`awards.calendarYears.${row.source}`)}</Tag> : <Tag color="red">{t('awards.calendarYears.MISSING')}</Tag>,
          },
          { key: 'holidays', title: t('awards.calendarYears.holidays'), dataIndex: 'holidays', width: 80 },
          { key: 'workdays', title: t('awards.calendarYears.workdays'), dataIndex: 'workdays', width: 100 },
          { key: 'confirmedBy', title: t('awards.calendarYears.confirmedBy'), render: (_value, row) => (row.confirmedBy && row.confirmedAt ? `${row.confirmedBy} ${chinaIsoDate(new Date(row.confirmedAt))}${row.note ? `（${row.note}）` : ''}` : '') },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_value, row) =>
              row.source === 'PACKAGE' ? null : row.source === 'CONFIRMED' ? (
                <Button size="small" onClick={() => unconfirmYear({ variables: { year: row.year } }).then(() => { message.success(t('awards.calendarYears.unconfirmed', { year: row.year })); return refetch(); }).catch(fail)}>
                  {t('awards.calendarYears.unconfirm')}
                </Button>
              ) : (
                <Space>
                  <Input
                    size="small"
                    maxLength={200}
                    style={{ width: 200 }}
                    placeholder={t('awards.calendarYears.notePlaceholder')}
                    value={notes[row.year] ?? ''}
                    onChange={(event) => setNotes({ ...notes, [row.year]: event.target.value })}
                  />
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`confirm-year-${row.year}`}
                    onClick={() =>
                      confirmYear({ variables: { year: row.year, note: notes[row.year] || null } })
                        .then(() => { message.success(t('awards.calendarYears.confirmed', { year: row.year })); return refetch(); })
                        .catch(fail)
                    }
                  >
                    {t('awards.calendarYears.confirm')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
