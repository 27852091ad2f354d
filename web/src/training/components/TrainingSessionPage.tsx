import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  EnrollTrainingParticipantsDocument,
  RecordTrainingResultDocument,
  TrainingSessionDocument,
  UpdateTrainingSessionDocument,
  type TrainingParticipationFieldsFragment,
  type TrainingResult,
} from '@registry/graphql-client';
import { App as AntApp, Button, Card, Descriptions, Empty, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { IsoDatePicker } from '../../app/components/IsoDatePicker';
import { MissingRecord } from '../../app/components/MissingRecord';
import { useActionErrors } from '../../app/hooks/useActionErrors';
import { maxLengthRule } from '../../app/utils/form-rules';
import { CoordinatorMultiSelect } from '../../studios/components/LinkedRecordSelect';
import { FormModal } from './FormModal';
import { SESSION_FIELDS, SessionFormFields, toSessionInput, type SessionFormValues } from './TrainingSessionsTab';

const RESULT_COLORS: Record<TrainingResult, string> = { ENROLLED: 'blue', ATTENDED: 'cyan', PASSED: 'green', FAILED: 'red' };

interface ResultValues {
  result: TrainingResult;
  completedOn?: string | null;
  hours?: number | null;
  certificateLevel?: number | null;
  certificateNumber?: string | null;
}

export default function TrainingSessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const { message } = AntApp.useApp();
  const query = useQuery(TrainingSessionDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [enroll, enrollState] = useMutation(EnrollTrainingParticipantsDocument);
  const [recordResult, recordState] = useMutation(RecordTrainingResultDocument);
  const [updateSession, updateState] = useMutation(UpdateTrainingSessionDocument);
  const { conflictAlert, fail } = useActionErrors(() => void query.refetch());
  const [selected, setSelected] = useState<string[]>([]);
  const [recording, setRecording] = useState<TrainingParticipationFieldsFragment | null>(null);
  const [editing, setEditing] = useState(false);
  const [resultForm] = Form.useForm<ResultValues>();
  const [sessionForm] = Form.useForm<SessionFormValues>();
  const result = Form.useWatch('result', resultForm);

  const session = query.data?.trainingSession;
  if (!session) return <MissingRecord query={query} backTo="/training?tab=sessions" backLabel={t('nav.training')} />;

  const enrollSelected = async () => {
    try {
      const enrolled = await enroll({ variables: { input: { sessionId: session.id, coordinatorIds: selected } } });
      void message.success(t('training.participants.enrolled', { count: enrolled.data?.enrollTrainingParticipants.length ?? 0 }));
      setSelected([]);
      await query.refetch();
    } catch (enrollError) {
      fail(enrollError);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {conflictAlert}
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          <Space align="center" wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {session.title}
            </Typography.Title>
            <Tag>{t(`training.modes.${session.mode}`)}</Tag>
          </Space>
          {canEdit ? <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button> : null}
        </Flex>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, lg: 3 }}>
          <Descriptions.Item label={t('training.session.provider')}>{session.provider?.name}</Descriptions.Item>
          <Descriptions.Item label={t('training.session.dates')}>{`${session.startsOn} – ${session.endsOn}`}</Descriptions.Item>
          <Descriptions.Item label={t('training.session.hours')}>{session.hours}</Descriptions.Item>
          <Descriptions.Item label={t('training.session.targetLevel')}>
            {session.targetLevel ? t(`enums.certificateLevel.${session.targetLevel}`) : t('training.continuingEducation')}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.session.region')}>{session.region?.name ?? session.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('training.session.passed')}>{`${session.passedCount} / ${session.participantCount}`}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={`${t('training.participants.title')}（${session.participantCount}）`}>
        {canEdit ? (
          <Flex gap={8} style={{ marginBottom: 12 }}>
            <div style={{ flex: 1 }} data-testid="enroll-select">
              <CoordinatorMultiSelect value={selected} onChange={setSelected} initial={[]} placeholder={t('training.participants.enrollPlaceholder')} />
            </div>
            <Button type="primary" disabled={selected.length === 0} loading={enrollState.loading} onClick={() => void enrollSelected()}>
              {t('training.participants.enroll')}
            </Button>
          </Flex>
        ) : null}
        <Table<TrainingParticipationFieldsFragment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={session.participants}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.participants.empty')} /> }}
          columns={[
            { key: 'name', title: t('training.participants.name'), render: (_value, row) => (row.coordinator ? <Link to={`/coordinators/${row.coordinator.id}`}>{row.coordinator.name}</Link> : '') },
            { key: 'region', title: t('training.participants.region'), render: (_value, row) => row.coordinator?.region?.name ?? row.coordinator?.region?.code ?? '' },
            { key: 'result', title: t('training.participants.result'), render: (_value, row) => <Tag color={RESULT_COLORS[row.result]}>{t(`training.results.${row.result}`)}</Tag> },
            { key: 'hours', title: t('training.participants.hours'), dataIndex: 'hours', align: 'right' },
            { key: 'completedOn', title: t('training.participants.completedOn'), dataIndex: 'completedOn' },
            {
              key: 'certificate',
              title: t('training.participants.certificate'),
              render: (_value, row) => (row.certificateLevel ? `${t(`enums.certificateLevel.${row.certificateLevel}`)} ${row.certificateNumber ?? ''}` : ''),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_value, row) => (canEdit ? <Button size="small" onClick={() => setRecording(row)}>{t('training.participants.record')}</Button> : null),
            },
          ]}
        />
      </Card>
      <FormModal<ResultValues>
        title={t('training.participants.recordTitle', { name: recording?.coordinator?.name ?? '' })}
        open={recording !== null}
        form={resultForm}
        fields={['result', 'completedOn', 'hours', 'certificateLevel', 'certificateNumber']}
        initialValues={
          recording
            ? {
                result: recording.result === 'ENROLLED' ? 'PASSED' : recording.result,
                completedOn: recording.completedOn ?? session.endsOn,
                hours: recording.hours,
                certificateLevel: recording.certificateLevel ?? session.targetLevel,
                certificateNumber: recording.certificateNumber,
              }
            : undefined
        }
        saving={recordState.loading}
        onCancel={() => setRecording(null)}
        onReload={() => { setRecording(null); void query.refetch(); }}
        onSave={async (values) => {
          const passed = values.result === 'PASSED';
          await recordResult({
            variables: {
              input: {
                id: recording!.id,
                version: recording!.version,
                result: values.result,
                completedOn: values.result === 'ENROLLED' ? null : (values.completedOn ?? null),
                hours: values.hours ?? null,
                certificateLevel: passed ? (values.certificateLevel ?? null) : null,
                certificateNumber: passed && values.certificateLevel ? (values.certificateNumber?.trim() ?? null) : null,
              },
            },
          });
          void message.success(t('common.saved'));
          setRecording(null);
          void query.refetch();
        }}
      >
        <Form.Item name="result" label={t('training.participants.result')}>
          <Select options={(['ENROLLED', 'ATTENDED', 'PASSED', 'FAILED'] as const).map((value) => ({ value, label: t(`training.results.${value}`) }))} />
        </Form.Item>
        {result !== 'ENROLLED' ? (
          <>
            <Form.Item name="completedOn" label={t('training.participants.completedOn')}>
              <IsoDatePicker style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
            </Form.Item>
            <Form.Item name="hours" label={t('training.participants.hours')}>
              <InputNumber min={0} max={2000} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {result === 'PASSED' ? (
          <>
            <Form.Item name="certificateLevel" label={t('training.participants.certificateLevel')} extra={t('training.participants.certificateHelp')}>
              <Select allowClear options={[5, 4, 3, 2, 1].map((level) => ({ value: level, label: t(`enums.certificateLevel.${level}`) }))} />
            </Form.Item>
            <Form.Item name="certificateNumber" label={t('training.participants.certificateNumber')} rules={[maxLengthRule(t, 64)]}>
              <Input maxLength={64} />
            </Form.Item>
          </>
        ) : null}
      </FormModal>
      <FormModal<SessionFormValues>
        title={t('training.session.editTitle')}
        open={editing}
        form={sessionForm}
        fields={SESSION_FIELDS}
        initialValues={{ ...session, providerId: session.provider?.id }}
        saving={updateState.loading}
        onCancel={() => setEditing(false)}
        onReload={() => { setEditing(false); void query.refetch(); }}
        onSave={async (values) => {
          await updateSession({ variables: { input: { ...toSessionInput(values), id: session.id, version: session.version } } });
          void message.success(t('common.saved'));
          setEditing(false);
        }}
      >
        <SessionFormFields form={sessionForm} />
      </FormModal>
    </Space>
  );
}
