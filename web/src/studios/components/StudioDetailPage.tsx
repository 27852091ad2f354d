import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { StudioDocument, type StudioDetailFragment } from '@registry/graphql-client';
import { Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCanEdit } from '../../app/auth/AuthContext';
import { MissingRecord } from '../../app/components/MissingRecord';
import { StudioKindTag, StudioStatusTag } from './StudioTags';

export default function StudioDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const query = useQuery(StudioDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const studio = query.data?.studio;
  if (!studio) return <MissingRecord query={query} backTo="/studios" backLabel={t('nav.studios')} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
          <Space align="center" wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {studio.name}
            </Typography.Title>
            <StudioKindTag kind={studio.kind} />
            <StudioStatusTag status={studio.status} />
          </Space>
          {canEdit ? (
            <Link to={`/studios/${studio.id}/edit`}>
              <Button icon={<EditOutlined />}>{t('common.edit')}</Button>
            </Link>
          ) : null}
        </Flex>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} title={t('studio.sections.basic')}>
          <Descriptions.Item label={t('studio.fields.kind')}>{t(`studio.kinds.${studio.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('studio.fields.hostKind')}>{t(`studio.hostKinds.${studio.hostKind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('studio.fields.host')}>
            {studio.hostEnterprise ? <Link to={`/enterprises/${studio.hostEnterprise.id}`}>{studio.hostEnterprise.name}</Link> : studio.hostPlatformName}
          </Descriptions.Item>
          <Descriptions.Item label={t('studio.fields.region')}>{studio.region?.name ?? studio.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('studio.fields.openedOn')}>{studio.openedOn}</Descriptions.Item>
          <Descriptions.Item label={t('common.updatedAt')}>{new Date(studio.updatedAt).toLocaleString()}</Descriptions.Item>
          {studio.description ? (
            <Descriptions.Item label={t('studio.fields.description')} span={3}>
              {studio.description}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card size="small" title={`${t('studio.sections.staff')}（${studio.coordinatorCount}）`}>
        <Table<StudioDetailFragment['coordinators'][number]>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={studio.coordinators}
          locale={{ emptyText: t('studio.noStaff') }}
          columns={[
            { key: 'name', title: t('coordinator.fields.name'), render: (_value, person) => <Link to={`/coordinators/${person.id}`}>{person.name}</Link> },
            { key: 'region', title: t('studio.fields.region'), render: (_value, person) => person.region?.name ?? '' },
          ]}
        />
      </Card>
      <Card size="small" title={`${t('studio.sections.served')}（${studio.servedEnterpriseCount}）`}>
        <Table<StudioDetailFragment['servedEnterprises'][number]>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={studio.servedEnterprises}
          locale={{ emptyText: t('studio.noServed') }}
          columns={[
            {
              key: 'name',
              title: t('enterprise.fields.name'),
              render: (_value, enterprise) => (
                <Space size={4}>
                  <Link to={`/enterprises/${enterprise.id}`}>{enterprise.name}</Link>
                  {enterprise.id === studio.hostEnterprise?.id ? <Tag>{t('studio.hostServed')}</Tag> : null}
                </Space>
              ),
            },
            { key: 'creditCode', title: t('enterprise.fields.creditCode'), dataIndex: 'creditCode' },
            { key: 'region', title: t('studio.fields.region'), render: (_value, enterprise) => enterprise.region?.name ?? '' },
          ]}
        />
      </Card>
    </Space>
  );
}
