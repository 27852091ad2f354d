import type { CoordinatorDetailFragment } from '@registry/graphql-client';
import { Badge, Empty, Space, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubRecordList } from '../utils/form-values';

type Lists = Pick<CoordinatorDetailFragment, SubRecordList>;

const KINDS: SubRecordList[] = ['certificates', 'educations', 'workPeriods', 'trainings', 'honors', 'disciplinaryRecords', 'workRecords'];

/**
 * The coordinator's sub-records, one tab per kind, each with its own empty state; or, for the
 * printed 登记表, every kind one after the other under its heading (`layout="sections"`).
 */
export function SubRecordTabs({ coordinator, layout = 'tabs' }: { coordinator: Lists; layout?: 'tabs' | 'sections' }) {
  const { t } = useTranslation();
  const dash = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value));

  const tables: { [K in SubRecordList]: TableColumnsType<Lists[K][number]> } = {
    certificates: [
      { key: 'occupation', title: t('coordinator.certificate.occupation'), dataIndex: 'occupation' },
      {
        key: 'level',
        title: t('coordinator.certificate.level'),
        dataIndex: 'level',
        render: (level: number | null) => (level ? <Tag color="blue">{t(`enums.certificateLevel.${level}`)}</Tag> : '—'),
      },
      { key: 'title', title: t('coordinator.certificate.title'), dataIndex: 'title', render: dash },
      { key: 'certificateNumber', title: t('coordinator.certificate.certificateNumber'), dataIndex: 'certificateNumber', render: dash },
      { key: 'issuer', title: t('coordinator.certificate.issuer'), dataIndex: 'issuer', render: dash },
      { key: 'issuedOn', title: t('coordinator.certificate.issuedOn'), dataIndex: 'issuedOn' },
    ],
    educations: [
      { key: 'level', title: t('coordinator.education.level'), dataIndex: 'level', render: (level: string) => t(`enums.educationLevel.${level}`) },
      { key: 'major', title: t('coordinator.education.major'), dataIndex: 'major' },
      { key: 'school', title: t('coordinator.education.school'), dataIndex: 'school', render: dash },
      { key: 'graduatedOn', title: t('coordinator.education.graduatedOn'), dataIndex: 'graduatedOn', render: dash },
    ],
    workPeriods: [
      { key: 'start', title: t('coordinator.workPeriod.start'), dataIndex: 'start' },
      { key: 'end', title: t('coordinator.workPeriod.end'), dataIndex: 'end', render: (end: string | null) => end ?? t('coordinator.workPeriod.ongoing') },
      { key: 'occupation', title: t('coordinator.workPeriod.occupation'), dataIndex: 'occupation' },
      { key: 'employer', title: t('coordinator.workPeriod.employer'), dataIndex: 'employer', render: dash },
    ],
    trainings: [
      { key: 'course', title: t('coordinator.training.course'), dataIndex: 'course' },
      { key: 'hours', title: t('coordinator.training.hours'), dataIndex: 'hours' },
      { key: 'provider', title: t('coordinator.training.provider'), dataIndex: 'provider', render: dash },
      { key: 'result', title: t('coordinator.training.result'), dataIndex: 'result', render: dash },
      { key: 'completedOn', title: t('coordinator.training.completedOn'), dataIndex: 'completedOn' },
      {
        key: 'subsidy',
        title: t('coordinator.training.subsidyKind'),
        render: (_value, training) =>
          training.subsidyKind ? (
            <Space size={4}>
              {t(`enums.subsidyKind.${training.subsidyKind}`)}
              {training.subsidyAmount != null ? `${training.subsidyAmount} ${t('common.yuan')}` : null}
            </Space>
          ) : (
            '—'
          ),
      },
    ],
    honors: [
      { key: 'title', title: t('coordinator.honor.title'), dataIndex: 'title' },
      { key: 'level', title: t('coordinator.honor.level'), dataIndex: 'level', render: (level: string) => t(`enums.honorLevel.${level}`) },
      { key: 'awardedOn', title: t('coordinator.honor.awardedOn'), dataIndex: 'awardedOn' },
      { key: 'issuer', title: t('coordinator.honor.issuer'), dataIndex: 'issuer', render: dash },
    ],
    disciplinaryRecords: [
      { key: 'kind', title: t('coordinator.disciplinaryRecord.kind'), dataIndex: 'kind' },
      { key: 'occurredOn', title: t('coordinator.disciplinaryRecord.occurredOn'), dataIndex: 'occurredOn' },
      { key: 'description', title: t('coordinator.disciplinaryRecord.description'), dataIndex: 'description', render: dash },
    ],
    workRecords: [
      { key: 'kind', title: t('coordinator.workRecord.kind'), dataIndex: 'kind', render: (kind: string) => t(`enums.workRecordKind.${kind}`) },
      { key: 'count', title: t('coordinator.workRecord.count'), dataIndex: 'count' },
      { key: 'recordedOn', title: t('coordinator.workRecord.recordedOn'), dataIndex: 'recordedOn' },
      { key: 'description', title: t('coordinator.workRecord.description'), dataIndex: 'description', render: dash },
    ],
  };

  const tab = (key: SubRecordList) => {
    const rows: { id: string }[] = coordinator[key];
    const label: string = t(`coordinator.sections.${key}`);
    const emptyText: string = t(`coordinator.empty_sections.${key}`);
    return {
      key,
      label: (
        <Space size={6}>
          {label}
          <Badge count={rows.length} showZero color={rows.length ? (key === 'disciplinaryRecords' ? 'red' : 'blue') : '#d9d9d9'} />
        </Space>
      ),
      children: (
        <Table<{ id: string }>
          rowKey="id"
          size="small"
          pagination={false}
          columns={tables[key] as TableColumnsType<{ id: string }>}
          dataSource={rows}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
          data-testid={layout === 'tabs' ? `sub-records-${key}` : `print-sub-records-${key}`}
        />
      ),
    };
  };

  if (layout === 'sections') {
    return (
      <>
        {KINDS.map((key) => (
          <section key={key} className="print-keep">
            <h4 className="print-heading">{t(`coordinator.sections.${key}`)}</h4>
            {tab(key).children}
          </section>
        ))}
      </>
    );
  }
  return (
    <Tabs
      defaultActiveKey="certificates"
      items={[
        tab('certificates'),
        tab('educations'),
        tab('workPeriods'),
        tab('trainings'),
        tab('honors'),
        tab('disciplinaryRecords'),
        tab('workRecords'),
      ]}
    />
  );
}
