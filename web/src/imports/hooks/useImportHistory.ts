import { useCallback, useEffect, useState } from 'react';
import { importsApi, type ImportJob } from '../api';

/** The user's recent import jobs; a failed load is reported, not swallowed. */
export function useImportHistory(): { history: ImportJob[]; error: string | null; refresh(): void } {
  const [history, setHistory] = useState<ImportJob[]>([]);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    importsApi.list().then(
      (jobs) => {
        setHistory(jobs);
        setError(null);
      },
      (failure) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, []);
  useEffect(refresh, [refresh]);
  return { history, error, refresh };
}
