import { useQuery } from '@apollo/client/react';
import { todayIsoDate } from '@registry/domain';
import { TrainingHoursDocument, type TrainingHoursQuery } from '@registry/graphql-client';
import { Form, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RegionTreeSelect } from '../../app/components/RegionTreeSelect';
import { QueryError } from '../../app/components/QueryError';
import { useRegions } from '../../app/hooks/useRegions';
import { usePagedTable } from '../../app/hooks/usePagedTable';

type Row = TrainingHoursQuery['trainingHours']['items'][number];
const THIS_YEAR = Number(todayIsoDate().slice(0, 4));

/** Continuing-education hours per person per year (五(一), 六(二) 继续教育). */
export function TrainingHoursTab() {
  const { t } = useTranslation();
  const { regions } = useRegions();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [year, setYear] = useState(THIS_YEAR);
  const paged = usePagedTable();
  const { data, previousData, loading, error, refetch } = useQuery(TrainingHoursDocument, {
    variables: { year, regionCode: regionCode ?? null, ...paged.window },
  });
  const result = (data ?? previousData)?.trainingHours;
  const regionName = (code: string) => regions.find((region) => region.code === code)?.name ?? code;
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('training.figures.region')}>
          <RegionTreeSelect value={regionCode} onChange={(next) => { setRegionCode(next); paged.reset(); }} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label={t('training.hours.year')}>
          <Select value={year} onChange={(next) => { setYear(next); paged.reset(); }} style={{ width: 110 }}
            options={Array.from({ length: 8 }, (_, index) => THIS_YEAR - index).map((value) => ({ value, label: String(value) }))} />
        </Form.Item>
      </Form>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table<Row>
        rowKey="coordinatorId"
        size="middle"
        dataSource={result?.items ?? []}
        {...paged.tableProps({ total: result?.total ?? 0, loading, emptyText: t('training.hours.empty') })}
        columns={[
          { key: 'name', title: t('training.hours.name'), render: (_value, row) => <Link to={`/coordinators/${row.coordinatorId}`}>{row.name}</Link> },
          { key: 'region', title: t('training.hours.region'), render: (_value, row) => regionName(row.regionCode) },
          { key: 'hours', title: t('training.hours.hours'), dataIndex: 'hours', align: 'right' },
          { key: 'sessions', title: t('training.hours.sessions'), dataIndex: 'sessions', align: 'right' },
        ]}
      />
    </>
  );
}
