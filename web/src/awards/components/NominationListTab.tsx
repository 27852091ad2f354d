import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { auditActorText, JILIN_REGIONS, isWithinScope, regionPath, type NominationState } from '@registry/domain';
import { NominationsDocument, type AwardCampaignFieldsFragment, type AwardTier, type NominationListItemFragment } from '@registry/graphql-client';
import { App as AntApp, Button, Flex, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth/AuthContext';
import { QueryError } from '../../app/components/QueryError';
import { downloadFile, formPaths } from '../utils/download';
import { StateTag, TierTag, TIERS } from './labels';

const STATES: NominationState[] = ['NOMINATED', 'IN_PUBLICITY', 'UNDER_REVIEW', 'RETURNED', 'NAMED', 'NOT_NAMED', 'WITHDRAWN'];
const UNITS = JILIN_REGIONS.filter((region) => region.level === 'UNIT');

export function NominationListTab({ campaign }: { campaign: AwardCampaignFieldsFragment }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const [tier, setTier] = useState<AwardTier | undefined>();
  const [state, setState] = useState<NominationState | undefined>();
  const [page, setPage] = useState({ offset: 0, limit: 20 });
  const { data, previousData, loading, error, refetch } = useQuery(NominationsDocument, {
    variables: { campaignYear: campaign.year, tier, states: state ? [state] : undefined, ...page },
    fetchPolicy: 'cache-and-network',
  });
  const result = (data ?? previousData)?.nominations;
  const scope = me ? regionPath(me.regionCode) : undefined;
  const units = UNITS.filter((unit) => scope && (isWithinScope(unit.path, scope) || isWithinScope(scope, unit.path)));
  const [unit, setUnit] = useState<string | undefined>(units.length === 1 ? units[0].code : undefined);

  const download = (path: string, filename: string) => downloadFile(path, filename).catch((failure: Error) => message.error(failure.message));

  const columns: TableProps<NominationListItemFragment>['columns'] = [
    { key: 'name', title: t('awards.fields.name'), render: (_value, row) => <Link to={`/awards/nominations/${row.id}`}>{row.coordinatorName}</Link> },
    { key: 'tier', title: t('awards.fields.tier'), render: (_value, row) => <Space size={4}><TierTag tier={row.tier} />{row.quotaExempt ? <Tag color="gold">e</Tag> : null}</Space> },
    { key: 'state', title: t('awards.fields.state'), render: (_value, row) => <StateTag state={row.state} /> },
    { key: 'office', title: t('awards.fields.currentOffice'), render: (_value, row) => row.currentOfficeName ?? '—' },
    { key: 'publicity', title: t('awards.fields.publicity'), render: (_value, row) => (row.publicityStart ? `${row.publicityStart} ~ ${row.publicityEnd}` : '—') },
    { key: 'certificate', title: t('awards.fields.certificateNumber'), render: (_value, row) => row.certificateNumber ?? '—' },
    { key: 'nominatedBy', title: t('awards.fields.nominatedBy'), render: (_value, nomination) => auditActorText({ username: nomination.nominatedBy, userDisplayName: nomination.nominatedByName, userRegionName: nomination.nominatedByRegion }) },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Select allowClear placeholder={t('awards.fields.tier')} value={tier} onChange={(value) => { setTier(value); setPage({ ...page, offset: 0 }); }} style={{ width: 120 }}
            options={TIERS.map((value) => ({ value, label: t(`awards.tier.${value}`) }))} />
          <Select allowClear placeholder={t('awards.fields.state')} value={state} onChange={(value) => { setState(value); setPage({ ...page, offset: 0 }); }} style={{ width: 140 }}
            options={STATES.map((value) => ({ value, label: t(`awards.state.${value}`) }))} />
        </Space>
        <Space wrap>
          <Select placeholder={t('awards.summary.unit')} value={unit} onChange={setUnit} style={{ width: 180 }} options={units.map((item) => ({ value: item.code, label: item.name }))} />
          <Button icon={<DownloadOutlined />} disabled={!unit} onClick={() => unit && void download(formPaths.summaryXlsx(campaign.year, unit), `附件3-${campaign.year}-${unit}.xlsx`)}>
            {t('awards.summary.xlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} disabled={!unit} onClick={() => unit && void download(formPaths.summaryPdf(campaign.year, unit), `附件3-${campaign.year}-${unit}.pdf`)}>
            {t('awards.summary.pdf')}
          </Button>
        </Space>
      </Flex>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={result?.items ?? []}
        pagination={{
          current: Math.floor(page.offset / page.limit) + 1,
          pageSize: page.limit,
          total: result?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) => setPage({ offset: (current - 1) * pageSize, limit: pageSize }),
        }}
      />
    </Space>
  );
}
