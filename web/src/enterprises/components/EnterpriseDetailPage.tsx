import { ArrowLeftOutlined, EditOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { DeactivateEnterpriseDocument, EnterpriseDocument, ReactivateEnterpriseDocument } from '@registry/graphql-client';
import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { MissingRecord } from '../../app/components/MissingRecord';
import { useActionErrors } from '../../app/hooks/useActionErrors';
import { useRegions } from '../../app/hooks/useRegions';
import { recordRegionLabel } from '../../app/utils/region-tree';
import { EnterpriseCoordinators } from './EnterpriseCoordinators';
import { SizeClassTag } from './SizeClassTag';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle';

export default function EnterpriseDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const { modal, message } = AntApp.useApp();
  const query = useQuery(EnterpriseDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [deactivate] = useMutation(DeactivateEnterpriseDocument);
  const [reactivate] = useMutation(ReactivateEnterpriseDocument);
  const { conflictAlert, fail } = useActionErrors(() => void query.refetch());
  const { regions } = useRegions();
  const numberFormat = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);

  const enterprise = query.data?.enterprise;
  useDocumentTitle(enterprise?.name);
  if (!enterprise) return <MissingRecord query={query} backTo="/enterprises" backLabel={t('nav.enterprises')} />;

  const toggleActive = () =>
    modal.confirm({
      title: enterprise.active ? t('enterprise.deactivateConfirm', { name: enterprise.name }) : t('enterprise.reactivate'),
      okText: enterprise.active ? t('enterprise.deactivate') : t('enterprise.reactivate'),
      okButtonProps: { danger: enterprise.active },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const variables = { id: enterprise.id, version: enterprise.version };
          if (enterprise.active) await deactivate({ variables });
          else await reactivate({ variables });
          void message.success(enterprise.active ? t('enterprise.deactivated') : t('enterprise.reactivated'));
        } catch (toggleError) {
          fail(toggleError);
        }
      },
    });

  const money = (value: number | null) => (value === null ? '—' : `${numberFormat.format(value)} ${t('common.tenThousandYuan')}`);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {conflictAlert}
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          <Space align="center" wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {enterprise.name}
            </Typography.Title>
            <SizeClassTag sizeClass={enterprise.sizeClass} />
            {enterprise.active ? null : <Tag>{t('enterprise.activeNo')}</Tag>}
            {enterprise.covered ? <Tag color="green">{t('enterprise.coveredYes')}</Tag> : <Tag color="red">{t('enterprise.coveredNo')}</Tag>}
          </Space>
          {canEdit ? (
            <Space>
              <Link to={`/enterprises/${enterprise.id}/edit`}>
                <Button icon={<EditOutlined />}>{t('common.edit')}</Button>
              </Link>
              <Button danger={enterprise.active} icon={enterprise.active ? <StopOutlined /> : <RollbackOutlined />} onClick={toggleActive}>
                {enterprise.active ? t('enterprise.deactivate') : t('enterprise.reactivate')}
              </Button>
            </Space>
          ) : null}
        </Flex>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} title={t('enterprise.sections.basic')}>
          <Descriptions.Item label={t('enterprise.fields.creditCode')}>
            <Typography.Text code copyable>
              {enterprise.creditCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.region')}>{recordRegionLabel(regions, enterprise.regionCode, enterprise.region?.name)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.industry')}>
            {enterprise.industryCode} {t(`enums.industrySection.${enterprise.industrySection}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.ownership')}>
            {t(enterprise.publicOwned ? 'enterprise.ownership.public' : 'enterprise.ownership.nonPublic')}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.socialOrganization')}>{enterprise.socialOrganization ? t('common.yes') : t('common.no')}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.registeredOn')}>{enterprise.registeredOn}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.employees')}>{numberFormat.format(enterprise.employees)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.revenue')}>{money(enterprise.revenue)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.assets')}>{money(enterprise.assets)}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.fields.sizeClass')} span={3}>
            <Space wrap>
              <SizeClassTag sizeClass={enterprise.sizeClass} />
              {enterprise.sizeOverride ? (
                <Typography.Text type="secondary">
                  {t('enterprise.overridden', { derived: t(`enums.sizeClass.${enterprise.derivedSizeClass}`) })}
                  {enterprise.sizeOverrideReason ? ` — ${t('enterprise.fields.sizeOverrideReason')}：${enterprise.sizeOverrideReason}` : ''}
                </Typography.Text>
              ) : null}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`${t('enterprise.sections.incidents')} (${enterprise.incidents.length})`} size="small">
        {enterprise.incidents.length > 0 ? (
          <Alert type="warning" showIcon message={t('enterprise.incident.blocksNominations')} style={{ marginBottom: 12 }} />
        ) : null}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={enterprise.incidents}
          columns={[
            { key: 'kind', title: t('enterprise.incident.kind'), dataIndex: 'kind' },
            { key: 'occurredOn', title: t('enterprise.incident.occurredOn'), dataIndex: 'occurredOn' },
            { key: 'description', title: t('enterprise.incident.description'), dataIndex: 'description', render: (value: string | null) => value ?? '—' },
          ]}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.incident.empty')} /> }}
        />
      </Card>
      <Card title={`${t('enterprise.sections.coordinators')} (${enterprise.coordinatorCount})`} size="small">
        <EnterpriseCoordinators enterpriseId={enterprise.id} />
      </Card>
    </Space>
  );
}
