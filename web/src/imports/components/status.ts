import type { ImportJob } from '../api';

export const STATUS_COLORS: Record<ImportJob['status'], string> = {
  QUEUED: 'default',
  VALIDATING: 'processing',
  VALIDATED: 'blue',
  COMMITTING: 'processing',
  COMMITTED: 'success',
  FAILED: 'error',
};
