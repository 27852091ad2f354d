import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { chinaIsoDate, competitiveSelectionProblem } from '@registry/domain';
import {
  DecideNominationsDocument,
  NominationsDocument,
  PublishNamingDecisionDocument,
  ReviewQueueDocument,
  type AwardCampaignFieldsFragment,
  type AwardTier,
  type NominationListItemFragment,
} from '@registry/graphql-client';
import { Alert, App as AntApp, Button, Checkbox, Input, Popconfirm, Segmented, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../app/components/QueryError';
import { readApiErrors } from '../../app/utils/graphql-errors';
import { downloadFile, formPaths } from '../utils/download';
import { TierTag, TIERS } from './labels';

/** The province: 差额 decision per tier among the candidates, then the published naming decision. */
export function DecisionTab({ campaign, onChanged }: { campaign: AwardCampaignFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [tier, setTier] = useState<AwardTier>('GOLD');
  const queue = useQuery(ReviewQueueDocument, { variables: { campaignYear: campaign.year, tier }, fetchPolicy: 'network-only', skip: Boolean(campaign.publishedAt) });
  const named = useQuery(NominationsDocument, { variables: { campaignYear: campaign.year, tier, states: ['NAMED'], limit: 100 }, fetchPolicy: 'network-only' });
  const candidates = queue.data?.reviewQueue.items ?? [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // The recorded decision preselects the boxes whenever the candidates load again.
  const loaded = queue.data?.reviewQueue.items;
  useEffect(() => setSelected(new Set((loaded ?? []).filter((row) => row.provinceDecision === 'NAME').map((row) => row.id))), [loaded]);
  const [decide, deciding] = useMutation(DecideNominationsDocument);
  const [publish, publishing] = useMutation(PublishNamingDecisionDocument);
  const [documentNumber, setDocumentNumber] = useState('');
  const fail = (failure: unknown) => message.error(readApiErrors(failure).map((item) => item.message).join('；') || String(failure));

  const regular = candidates.filter((row) => !row.quotaExempt);
  const regularSelected = regular.filter((row) => selected.has(row.id)).length;
  const problem = competitiveSelectionProblem(regular.length, regularSelected, t(`awards.tier.${tier}`));

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  const columns: TableProps<NominationListItemFragment>['columns'] = [
    { key: 'named', title: t('awards.decision.name'), width: 80, render: (_value, row) => (
      <Checkbox checked={selected.has(row.id)} onChange={(event) => toggle(row.id, event.target.checked)} data-testid={`name-${row.id}`} />
    ) },
    { key: 'name', title: t('awards.fields.name'), render: (_value, row) => <Link to={`/awards/nominations/${row.id}`}>{row.coordinatorName}</Link> },
    { key: 'tier', title: t('awards.fields.tier'), render: (_value, row) => <Space size={4}><TierTag tier={row.tier} />{row.quotaExempt ? <Tag color="gold">{t('awards.eligibility.quotaExempt')}</Tag> : null}</Space> },
    { key: 'unit', title: t('awards.fields.reportingUnit'), dataIndex: 'reportingUnitCode' },
    { key: 'decision', title: t('awards.decision.recorded'), render: (_value, row) => (row.provinceDecision ? t(`awards.decision.${row.provinceDecision}`) : '—') },
  ];

  if (campaign.publishedAt) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon message={t('awards.decision.published', { document: campaign.decisionDocument ? `${campaign.decisionDocument}，` : '', at: chinaIsoDate(new Date(campaign.publishedAt)) })} />
        <Segmented value={tier} onChange={(value) => setTier(value as AwardTier)} options={TIERS.map((value) => ({ value, label: t(`awards.tier.${value}`) }))} />
        {named.error ? <QueryError error={named.error} onRetry={() => void named.refetch()} /> : null}
        <Table
          rowKey="id"
          size="middle"
          loading={named.loading}
          dataSource={named.data?.nominations.items ?? []}
          pagination={false}
          columns={[
            { key: 'number', title: t('awards.fields.certificateNumber'), dataIndex: 'certificateNumber' },
            { key: 'name', title: t('awards.fields.name'), render: (_value, row) => <Link to={`/awards/nominations/${row.id}`}>{row.coordinatorName}</Link> },
            { key: 'certificate', title: t('awards.forms.certificate'), render: (_value, row) => (
              <Button size="small" icon={<DownloadOutlined />} onClick={() => void downloadFile(formPaths.certificate(row.id), `证书-${row.certificateNumber}.pdf`).catch(fail)}>
                PDF
              </Button>
            ) },
          ]}
        />
      </Space>
    );
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented value={tier} onChange={(value) => setTier(value as AwardTier)} options={TIERS.map((value) => ({ value, label: t(`awards.tier.${value}`) }))} />
      <Typography.Text data-testid="decision-count">
        {t('awards.decision.count', { candidates: regular.length, exempt: candidates.length - regular.length, selected: regularSelected, target: campaign.goldTarget })}
      </Typography.Text>
      {problem ? <Alert type="warning" showIcon message={problem} /> : null}
      <Table rowKey="id" size="middle" loading={queue.loading} columns={columns} dataSource={candidates} pagination={false} />
      <Space wrap>
        <Button
          type="primary"
          disabled={candidates.length === 0 || Boolean(problem)}
          loading={deciding.loading}
          data-testid="decide"
          onClick={async () => {
            try {
              await decide({ variables: { input: { campaignYear: campaign.year, tier, namedIds: [...selected] } } });
              message.success(t('awards.decision.saved'));
              await queue.refetch();
            } catch (failure) {
              fail(failure);
            }
          }}
        >
          {t('awards.decision.decide')}
        </Button>
        <Input placeholder={t('awards.decision.document')} value={documentNumber} onChange={(event) => setDocumentNumber(event.target.value)} style={{ width: 240 }} />
        <Popconfirm
          title={t('awards.decision.publishConfirm')}
          onConfirm={async () => {
            try {
              await publish({ variables: { year: campaign.year, decisionDocument: documentNumber || null } });
              onChanged();
              await named.refetch();
            } catch (failure) {
              fail(failure);
            }
          }}
        >
          <Button danger loading={publishing.loading} data-testid="publish">
            {t('awards.decision.publish')}
          </Button>
        </Popconfirm>
      </Space>
    </Space>
  );
}
