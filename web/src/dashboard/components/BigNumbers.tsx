import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { CoverageFiguresFragment } from '@registry/graphql-client';
import { Button, Card, Col, Row, Statistic, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { figureStory, percent, percentagePoints, type FigureStory } from '../utils/figures';

interface Props {
  year: number;
  coordinators: number | undefined;
  /** active coordinators at the end of the year before */
  previousCoordinators?: number;
  coverage: CoverageFiguresFragment | undefined;
  /** the same coverage at the end of the year before */
  previousCoverage?: CoverageFiguresFragment;
  /** the running coverage target for the year (a rate), fed to gapToTarget; null without one */
  coverageTarget?: number | null;
  loading: boolean;
  /** gold named in the year (awards feature); undefined when there is no campaign */
  goldNamed?: number;
  previousGoldNamed?: number;
  onUncovered: () => void;
}

type Kind = 'count' | 'rate';
interface Figure {
  key: string;
  title: string;
  value: string;
  raw: number | undefined;
  hint?: string;
  kind: Kind;
  story: FigureStory;
  /** for the uncovered count a fall is good news */
  higherIsBetter: boolean;
}

/** The leader's headline figures for the region and year, each against last year-end and the target. */
export function BigNumbers({ year, coordinators, previousCoordinators, coverage, previousCoverage, coverageTarget, loading, goldNamed, previousGoldNamed, onUncovered }: Props) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const ofUnits = (covered: number | undefined, total: number | undefined) =>
    covered === undefined || total === undefined ? undefined : t('dashboard.figures.ofUnits', { covered: number.format(covered), total: number.format(total) });
  const rate = (key: string, title: string, pick: (figures: CoverageFiguresFragment) => { rate?: number | null; covered: number; total: number }, target: number | null | undefined): Figure => {
    const now = coverage ? pick(coverage) : undefined;
    const before = previousCoverage ? pick(previousCoverage) : undefined;
    return { key, title, value: percent(now?.rate), raw: now?.covered, hint: ofUnits(now?.covered, now?.total), kind: 'rate', story: figureStory(now?.rate, before?.rate, target), higherIsBetter: true };
  };
  const cards: Figure[] = [
    {
      key: 'coordinators',
      title: t('dashboard.figures.coordinators'),
      value: coordinators === undefined ? '—' : number.format(coordinators),
      raw: coordinators,
      kind: 'count',
      story: figureStory(coordinators, previousCoordinators),
      higherIsBetter: true,
    },
    rate('target-rate', t('dashboard.figures.targetRate'), (figures) => ({ rate: figures.targetRate, covered: figures.targetCovered, total: figures.targetTotal }), coverageTarget),
    rate('large-medium-rate', t('dashboard.figures.largeMediumRate'), (figures) => ({ rate: figures.largeMediumRate, covered: figures.largeMediumCovered, total: figures.largeMediumTotal }), coverageTarget),
    rate('social-organization-rate', t('dashboard.figures.socialOrganizationRate'), (figures) => ({ rate: figures.socialOrganizationRate, covered: figures.socialOrganizationCovered, total: figures.socialOrganizationTotal }), coverageTarget),
    // small and micro enterprises have no 十四五 target (二): change only
    rate('small-micro-rate', t('dashboard.figures.smallMicroRate'), (figures) => ({ rate: figures.smallMicroRate, covered: figures.smallMicroCovered, total: figures.smallMicroTotal }), null),
    {
      key: 'gold',
      title: t('dashboard.awards.goldThisYear'),
      value: goldNamed === undefined ? '—' : number.format(goldNamed),
      raw: goldNamed,
      kind: 'count',
      story: figureStory(goldNamed, previousGoldNamed),
      higherIsBetter: true,
    },
  ];

  const changeText = (figure: Figure) => {
    const { change, direction } = figure.story;
    if (change === null || direction === null) return t('dashboard.figures.noPrevious');
    if (figure.kind === 'rate') {
      const points = percentagePoints(change).slice(1);
      return direction === 'up' ? t('dashboard.figures.rateUp', { points }) : direction === 'down' ? t('dashboard.figures.rateDown', { points }) : t('dashboard.figures.rateFlat');
    }
    const count = number.format(Math.abs(change));
    return direction === 'up' ? t('dashboard.figures.countUp', { count }) : direction === 'down' ? t('dashboard.figures.countDown', { count }) : t('dashboard.figures.countFlat');
  };
  const change = (figure: Figure) => {
    const { direction, change: delta } = figure.story;
    const good = direction === 'up' ? figure.higherIsBetter : direction === 'down' ? !figure.higherIsBetter : null;
    return (
      <div
        className={`dashboard-change ${good === false ? 'dashboard-change-down' : good === true ? 'dashboard-change-up' : 'dashboard-hint'}`}
        data-testid={`change-${figure.key}`}
        data-change={delta ?? undefined}
        data-direction={direction ?? undefined}
        title={t('dashboard.figures.previousYearEnd', { year: year - 1 })}
      >
        {direction === 'up' ? <ArrowUpOutlined /> : direction === 'down' ? <ArrowDownOutlined /> : null} {changeText(figure)}
      </div>
    );
  };
  const gap = (figure: Figure) => {
    if (figure.kind !== 'rate' || coverageTarget === null || coverageTarget === undefined || figure.story.gap === null) return null;
    const target = percent(coverageTarget, 0);
    return (
      <div className="dashboard-hint" data-testid={`gap-${figure.key}`} data-gap={figure.story.gap}>
        {figure.story.gap > 0 ? t('dashboard.figures.gap', { target, points: (figure.story.gap * 100).toFixed(1) }) : t('dashboard.figures.reached', { target })}
      </div>
    );
  };

  const uncovered: Figure = {
    key: 'uncovered',
    title: t('dashboard.figures.uncovered'),
    value: coverage ? number.format(coverage.largeMediumUncovered) : '—',
    raw: coverage?.largeMediumUncovered,
    kind: 'count',
    story: figureStory(coverage?.largeMediumUncovered, previousCoverage?.largeMediumUncovered),
    higherIsBetter: false,
  };
  return (
    <Row gutter={[12, 12]} className="dashboard-big-numbers">
      {cards.map((card) => (
        <Col key={card.key} xs={12} md={8} xl={6} xxl={3}>
          <Card size="small" loading={loading} data-testid={`big-number-${card.key}`}>
            <Statistic title={card.title} value={card.value} valueStyle={{ fontSize: 30 }} />
            <div className="dashboard-hint" data-testid={`figure-${card.key}`} data-value={card.raw}>
              {card.hint ?? '\u00a0'}
            </div>
            {change(card)}
            {gap(card)}
          </Card>
        </Col>
      ))}
      <Col xs={12} md={8} xl={6} xxl={3}>
        <Card size="small" loading={loading} data-testid="big-number-uncovered">
          <Statistic title={uncovered.title} value={uncovered.value} valueStyle={{ fontSize: 30, color: '#cf1322' }} />
          <Tooltip title={t('dashboard.figures.uncoveredHint')}>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={onUncovered} data-testid="figure-uncovered" data-value={coverage?.largeMediumUncovered}>
              {t('dashboard.showList')}
            </Button>
          </Tooltip>
          {change(uncovered)}
        </Card>
      </Col>
    </Row>
  );
}
