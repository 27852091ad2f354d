import { ArrowLeftOutlined, EditOutlined, PrinterOutlined, RollbackOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { CoordinatorDocument, ReactivateCoordinatorDocument } from '@registry/graphql-client';
import { App as AntApp, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { RevealIdNumberButton } from '../../admin/components/RevealIdNumberButton';
import { useCanEdit } from '../../app/auth/AuthContext';
import { MissingRecord } from '../../app/components/MissingRecord';
import { useActionErrors } from '../../app/hooks/useActionErrors';
import { useRegions } from '../../app/hooks/useRegions';
import { recordRegionLabel } from '../../app/utils/region-tree';
import { CoordinatorPrintSheet } from './CoordinatorPrintSheet';
import { CoordinatorStatusTag } from './CoordinatorStatusTag';
import { DeactivateCoordinatorModal } from './DeactivateCoordinatorModal';
import { SubRecordTabs } from './SubRecordTabs';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle';

export default function CoordinatorDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const { modal, message } = AntApp.useApp();
  const query = useQuery(CoordinatorDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [reactivate] = useMutation(ReactivateCoordinatorDocument);
  const [deactivateOpen, setDeactivateOpen] = useState(false);
  const { regions } = useRegions();
  const { conflictAlert, fail } = useActionErrors(() => void query.refetch());

  const coordinator = query.data?.coordinator;
  useDocumentTitle(coordinator?.name);
  if (!coordinator) return <MissingRecord query={query} backTo="/coordinators" backLabel={t('nav.coordinators')} />;

  const confirmReactivate = () =>
    modal.confirm({
      title: t('coordinator.reactivateConfirm', { name: coordinator.name }),
      okText: t('coordinator.reactivate'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await reactivate({ variables: { id: coordinator.id, version: coordinator.version } });
          void message.success(t('coordinator.reactivated'));
        } catch (reactivateError) {
          fail(reactivateError);
        }
      },
    });

  const dash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : value);

  const regionLabel = recordRegionLabel(regions, coordinator.regionCode, coordinator.region?.name);
  return (
    <>
    <CoordinatorPrintSheet coordinator={coordinator} regionLabel={regionLabel} />
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="coordinator-screen">
      {conflictAlert}
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          <Space align="center">
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="coordinator-name">
              {coordinator.name}
            </Typography.Title>
            <CoordinatorStatusTag status={coordinator.status} />
            {coordinator.tripartiteOrGrassroots ? <Tag color="purple">{t(`enums.affiliation.${coordinator.affiliation}`)}</Tag> : null}
          </Space>
          <Space>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-coordinator">
            {t('coordinator.print.button')}
          </Button>
          {canEdit ? (
            <Space>
              <Link to={`/coordinators/${coordinator.id}/edit`}>
                <Button icon={<EditOutlined />}>{t('common.edit')}</Button>
              </Link>
              {coordinator.status === 'ACTIVE' ? (
                <Button danger icon={<UserDeleteOutlined />} onClick={() => setDeactivateOpen(true)}>
                  {t('coordinator.deactivate')}
                </Button>
              ) : (
                <Button icon={<RollbackOutlined />} onClick={confirmReactivate}>
                  {t('coordinator.reactivate')}
                </Button>
              )}
            </Space>
          ) : null}
          </Space>
        </Flex>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} title={t('coordinator.sections.basic')}>
          <Descriptions.Item label={t('coordinator.fields.name')}>{coordinator.name}</Descriptions.Item>
          <Descriptions.Item label={t('coordinator.fields.gender')}>{t(`enums.gender.${coordinator.gender}`)}</Descriptions.Item>
          <Descriptions.Item label={t('coordinator.fields.birthDate')}>
            {coordinator.birthDate} · {t('coordinator.fields.age')} {coordinator.age}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordinator.fields.idNumber')}>
            <Space size={0} wrap={false}>
              <Typography.Text code data-testid="masked-id-number" style={{ whiteSpace: 'nowrap' }}>
                {coordinator.idNumber}
              </Typography.Text>
              <RevealIdNumberButton coordinatorId={coordinator.id} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('coordinator.fields.phone')}>{dash(coordinator.phone)}</Descriptions.Item>
          <Descriptions.Item label={t('coordinator.fields.category')}>{t(`enums.category.${coordinator.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t('coordinator.fields.affiliation')}>{t(`enums.affiliation.${coordinator.affiliation}`)}</Descriptions.Item>
          <Descriptions.Item label={t('coordinator.fields.enterprise')}>
            {coordinator.enterprise ? (
              <Space size={4}>
                <Link to={`/enterprises/${coordinator.enterprise.id}`}>{coordinator.enterprise.name}</Link>
                <Tag>{t(`enums.sizeClass.${coordinator.enterprise.sizeClass}`)}</Tag>
              </Space>
            ) : (
              dash(coordinator.unitName)
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('coordinator.fields.region')}>{regionLabel}</Descriptions.Item>
          <Descriptions.Item label={t('coordinator.fields.post')}>{dash(coordinator.post)}</Descriptions.Item>
          <Descriptions.Item label={t('coordinator.fields.joinedOn')}>{coordinator.joinedOn}</Descriptions.Item>
          <Descriptions.Item label={t('coordinator.fields.leftOn')}>{dash(coordinator.leftOn)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <SubRecordTabs coordinator={coordinator} />
      </Card>
      {deactivateOpen ? (
        <DeactivateCoordinatorModal
          coordinator={coordinator}
          open={deactivateOpen}
          onClose={() => setDeactivateOpen(false)}
          onReload={() => {
            setDeactivateOpen(false);
            void query.refetch();
          }}
        />
      ) : null}
    </Space>
    </>
  );
}
