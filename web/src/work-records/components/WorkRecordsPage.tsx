import { useQuery } from '@apollo/client/react';
import { todayIsoDate } from '@registry/domain';
import { WorkFiguresDocument } from '@registry/graphql-client';
import { Card, Form, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { QueryError } from '../../app/components/QueryError';
import { RegionTreeSelect } from '../../app/components/RegionTreeSelect';
import { useRegions } from '../../app/hooks/useRegions';
import { SilentCoordinatorsTab } from './SilentCoordinatorsTab';
import { WorkFiguresPanel } from './WorkFiguresPanel';
import { WorkRecordsTab } from './WorkRecordsTab';

const THIS_YEAR = Number(todayIsoDate().slice(0, 4));
const FIRST_YEAR = 2021;
const TABS = ['records', 'silent'] as const;
type Tab = (typeof TABS)[number];

/** 六(三) 工作情况: the year's figures of a region, the records behind them and the silent coordinators. */
export default function WorkRecordsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'records';
  const [regionCode, setRegionCode] = useState<string | undefined>(params.get('region') ?? undefined);
  const [year, setYear] = useState<number>(Number(params.get('year')) || THIS_YEAR);
  const { byCode } = useRegions();
  const { data, previousData, loading, error, refetch } = useQuery(WorkFiguresDocument, { variables: { regionCode: regionCode ?? null, year }, fetchPolicy: 'cache-and-network' });
  const figures = (data ?? previousData)?.workFigures;
  const regionName = (code: string) => byCode.get(code)?.name ?? code;

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('workRecords.title')}
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('workRecords.region')}>
          <RegionTreeSelect value={regionCode} onChange={setRegionCode} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label={t('workRecords.year')}>
          <Select value={year} onChange={setYear} style={{ width: 110 }} aria-label={t('workRecords.year')} data-testid="work-year"
            options={Array.from({ length: THIS_YEAR - FIRST_YEAR + 1 }, (_, index) => THIS_YEAR - index).map((value) => ({ value, label: String(value) }))} />
        </Form.Item>
        {figures ? <Typography.Text type="secondary">{t('workRecords.asOf', { date: figures.asOf })}</Typography.Text> : null}
      </Form>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <WorkFiguresPanel figures={figures} loading={loading} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={[
          { key: 'records', label: t('workRecords.tabs.records'), children: <WorkRecordsTab regionCode={regionCode} year={year} onChanged={() => void refetch()} /> },
          { key: 'silent', label: t('workRecords.tabs.silent', { count: figures?.total.silentCoordinators ?? 0 }), children: <SilentCoordinatorsTab regionCode={regionCode} year={year} regionName={regionName} /> },
        ]}
      />
    </Card>
  );
}
