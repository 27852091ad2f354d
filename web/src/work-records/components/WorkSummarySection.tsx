import { useQuery } from '@apollo/client/react';
import { WORK_RECORD_KINDS } from '@registry/domain';
import { WorkFiguresCardDocument } from '@registry/graphql-client';
import { Descriptions, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { yearChange } from '../utils/figures';

const FIRST_YEAR = 2021;

/** 六(三) in the year-end summary (六(五)): the year's work, by kind, and the change from the year before. */
export function WorkSummarySection({ regionCode, year, reported = false }: { regionCode: string; year: number; reported?: boolean }) {
  const { t, i18n } = useTranslation();
  // as reported (a closed year): the work figures were not stored when the year was closed, and
  // today's would not be what was reported: the section says so instead of printing them
  const { data, loading } = useQuery(WorkFiguresCardDocument, { variables: { regionCode, year, previousYear: Math.max(FIRST_YEAR, year - 1) }, skip: reported });
  if (reported) {
    return (
      <section className="print-section print-keep" style={{ marginTop: 16 }} data-testid="year-summary-work">
        <Typography.Title level={4}>{t('workRecords.summary.title', { year })}</Typography.Title>
        <Typography.Paragraph type="secondary" data-testid="year-summary-work-not-reported">{t('workRecords.summary.notReported')}</Typography.Paragraph>
      </section>
    );
  }
  const numbers = new Intl.NumberFormat(i18n.language, { signDisplay: 'always', maximumFractionDigits: 1 });
  const current = data?.current.total;
  const previous = year > FIRST_YEAR ? data?.previous.total : null;
  const change = (key: 'disputesMediated' | 'consultations' | 'activeCoordinators' | 'silentCoordinators') => {
    const { change: delta } = yearChange(current, previous, key);
    return delta === null ? '' : `（${t('workRecords.card.vsLastYear', { change: numbers.format(delta) })}）`;
  };
  return (
    <section className="print-section print-keep" style={{ marginTop: 16 }} data-testid="year-summary-work">
      <Typography.Title level={4}>{t('workRecords.summary.title', { year })}</Typography.Title>
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : current ? (
        <>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('workRecords.figures.disputes')}>
              {current.disputesMediated}
              {change('disputesMediated')}
              {t('workRecords.summary.succeeded', { count: current.mediationsSucceeded })}
            </Descriptions.Item>
            <Descriptions.Item label={t('workRecords.figures.consultations')}>
              {current.consultations}
              {change('consultations')}
            </Descriptions.Item>
            <Descriptions.Item label={t('workRecords.figures.perCoordinator')}>{current.disputesPerCoordinator ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('workRecords.figures.per100')}>{current.disputesPer100Enterprises ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('workRecords.figures.active')}>
              {current.activeCoordinators} / {current.coordinators}
              {change('activeCoordinators')}
            </Descriptions.Item>
            <Descriptions.Item label={t('workRecords.figures.silent')}>
              {current.silentCoordinators}
              {change('silentCoordinators')}
            </Descriptions.Item>
          </Descriptions>
          <Table
            className="print-avoid-break"
            style={{ marginTop: 8 }}
            rowKey="kind"
            size="small"
            pagination={false}
            dataSource={WORK_RECORD_KINDS.map((kind) => current.byKind.find((entry) => entry.kind === kind) ?? { kind, records: 0, count: 0 })}
            columns={[
              { key: 'kind', title: t('workRecords.kind'), render: (_value, row) => t(`enums.workRecordKind.${row.kind}`) },
              { key: 'records', title: t('workRecords.figures.records'), dataIndex: 'records', align: 'right' },
              { key: 'count', title: t('workRecords.count'), dataIndex: 'count', align: 'right' },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4 }}>
            {t('workRecords.summary.footnote')}
          </Typography.Paragraph>
        </>
      ) : null}
    </section>
  );
}
