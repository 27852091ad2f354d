// The import/export REST endpoints (files do not go through GraphQL; see
// docs/decisions/0600-imports.md), with the session's bearer token.
import type { ImportError, ImportJobSummary, ImportKind, ImportMode, ImportStatus } from '@registry/domain';
import { dispositionFileName, fetchWithToken, HttpError, saveBlob } from '../app/utils/download';

export type ExportKind = 'coordinators' | 'enterprises' | 'uncovered-enterprises' | 'nominations' | 'work-records' | 'silent-coordinators';
export type { ImportKind, ImportMode, ImportStatus };

/** The job as the REST API reports it (the shape is shared with the API through the domain lib). */
export type ImportJob = ImportJobSummary;
export type { ImportError };

/** A refused import/export request (the shared REST error, under its historical name here). */
export { HttpError as ApiError };

export const RUNNING: readonly ImportStatus[] = ['QUEUED', 'VALIDATING', 'COMMITTING'];

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  return (await (await fetchWithToken(path, init)).json()) as T;
}

export const importsApi = {
  list: () => json<ImportJob[]>('/api/imports?limit=20'),
  job: (id: string) => json<ImportJob>(`/api/imports/${id}`),
  errors: (id: string, offset: number, limit: number) => json<{ total: number; items: ImportError[] }>(`/api/imports/${id}/errors?offset=${offset}&limit=${limit}`),
  upload: (kind: ImportKind, file: File) =>
    json<ImportJob>(`/api/imports?${new URLSearchParams({ kind, fileName: file.name })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
    }),
  commit: (id: string, mode: ImportMode) =>
    json<ImportJob>(`/api/imports/${id}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode }) }),
};

/** Fetches a file with the session's token and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetchWithToken(path);
  saveBlob(await response.blob(), dispositionFileName(response.headers.get('content-disposition')) ?? fallbackName);
}

/** The export URL of a list with its active filter (the server applies the user's scope). */
export function exportPath(kind: ExportKind, filter?: object | null): string {
  const cleaned = filter ? Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== '')) : {};
  const query = Object.keys(cleaned).length > 0 ? `?${new URLSearchParams({ filter: JSON.stringify(cleaned) })}` : '';
  return `/api/exports/${kind}.xlsx${query}`;
}
