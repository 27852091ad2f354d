import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { RegistryError } from '../../common/registry-error';
import type { AppConfig } from '../../config/configuration';
import { auditActorText, findRegion, type ImportJobSummary, type ImportMode, type ImportStatus } from '@registry/domain';
import { COORDINATOR_SHEET, type ImportKind } from '../sheets/columns';
import { readCsv, readXlsx, type FileFormat, type SheetRow } from './readers';

// The import job as stored in import_job: shared by the upload/lifecycle, dry-run and commit services.

export type { ImportError, ImportMode, ImportStatus } from '@registry/domain';

/** The stored job: what the REST API reports, plus where it came from. */
export interface ImportJob extends ImportJobSummary {
  fileFormat: FileFormat;
  fileEncoding: string | null;
  userId: string | null;
  scopePath: string;
}

/** A job row with the name of its uploaded file under the data directory. */
export type StoredImportJob = ImportJob & { storedFile: string };

/** Where uploaded files are kept. */
export function importFileDir(config: Pick<AppConfig, 'dataDir'>): string {
  return join(config.dataDir, 'imports');
}

export function scoped(column: string, parameter: string): string {
  return `(${column} >= ${parameter} and ${column} < ${parameter} || '~')`;
}

/** The uploader as people know the account: its office and display name (上传人). */
export const UPLOADER_COLUMNS = `u.display_name as uploader_display_name, u.region_code as uploader_region_code`;
export const UPLOADER_JOIN = `left join app_user u on u.id = j.user_id`;

export function jobFromRow(row: Record<string, unknown>): StoredImportJob {
  const counted = row.count_new !== null && row.count_new !== undefined;
  return {
    id: String(row.id),
    kind: row.kind as ImportKind,
    mode: row.mode as ImportMode | null,
    status: row.status as ImportStatus,
    fileName: row.file_name as string,
    fileFormat: row.file_format as FileFormat,
    fileEncoding: row.file_encoding as string | null,
    fileSize: Number(row.file_size),
    username: row.username as string,
    uploaderName: auditActorText({
      username: row.username as string,
      userDisplayName: (row.uploader_display_name as string | null) ?? null,
      userRegionName: row.uploader_region_code ? (findRegion(row.uploader_region_code as string)?.name ?? null) : null,
    }),
    userId: row.user_id === null ? null : String(row.user_id),
    scopePath: row.scope_path as string,
    rowsParsed: row.rows_parsed as number,
    rowsValidated: row.rows_validated as number,
    rowsWritten: row.rows_written as number,
    counts: counted
      ? { new: row.count_new as number, updated: row.count_updated as number, unchanged: row.count_unchanged as number, invalid: row.count_invalid as number }
      : null,
    progress: {
      rowsTotal: row.rows_total === null || row.rows_total === undefined ? null : Number(row.rows_total),
      checkStep: Number(row.check_step ?? 0),
      checkSteps: Number(row.check_steps ?? 0),
    },
    preview: (row.preview as ImportJobSummary['preview']) ?? null,
    notes: (row.notes as string[] | null) ?? [],
    message: row.message as string | null,
    createdAt: (row.created_at as Date).toISOString(),
    validatedAt: row.validated_at ? (row.validated_at as Date).toISOString() : null,
    committedAt: row.committed_at ? (row.committed_at as Date).toISOString() : null,
    storedFile: row.stored_file as string,
  };
}

export async function loadJob(dataSource: DataSource, id: string): Promise<StoredImportJob> {
  const [row] = await dataSource.query(`select j.*, ${UPLOADER_COLUMNS} from import_job j ${UPLOADER_JOIN} where j.id = $1`, [id]);
  if (!row) throw RegistryError.notFound('导入任务', id);
  return jobFromRow(row);
}

/** Rows of the stored file, as the reader sees them. */
export async function* rowsOfJob(fileDir: string, job: StoredImportJob): AsyncGenerator<SheetRow> {
  const path = join(fileDir, job.storedFile);
  if (job.fileFormat === 'xlsx') yield* readXlsx(path);
  else yield* readCsv(path, (job.fileEncoding as 'utf8' | 'gbk') ?? 'utf8', job.kind === 'coordinators' ? COORDINATOR_SHEET.name : '用人单位');
}
