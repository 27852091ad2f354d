import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  ForwardNominationDocument,
  RankNominationsDocument,
  ReturnNominationDocument,
  ReviewQueueDocument,
  type AwardCampaignFieldsFragment,
  type AwardTier,
  type NominationListItemFragment,
} from '@registry/graphql-client';
import { App as AntApp, Button, Input, Modal, Segmented, Space, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../app/components/QueryError';
import { readApiErrors } from '../../app/utils/graphql-errors';
import { TierTag, TIERS } from './labels';

/** Each office's queue: 综合排序 (move up/down, then save), quota used/left, forward or return. */
export function ReviewQueueTab({ campaign }: { campaign: AwardCampaignFieldsFragment }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  // a reminder links here with the tier that has nominations waiting (?tier=SILVER)
  const [params] = useSearchParams();
  const [tier, setTier] = useState<AwardTier>(() => (TIERS as readonly string[]).includes(params.get('tier') ?? '') ? (params.get('tier') as AwardTier) : 'GOLD');
  const { data, loading, error, refetch } = useQuery(ReviewQueueDocument, { variables: { campaignYear: campaign.year, tier }, fetchPolicy: 'network-only' });
  const queue = data?.reviewQueue;
  const [order, setOrder] = useState<NominationListItemFragment[]>([]);
  useEffect(() => setOrder(queue?.items ?? []), [queue]);
  const [rank, ranking] = useMutation(RankNominationsDocument);
  const [forward] = useMutation(ForwardNominationDocument);
  const [returnNomination] = useMutation(ReturnNominationDocument);
  const [returning, setReturning] = useState<NominationListItemFragment | null>(null);
  const [reason, setReason] = useState('');
  const province = queue?.level === 'PROVINCE';

  const fail = (failure: unknown) => message.error(readApiErrors(failure).map((item) => item.message).join('；') || String(failure));
  const move = (index: number, delta: number) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item);
    setOrder(next);
  };
  const saveRanking = async () => {
    try {
      await rank({ variables: { campaignYear: campaign.year, tier, nominationIds: order.map((item) => item.id) } });
      message.success(t('awards.review.ranked'));
      await refetch();
    } catch (failure) {
      fail(failure);
    }
  };
  const doForward = async (row: NominationListItemFragment) => {
    try {
      await forward({ variables: { id: row.id } });
      message.success(t('awards.review.forwarded', { name: row.coordinatorName }));
      await refetch();
    } catch (failure) {
      fail(failure);
    }
  };
  const doReturn = async () => {
    if (!returning) return;
    try {
      await returnNomination({ variables: { id: returning.id, reason } });
      setReturning(null);
      setReason('');
      await refetch();
    } catch (failure) {
      fail(failure);
    }
  };

  const columns: TableProps<NominationListItemFragment>['columns'] = [
    { key: 'rank', title: t('awards.review.rank'), width: 120, render: (_value, _row, index) => (
      <Space>
        <Typography.Text strong>{index + 1}</Typography.Text>
        <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('awards.review.up')} disabled={index === 0} onClick={() => move(index, -1)} />
        <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('awards.review.down')} disabled={index === order.length - 1} onClick={() => move(index, 1)} />
      </Space>
    ) },
    { key: 'name', title: t('awards.fields.name'), render: (_value, row) => <Link to={`/awards/nominations/${row.id}`}>{row.coordinatorName}</Link> },
    { key: 'tier', title: t('awards.fields.tier'), render: (_value, row) => <Space size={4}><TierTag tier={row.tier} />{row.quotaExempt ? <Tag color="gold">{t('awards.eligibility.quotaExempt')}</Tag> : null}</Space> },
    { key: 'unit', title: t('awards.fields.unitName'), render: (_value, row) => row.unitName ?? '—' },
    { key: 'saved', title: t('awards.review.savedRank'), render: (_value, row) => row.rank ?? '—' },
    { key: 'actions', title: t('common.actions'), render: (_value, row) => (
      <Space>
        {province ? null : (
          <Button size="small" type="primary" onClick={() => void doForward(row)} data-testid={`forward-${row.id}`}>
            {t('awards.actions.FORWARD')}
          </Button>
        )}
        <Button size="small" danger onClick={() => setReturning(row)}>
          {t('awards.actions.RETURN')}
        </Button>
      </Space>
    ) },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Segmented value={tier} onChange={(value) => setTier(value as AwardTier)} options={TIERS.map((value) => ({ value, label: t(`awards.tier.${value}`) }))} />
        {queue ? <Typography.Text>{t('awards.review.office', { office: queue.officeName })}</Typography.Text> : null}
        {queue && !province ? (
          <>
            <Statistic title={t('awards.review.places')} value={queue.places ?? t('awards.review.noQuota')} />
            <Statistic title={t('awards.review.used')} value={queue.used} />
            <Statistic title={t('awards.review.left')} value={queue.left ?? '—'} data-testid="quota-left" />
          </>
        ) : null}
      </Space>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <Table rowKey="id" size="middle" loading={loading} columns={columns} dataSource={order} pagination={false} />
      <Button onClick={() => void saveRanking()} loading={ranking.loading} disabled={order.length === 0}>
        {t('awards.review.saveRanking')}
      </Button>
      <Modal
        open={returning !== null}
        title={t('awards.review.returnTitle', { name: returning?.coordinatorName ?? '' })}
        onCancel={() => setReturning(null)}
        onOk={() => void doReturn()}
        okButtonProps={{ disabled: reason.trim() === '', danger: true }}
      >
        <Input.TextArea rows={3} value={reason} onChange={(event) => setReason(event.target.value)} placeholder={t('awards.review.returnReason')} maxLength={1000} />
      </Modal>
    </Space>
  );
}
