import type { ImportJobSummary } from '@registry/domain';

// The three phases of an import as the server reports them (issue 14: no fixed 50 %, no
// "validated = parsed"): reading with its row checks, the whole-file checks, writing.
export type PhaseState = 'waiting' | 'active' | 'done' | 'failed';

export interface PhaseProgress {
  key: 'reading' | 'checking' | 'writing';
  state: PhaseState;
  /** 0–100; null when the total is unknown (the file declares none) */
  percent: number | null;
  done: number;
  total: number | null;
}

const percentOf = (done: number, total: number | null) => (total && total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : null);

export function importPhases(job: ImportJobSummary): PhaseProgress[] {
  const { status, progress, rowsParsed, rowsWritten, counts } = job;
  const failed = status === 'FAILED';
  const readingDone = progress.checkSteps > 0 || ['VALIDATED', 'COMMITTING', 'COMMITTED'].includes(status) || (status === 'FAILED' && job.mode !== null);
  const checkingDone = ['VALIDATED', 'COMMITTING', 'COMMITTED'].includes(status) || (status === 'FAILED' && job.mode !== null);
  const toWrite = counts ? counts.new + counts.updated : null;
  // the reading total is an upper bound (header and example rows count): never 100 % before it ends
  const readPercent = readingDone ? 100 : status === 'QUEUED' ? 0 : percentOf(rowsParsed, progress.rowsTotal);
  // a failed job failed in the phase it was in: writing once a commit was asked for, else reading or checking
  const failedIn = !failed ? null : job.mode !== null ? 'writing' : progress.checkSteps > 0 ? 'checking' : 'reading';
  const state = (key: PhaseProgress['key'], done: boolean, active: boolean): PhaseState =>
    failedIn === key ? 'failed' : done ? 'done' : active ? 'active' : 'waiting';
  return [
    {
      key: 'reading',
      state: state('reading', readingDone && failedIn !== 'reading', status === 'VALIDATING' && !readingDone),
      percent: readPercent === null ? null : readingDone ? 100 : Math.min(99, readPercent),
      done: rowsParsed,
      total: readingDone ? rowsParsed : progress.rowsTotal,
    },
    {
      key: 'checking',
      state: state('checking', checkingDone, status === 'VALIDATING' && readingDone),
      percent: checkingDone ? 100 : (percentOf(progress.checkStep, progress.checkSteps) ?? 0),
      done: checkingDone ? progress.checkSteps : progress.checkStep,
      total: progress.checkSteps || null,
    },
    {
      key: 'writing',
      state: state('writing', status === 'COMMITTED', status === 'COMMITTING'),
      percent: status === 'COMMITTED' ? 100 : (percentOf(rowsWritten, toWrite) ?? 0),
      done: rowsWritten,
      total: toWrite,
    },
  ];
}

/** Rows a "valid rows only" commit would store; 0 disables 仅导入正确的行. */
export function validRowCount(job: ImportJobSummary): number {
  return job.counts ? job.counts.new + job.counts.updated + job.counts.unchanged : 0;
}
