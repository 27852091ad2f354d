import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../api';
import { importPhases, type PhaseProgress } from '../utils/progress';

const STATUS: Record<PhaseProgress['state'], 'active' | 'success' | 'exception' | 'normal'> = {
  waiting: 'normal',
  active: 'active',
  done: 'success',
  failed: 'exception',
};

/** Each phase with the server's own figures: rows read of the rows declared, checks done, rows written. */
export function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const caption = (phase: PhaseProgress): string => {
    if (phase.key === 'reading') {
      if (phase.state === 'done') return t('imports.rowsParsed', { count: phase.done });
      return phase.total === null ? t('imports.readProgressUnknown', { count: phase.done }) : t('imports.readProgress', { count: phase.done, total: phase.total });
    }
    if (phase.key === 'checking') return phase.total === null ? t('imports.checkPending') : t('imports.checkProgress', { step: phase.done, steps: phase.total });
    return phase.total === null ? t('imports.rowsWritten', { count: phase.done }) : t('imports.writeProgress', { count: phase.done, total: phase.total });
  };
  return (
    <Flex gap={24} wrap data-testid="job-progress">
      {importPhases(job).map((phase) => (
        <div key={phase.key} style={{ minWidth: 260, flex: 1 }} data-testid={`phase-${phase.key}`} data-state={phase.state} data-percent={phase.percent ?? ''}>
          <Typography.Text strong>{t(`imports.phases.${phase.key}`)}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{caption(phase)}</Typography.Text>
          <Progress
            percent={phase.percent ?? 100}
            // unknown total: a moving bar without a figure, rather than an invented one
            showInfo={phase.percent !== null}
            status={phase.percent === null && phase.state === 'active' ? 'active' : STATUS[phase.state]}
            strokeColor={phase.percent === null ? '#d9d9d9' : undefined}
          />
        </div>
      ))}
    </Flex>
  );
}
