import { useQuery } from '@apollo/client/react';
import { WorkFiguresCardDocument } from '@registry/graphql-client';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { yearChange, type WorkFigureKey } from '../utils/figures';

const FIRST_YEAR = 2021;
const SHOWN: { key: WorkFigureKey; label: string }[] = [
  { key: 'disputesMediated', label: 'workRecords.figures.disputes' },
  { key: 'consultations', label: 'workRecords.figures.consultations' },
  { key: 'disputesPer100Enterprises', label: 'workRecords.figures.per100' },
  { key: 'activeCoordinators', label: 'workRecords.figures.active' },
  { key: 'silentCoordinators', label: 'workRecords.figures.silent' },
];

/** The dashboard's 六(三) card: the year's work figures of the region and the change from the year before. */
export function WorkFiguresCard({ regionCode, year }: { regionCode: string; year: number }) {
  const { t, i18n } = useTranslation();
  const { data, loading } = useQuery(WorkFiguresCardDocument, {
    variables: { regionCode, year, previousYear: Math.max(FIRST_YEAR, year - 1) },
    fetchPolicy: 'cache-and-network',
  });
  const current = data?.current.total;
  const previous = year > FIRST_YEAR ? data?.previous.total : null;
  const numbers = new Intl.NumberFormat(i18n.language, { signDisplay: 'always', maximumFractionDigits: 1 });
  return (
    <Card
      size="small"
      title={t('workRecords.card.title', { year })}
      loading={loading && !data}
      data-testid="work-figures-card"
      extra={<Link to={`/work-records?region=${regionCode}&year=${year}`}>{t('workRecords.card.open')}</Link>}
    >
      <Row gutter={[16, 8]}>
        {SHOWN.map(({ key, label }) => {
          const { value, change } = yearChange(current, previous, key);
          return (
            <Col xs={12} md={Math.floor(24 / SHOWN.length)} key={key} data-testid={`work-card-${key}`}>
              <Statistic title={t(label)} value={value ?? '—'} valueStyle={{ fontSize: 20 }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {previous === null || previous === undefined || change === null
                  ? t('workRecords.card.firstYear')
                  : change === 0
                    ? t('workRecords.card.noChange')
                    : t('workRecords.card.vsLastYear', { change: numbers.format(change) })}
              </Typography.Text>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
