import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { auditActorText, allowedNominationActions, findRegion, todayIsoDate, type AwardTier, type NominationState } from '@registry/domain';
import {
  DeclareNominationDocument,
  ForwardNominationDocument,
  NominationDocument,
  PublicityWindowDocument,
  RecordObjectionDocument,
  ResolveObjectionDocument,
  ResubmitNominationDocument,
  ReturnNominationDocument,
  StartPublicityDocument,
  WithdrawNominationDocument,
  type NominationDetailFragment,
} from '@registry/graphql-client';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Input, List, Popconfirm, Row, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useAuth, useCanEdit } from '../../app/auth/AuthContext';
import { FullPageSpin } from '../../app/components/FullPageSpin';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { NotFoundResult } from '../../app/components/NotFoundResult';
import { QueryError } from '../../app/components/QueryError';
import { readApiErrors } from '../../app/utils/graphql-errors';
import { downloadFile, formPaths } from '../utils/download';
import { EligibilityVerdictView } from './EligibilityVerdictView';
import { StateTag, TierTag } from './labels';

export default function NominationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(NominationDocument, { variables: { id }, fetchPolicy: 'network-only' });
  if (loading && !data) return <FullPageSpin />;
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} fullPage />;
  if (!data?.nomination) return <NotFoundResult backTo="/awards" backLabel={t('nav.awards')} />;
  return <NominationDetail nomination={data.nomination} />;
}

