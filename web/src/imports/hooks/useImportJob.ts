import { useCallback, useEffect, useRef, useState } from 'react';
import { importsApi, RUNNING, type ImportError, type ImportJob, type ImportMode } from '../api';

export const ERROR_PAGE = 50;
const POLL_MS = 700;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface ImportJobState {
  job: ImportJob | null;
  /** why the job could not be loaded (shown, not swallowed) */
  loadError: string | null;
  errors: { total: number; items: ImportError[] };
  errorsError: string | null;
  errorPage: number;
  setErrorPage(page: number): void;
  committing: boolean;
  commitError: string | null;
  commit(mode: ImportMode): Promise<void>;
  reload(): void;
}

/**
 * One import job by id: polled while it runs (QUEUED, VALIDATING, COMMITTING), its error page
 * loaded once it stops, and its commit. `onSettled` runs when the job stops running.
 */
export function useImportJob(id: string | null, onSettled?: () => void): ImportJobState {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ total: number; items: ImportError[] }>({ total: 0, items: [] });
  const [errorsError, setErrorsError] = useState<string | null>(null);
  const [errorPage, setErrorPage] = useState(1);
  const [committing, setCommitting] = useState(false);
  const [commitError, setCommitError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // the page's callback may change identity on every render: it must not restart the polling
  const settled = useRef(onSettled);
  settled.current = onSettled;

  // a different job: start over
  useEffect(() => {
    setJob(null);
    setLoadError(null);
    setErrors({ total: 0, items: [] });
    setErrorsError(null);
    setErrorPage(1);
    setCommitError(null);
  }, [id]);

  useEffect(() => {
    if (!id) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const current = await importsApi.job(id);
        if (stopped) return;
        setJob(current);
        setLoadError(null);
        if (RUNNING.includes(current.status)) timer = setTimeout(() => void poll(), POLL_MS);
        else settled.current?.();
      } catch (error) {
        if (stopped) return;
        setLoadError(reasonOf(error));
        // a passing network failure: keep trying, more slowly
        timer = setTimeout(() => void poll(), POLL_MS * 5);
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [id, tick]);

  const status = job?.status;
  useEffect(() => {
    if (!id || !status || RUNNING.includes(status)) return;
    let stopped = false;
    importsApi.errors(id, (errorPage - 1) * ERROR_PAGE, ERROR_PAGE).then(
      (page) => {
        if (stopped) return;
        setErrors(page);
        setErrorsError(null);
      },
      (error) => {
        if (!stopped) setErrorsError(reasonOf(error));
      },
    );
    return () => {
      stopped = true;
    };
  }, [id, status, errorPage, tick]);

  const reload = useCallback(() => setTick((value) => value + 1), []);

  const commit = useCallback(
    async (mode: ImportMode) => {
      if (!id) return;
      setCommitting(true);
      setCommitError(null);
      try {
        setJob(await importsApi.commit(id, mode));
        reload();
      } catch (error) {
        setCommitError(reasonOf(error));
      } finally {
        setCommitting(false);
      }
    },
    [id, reload],
  );

  return { job, loadError, errors, errorsError, errorPage, setErrorPage, committing, commitError, commit, reload };
}
