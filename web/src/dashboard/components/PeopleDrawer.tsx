import { useQuery } from '@apollo/client/react';
import { WorkforceCoordinatorsDocument, type WorkforceDimension } from '@registry/graphql-client';
import { Drawer, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../app/components/QueryError';

export interface PeopleSelection {
  dimension: string;
  bucket: string;
  label: string;
}

/** The coordinators counted in one slice of a structure chart: the same number as the slice. */
export function PeopleDrawer({ regionCode, year, selection, onClose }: { regionCode: string; year: number; selection: PeopleSelection | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, previousData, loading, error, refetch } = useQuery(WorkforceCoordinatorsDocument, {
    variables: { regionCode, year, dimension: (selection?.dimension ?? 'TOTAL') as WorkforceDimension, bucket: selection?.bucket ?? null, offset: (page - 1) * 20, limit: 20 },
    skip: !selection,
  });
  const list = (data ?? previousData)?.workforceCoordinators;
  return (
    <Drawer open={Boolean(selection)} onClose={onClose} width={640} destroyOnHidden
      title={selection ? t('dashboard.people.title', { label: selection.label, count: list?.total ?? 0 }) : ''}>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={list?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          {
            key: 'name',
            title: t('dashboard.people.name'),
            // a past year's list includes people who have since left the jurisdiction: their page is not the reader's
            render: (_value, item) => item.outsideJurisdiction
              ? <Tooltip title={t('dashboard.people.movedAwayHint', { year })}><span>{item.name} <Tag>{t('dashboard.people.movedAway')}</Tag></span></Tooltip>
              : <Link to={`/coordinators/${item.id}`}>{item.name}</Link>,
          },
          { key: 'gender', title: t('dashboard.structure.dimensions.GENDER'), render: (_value, item) => t(`enums.gender.${item.gender}`) },
          { key: 'status', title: t('dashboard.people.status'), render: (_value, item) => t(`enums.coordinatorStatus.${item.status}`) },
        ]}
      />
    </Drawer>
  );
}
