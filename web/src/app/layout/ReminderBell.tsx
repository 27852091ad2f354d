import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { RemindersDocument, type RemindersQuery } from '@registry/graphql-client';
import { Badge, Button, Empty, List, Popover, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

type Reminder = RemindersQuery['reminders'][number];

const SEVERITY_COLORS: Record<Reminder['severity'], string> = { URGENT: 'red', WARNING: 'orange', INFO: 'blue' };
/** The reminders are computed from the data: asked again every five minutes and on each page change. */
const POLL_MS = 5 * 60 * 1000;

/** The bell in the header: what the signed-in user must act on, each linking to where to act. */
export function ReminderBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const { data, error, refetch } = useQuery(RemindersDocument, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  useEffect(() => {
    void refetch().catch(() => undefined);
  }, [location.pathname, refetch]);
  const reminders = data?.reminders ?? [];
  const urgent = reminders.filter((reminder) => reminder.severity === 'URGENT').length;
  const text = (reminder: Reminder) =>
    i18n.language.startsWith('zh')
      ? reminder.message
      : t(`reminders.kinds.${reminder.kind}`, { count: reminder.count ?? 0, dueOn: reminder.dueOn ?? '', year: reminder.year ?? '', tier: reminder.tier ? t(`awards.tier.${reminder.tier}`) : '' });

  const content = (
    <div style={{ width: 380, maxHeight: 420, overflowY: 'auto' }} data-testid="reminder-list">
      {error ? (
        <Typography.Text type="danger">{t('reminders.loadFailed')}</Typography.Text>
      ) : reminders.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reminders.none')} />
      ) : (
        <List
          size="small"
          dataSource={reminders}
          renderItem={(reminder) => (
            <List.Item
              key={reminder.key}
              style={{ cursor: 'pointer' }}
              onClick={() => {
                setOpen(false);
                navigate(reminder.link);
              }}
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={SEVERITY_COLORS[reminder.severity]}>{t(`reminders.severity.${reminder.severity}`)}</Tag>
                    <a href={reminder.link} onClick={(event) => event.preventDefault()}>
                      {text(reminder)}
                    </a>
                  </span>
                }
                description={reminder.dueOn ? t('reminders.dueOn', { date: reminder.dueOn }) : null}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover content={content} title={t('reminders.title')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Tooltip title={t('reminders.title')}>
        <Badge count={reminders.length} size="small" color={urgent > 0 ? '#cf1322' : '#d46b08'} offset={[-4, 4]}>
          <Button type="text" icon={<BellOutlined />} aria-label={t('reminders.ariaLabel', { count: reminders.length })} data-testid="reminder-bell" />
        </Badge>
      </Tooltip>
    </Popover>
  );
}
