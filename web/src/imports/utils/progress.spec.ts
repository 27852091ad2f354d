import type { ImportJobSummary } from '@registry/domain';
import { importPhases, validRowCount } from './progress';

const job = (overrides: Partial<ImportJobSummary>): ImportJobSummary => ({
  id: '1', kind: 'coordinators', mode: null, status: 'VALIDATING', fileName: 'a.xlsx', fileFormat: 'xlsx', fileSize: 1, username: 'u', uploaderName: 'u',
  rowsParsed: 0, rowsValidated: 0, rowsWritten: 0, counts: null, progress: { rowsTotal: null, checkStep: 0, checkSteps: 0 },
  preview: null, notes: [], message: null, createdAt: '', validatedAt: null, committedAt: null, ...overrides,
});

describe('import phases', () => {
  it('shows reading as rows read of the rows declared, never complete before it ends', () => {
    const [reading, checking] = importPhases(job({ rowsParsed: 2500, progress: { rowsTotal: 10001, checkStep: 0, checkSteps: 0 } }));
    expect(reading).toMatchObject({ state: 'active', percent: 24, done: 2500, total: 10001 });
    expect(checking).toMatchObject({ state: 'waiting', percent: 0 });
    expect(importPhases(job({ rowsParsed: 10001, progress: { rowsTotal: 10001, checkStep: 0, checkSteps: 0 } }))[0].percent).toBe(99);
    expect(importPhases(job({ rowsParsed: 40, progress: { rowsTotal: null, checkStep: 0, checkSteps: 0 } }))[0].percent).toBeNull();
  });

  it('moves to the whole-file checks step by step, then to writing', () => {
    const checking = importPhases(job({ rowsParsed: 30, progress: { rowsTotal: 30, checkStep: 3, checkSteps: 12 } }));
    expect(checking.map((phase) => [phase.state, phase.percent])).toEqual([['done', 100], ['active', 25], ['waiting', 0]]);
    const writing = importPhases(job({ status: 'COMMITTING', mode: 'VALID_ONLY', rowsParsed: 30, rowsWritten: 10, counts: { new: 15, updated: 5, unchanged: 5, invalid: 5 }, progress: { rowsTotal: 30, checkStep: 12, checkSteps: 12 } }));
    expect(writing.map((phase) => [phase.state, phase.percent])).toEqual([['done', 100], ['done', 100], ['active', 50]]);
  });

  it('marks the phase that failed', () => {
    const phases = importPhases(job({ status: 'FAILED', rowsParsed: 3, progress: { rowsTotal: 30, checkStep: 0, checkSteps: 0 } }));
    expect(phases.map((phase) => phase.state)).toEqual(['failed', 'waiting', 'waiting']);
    const commitFailed = importPhases(job({ status: 'FAILED', mode: 'ALL_OR_NOTHING', rowsParsed: 3, counts: { new: 3, updated: 0, unchanged: 0, invalid: 0 }, progress: { rowsTotal: 3, checkStep: 9, checkSteps: 9 } }));
    expect(commitFailed.map((phase) => phase.state)).toEqual(['done', 'done', 'failed']);
  });

  it('counts the rows a valid-rows-only commit would store', () => {
    expect(validRowCount(job({ counts: { new: 0, updated: 0, unchanged: 0, invalid: 4 } }))).toBe(0);
    expect(validRowCount(job({ counts: { new: 1, updated: 2, unchanged: 3, invalid: 4 } }))).toBe(6);
  });
});
