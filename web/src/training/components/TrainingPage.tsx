import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { SubsidyClaimsTab } from './SubsidyClaimsTab';
import { TrainingFiguresTab } from './TrainingFiguresTab';
import { TrainingHoursTab } from './TrainingHoursTab';
import { TrainingProvidersTab } from './TrainingProvidersTab';
import { TrainingSessionsTab } from './TrainingSessionsTab';

const TABS = ['figures', 'sessions', 'providers', 'subsidies', 'hours'] as const;
type Tab = (typeof TABS)[number];

/** 五 and 六(二) in one place; the tab is kept in the URL (?tab=sessions). */
export default function TrainingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'figures';
  const content: Record<Tab, React.ReactNode> = {
    figures: <TrainingFiguresTab />,
    sessions: <TrainingSessionsTab />,
    providers: <TrainingProvidersTab />,
    subsidies: <SubsidyClaimsTab />,
    hours: <TrainingHoursTab />,
  };
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('training.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={TABS.map((key) => ({ key, label: t(`training.tabs.${key}`), children: content[key] }))}
      />
    </Card>
  );
}