function NominationDetail({ nomination }: { nomination: NominationDetailFragment }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const canEdit = useCanEdit();
  const { message } = AntApp.useApp();
  const officeName = (code: string | null | undefined) => (code ? (findRegion(code)?.name ?? code) : '');
  const fail = (failure: unknown) => message.error(readApiErrors(failure).map((item) => item.message).join('；') || String(failure));
  const state = nomination.state as NominationState;
  const allowed = canEdit ? allowedNominationActions(state) : [];
  const atMyOffice = state === 'UNDER_REVIEW' && me?.regionCode === nomination.currentOfficeCode;

  const [publicityStart, setPublicityStart] = useState<string | null>(todayIsoDate());
  const window = useQuery(PublicityWindowDocument, { variables: { start: publicityStart ?? '' }, skip: !publicityStart || state !== 'NOMINATED' });
  const [objection, setObjection] = useState({ content: '', objector: '' });
  const [resolution, setResolution] = useState('');
  const [reason, setReason] = useState('');
  const [achievements, setAchievements] = useState(nomination.achievements ?? '');

  const [startPublicity] = useMutation(StartPublicityDocument);
  const [recordObjection] = useMutation(RecordObjectionDocument);
  const [resolveObjection] = useMutation(ResolveObjectionDocument);
  const [declare] = useMutation(DeclareNominationDocument);
  const [forward] = useMutation(ForwardNominationDocument);
  const [returnNomination] = useMutation(ReturnNominationDocument);
  const [resubmit] = useMutation(ResubmitNominationDocument);
  const [withdraw] = useMutation(WithdrawNominationDocument);
  const run = (work: Promise<unknown>, done?: () => void) =>
    work.then(() => {
      message.success(t('common.saved'));
      done?.();
    }, fail);

  const steps = [
    { title: t('awards.steps.nominated') },
    { title: t('awards.steps.publicity') },
    ...nomination.reviewChain.map((code) => ({ title: officeName(code) })),
    { title: t('awards.steps.named') },
  ];
  const current =
    state === 'NOMINATED' ? 0 : state === 'IN_PUBLICITY' ? 1 : state === 'NAMED' || state === 'NOT_NAMED' ? steps.length - 1 : 2 + Math.max(0, nomination.reviewChain.indexOf(nomination.currentOfficeCode ?? ''));
  const downloads = (
    <Space wrap>
      <Button icon={<DownloadOutlined />} onClick={() => void downloadFile(formPaths.nominationPdf(nomination.id), `附件2-${nomination.coordinatorName}.pdf`).catch(fail)}>{t('awards.forms.formPdf')}</Button>
      <Button icon={<DownloadOutlined />} onClick={() => void downloadFile(formPaths.nominationXlsx(nomination.id), `附件2-${nomination.coordinatorName}.xlsx`).catch(fail)}>{t('awards.forms.formXlsx')}</Button>
      {state === 'NAMED' ? (
        <Button type="primary" icon={<DownloadOutlined />} onClick={() => void downloadFile(formPaths.certificate(nomination.id), `证书-${nomination.certificateNumber}.pdf`).catch(fail)}>{t('awards.forms.certificate')}</Button>
      ) : null}
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="nominee-name">{nomination.coordinatorName}</span>
            <TierTag tier={nomination.tier} />
            <StateTag state={state} />
            {nomination.quotaExempt ? <Tag color="gold">{t('awards.eligibility.quotaExempt')}</Tag> : null}
          </Space>
        }
        extra={downloads}
      >
        <Steps size="small" current={current} status={state === 'RETURNED' || state === 'WITHDRAWN' || state === 'NOT_NAMED' ? 'error' : undefined} items={steps} style={{ marginBottom: 16 }} />
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('awards.campaign.year')}>{nomination.campaignYear}</Descriptions.Item>
          <Descriptions.Item label={t('awards.fields.currentOffice')}>{nomination.currentOfficeName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('awards.fields.nominatedBy')}>
            {auditActorText({ username: nomination.nominatedBy, userDisplayName: nomination.nominatedByName, userRegionName: nomination.nominatedByRegion })}
          </Descriptions.Item>
          <Descriptions.Item label={t('awards.fields.publicity')}>{nomination.publicityStart ? `${nomination.publicityStart} ~ ${nomination.publicityEnd}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('awards.fields.certificateNumber')}><span data-testid="certificate-number">{nomination.certificateNumber ?? '—'}</span></Descriptions.Item>
          <Descriptions.Item label={t('awards.fields.achievements')}>{nomination.achievements ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title={t('awards.detail.actions')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {allowed.includes('START_PUBLICITY') ? (
                <Space wrap>
                  <Typography.Text>{t('awards.detail.publicityStart')}</Typography.Text>
                  <IsoDatePicker value={publicityStart} onChange={setPublicityStart} style={{ width: 160 }} data-testid="publicity-start" />
                  {window.data ? <Typography.Text data-testid="publicity-end">{t('awards.detail.publicityEnd', { end: window.data.publicityWindow.end, days: window.data.publicityWindow.workingDays })}</Typography.Text> : null}
                  <Button type="primary" disabled={!publicityStart} data-testid="start-publicity" onClick={() => publicityStart && void run(startPublicity({ variables: { id: nomination.id, start: publicityStart } }))}>
                    {t('awards.actions.START_PUBLICITY')}
                  </Button>
                </Space>
              ) : null}
              {state === 'IN_PUBLICITY' && canEdit ? (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text strong>{t('awards.detail.objectionTitle')}</Typography.Text>
                  <Input placeholder={t('awards.detail.objector')} value={objection.objector} onChange={(event) => setObjection({ ...objection, objector: event.target.value })} />
                  <Input.TextArea rows={2} placeholder={t('awards.detail.objectionContent')} value={objection.content} onChange={(event) => setObjection({ ...objection, content: event.target.value })} />
                  <Button disabled={!objection.content.trim()} onClick={() => void run(recordObjection({ variables: { input: { nominationId: nomination.id, ...objection } } }), () => setObjection({ content: '', objector: '' }))}>
                    {t('awards.detail.recordObjection')}
                  </Button>
                </Space>
              ) : null}
              {allowed.includes('DECLARE') ? (
                <Button type="primary" data-testid="declare" onClick={() => void run(declare({ variables: { id: nomination.id } }))}>
                  {t('awards.actions.DECLARE')}
                </Button>
              ) : null}
              {atMyOffice && me?.role !== 'PROVINCE_ADMIN' ? (
                <Button type="primary" data-testid="forward" onClick={() => void run(forward({ variables: { id: nomination.id, reason: reason || null } }))}>
                  {t('awards.actions.FORWARD')}
                </Button>
              ) : null}
              {atMyOffice || allowed.includes('WITHDRAW') ? (
                <Input.TextArea rows={2} placeholder={t('awards.detail.reason')} value={reason} onChange={(event) => setReason(event.target.value)} />
              ) : null}
              {atMyOffice ? (
                <Button danger disabled={!reason.trim()} onClick={() => void run(returnNomination({ variables: { id: nomination.id, reason } }), () => setReason(''))}>
                  {t('awards.actions.RETURN')}
                </Button>
              ) : null}
              {allowed.includes('RESUBMIT') ? (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input.TextArea rows={3} value={achievements} onChange={(event) => setAchievements(event.target.value)} />
                  <Button type="primary" onClick={() => void run(resubmit({ variables: { id: nomination.id, achievements } }))}>
                    {t('awards.actions.RESUBMIT')}
                  </Button>
                </Space>
              ) : null}
              {allowed.includes('WITHDRAW') ? (
                <Popconfirm title={t('awards.detail.withdrawConfirm')} onConfirm={() => void run(withdraw({ variables: { id: nomination.id, reason: reason || t('awards.detail.withdrawDefault') } }))}>
                  <Button danger>{t('awards.actions.WITHDRAW')}</Button>
                </Popconfirm>
              ) : null}
              {state === 'UNDER_REVIEW' && !atMyOffice ? <Alert type="info" showIcon message={t('awards.detail.waiting', { office: nomination.currentOfficeName ?? '' })} /> : null}
            </Space>
          </Card>
          <Card title={t('awards.detail.objections')} style={{ marginTop: 16 }}>
            <List
              dataSource={nomination.objections}
              locale={{ emptyText: t('common.none') }}
              renderItem={(item) => (
                <List.Item>
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Typography.Text>{`${item.raisedOn} ${item.objector ?? ''}：${item.content}`}</Typography.Text>
                    {item.resolvedAt ? (
                      <Tag color={item.upheld ? 'red' : 'green'}>{`${item.upheld ? t('awards.detail.upheld') : t('awards.detail.dismissed')}：${item.resolution}`}</Tag>
                    ) : canEdit ? (
                      <Space wrap>
                        <Input placeholder={t('awards.detail.resolution')} value={resolution} onChange={(event) => setResolution(event.target.value)} style={{ width: 260 }} />
                        <Button disabled={!resolution.trim()} onClick={() => void run(resolveObjection({ variables: { objectionId: item.id, upheld: false, resolution } }), () => setResolution(''))}>{t('awards.detail.dismiss')}</Button>
                        <Button danger disabled={!resolution.trim()} onClick={() => void run(resolveObjection({ variables: { objectionId: item.id, upheld: true, resolution } }), () => setResolution(''))}>{t('awards.detail.uphold')}</Button>
                      </Space>
                    ) : (
                      <Tag>{t('awards.detail.open')}</Tag>
                    )}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          <Card title={t('awards.detail.history')} style={{ marginTop: 16 }}>
            <Timeline
              items={nomination.events.map((event) => ({
                children: (
                  <Space direction="vertical" size={0}>
                    <Typography.Text>
                      {`${String(event.at).slice(0, 16).replace('T', ' ')} ${event.actorUsername ?? ''} ${t(`awards.actions.${event.action}`, { defaultValue: event.action })}`}
                      {event.toOffice && event.toOffice !== event.fromOffice ? ` → ${officeName(event.toOffice)}` : ''}
                    </Typography.Text>
                    {event.reason ? <Typography.Text type="secondary">{event.reason}</Typography.Text> : null}
                  </Space>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('awards.eligibility.stored')}>
            <EligibilityVerdictView verdict={nomination.eligibility} tier={nomination.tier as AwardTier} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
