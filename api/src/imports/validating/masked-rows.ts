import { maskIdNumbersInText } from '@registry/domain';
import type { ImportJobSummary } from '@registry/domain';
import type { ImportJob } from '../reading/import-job';
import type { SheetRow } from '../reading/readers';

/**
 * The rows of an uploaded file with every full ID number masked: the error file for anyone in
 * the scope but the uploader (the original holds the numbers as typed). An ID number Excel
 * turned into a number (15+ digits) is masked too, as text.
 */
export async function* maskedRows(rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRow> {
  for await (const row of rows) {
    yield {
      ...row,
      values: row.values.map((value) => {
        if (typeof value === 'string') return maskIdNumbersInText(value);
        if (typeof value === 'number' && Math.abs(value) >= 1e14) {
          const text = String(value);
          const masked = maskIdNumbersInText(text);
          return masked === text ? value : masked;
        }
        return value;
      }),
    };
  }
}

/** A job as the REST API shows it: no stored file name, uploader id or scope path. */
export function jobSummary(job: ImportJob): ImportJobSummary {
  return {
    id: job.id,
    kind: job.kind,
    mode: job.mode,
    status: job.status,
    fileName: job.fileName,
    fileFormat: job.fileFormat,
    fileSize: job.fileSize,
    username: job.username,
    uploaderName: job.uploaderName,
    rowsParsed: job.rowsParsed,
    rowsValidated: job.rowsValidated,
    rowsWritten: job.rowsWritten,
    counts: job.counts,
    progress: job.progress,
    preview: job.preview,
    notes: job.notes,
    message: job.message,
    createdAt: job.createdAt,
    validatedAt: job.validatedAt,
    committedAt: job.committedAt,
  };
}
