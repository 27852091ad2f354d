import type { CoverageFiguresFragment } from '@registry/graphql-client';
import { Button, Card, Col, Row, Statistic, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { percent } from '../utils/figures';

interface Props {
  coordinators: number | undefined;
  coverage: CoverageFiguresFragment | undefined;
  loading: boolean;
  /** gold named in the year (awards feature); undefined when there is no campaign */
  goldNamed?: number;
  onUncovered: () => void;
}

/** The leader's headline figures for the region and year. */
export function BigNumbers({ coordinators, coverage, loading, goldNamed, onUncovered }: Props) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const cards = [
    { key: 'coordinators', title: t('dashboard.figures.coordinators'), value: coordinators === undefined ? '—' : number.format(coordinators), raw: coordinators, hint: undefined as string | undefined },
    {
      key: 'target-rate',
      title: t('dashboard.figures.targetRate'),
      value: percent(coverage?.targetRate),
      raw: coverage?.targetCovered,
      hint: coverage ? t('dashboard.figures.ofUnits', { covered: number.format(coverage.targetCovered), total: number.format(coverage.targetTotal) }) : undefined,
    },
    {
      key: 'large-medium-rate',
      title: t('dashboard.figures.largeMediumRate'),
      value: percent(coverage?.largeMediumRate),
      raw: coverage?.largeMediumCovered,
      hint: coverage ? t('dashboard.figures.ofUnits', { covered: number.format(coverage.largeMediumCovered), total: number.format(coverage.largeMediumTotal) }) : undefined,
    },
    {
      key: 'social-organization-rate',
      title: t('dashboard.figures.socialOrganizationRate'),
      value: percent(coverage?.socialOrganizationRate),
      raw: coverage?.socialOrganizationCovered,
      hint: coverage ? t('dashboard.figures.ofUnits', { covered: number.format(coverage.socialOrganizationCovered), total: number.format(coverage.socialOrganizationTotal) }) : undefined,
    },
    {
      key: 'small-micro-rate',
      title: t('dashboard.figures.smallMicroRate'),
      value: percent(coverage?.smallMicroRate),
      raw: coverage?.smallMicroCovered,
      hint: coverage ? t('dashboard.figures.ofUnits', { covered: number.format(coverage.smallMicroCovered), total: number.format(coverage.smallMicroTotal) }) : undefined,
    },
    {
      key: 'gold',
      title: t('dashboard.awards.goldThisYear'),
      value: goldNamed === undefined ? '—' : number.format(goldNamed),
      raw: goldNamed,
      hint: undefined as string | undefined,
    },
  ];
  return (
    <Row gutter={[12, 12]} className="dashboard-big-numbers">
      {cards.map((card) => (
        <Col key={card.key} xs={12} md={8} xl={3}>
          <Card size="small" loading={loading}>
            <Statistic title={card.title} value={card.value} valueStyle={{ fontSize: 30 }} />
            <div className="dashboard-hint" data-testid={`figure-${card.key}`} data-value={card.raw}>
              {card.hint ?? '\u00a0'}
            </div>
          </Card>
        </Col>
      ))}
      <Col xs={12} md={8} xl={3}>
        <Card size="small" loading={loading}>
          <Statistic title={t('dashboard.figures.uncovered')} value={coverage ? number.format(coverage.largeMediumUncovered) : '—'} valueStyle={{ fontSize: 30, color: '#cf1322' }} />
          <Tooltip title={t('dashboard.figures.uncoveredHint')}>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={onUncovered} data-testid="figure-uncovered" data-value={coverage?.largeMediumUncovered}>
              {t('dashboard.showList')}
            </Button>
          </Tooltip>
        </Card>
      </Col>
    </Row>
  );
}
