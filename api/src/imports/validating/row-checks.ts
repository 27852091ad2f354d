// The per-row half of a dry run, without Nest or a database: the job's file read row by row,
// each row checked with libs/domain (ID checksum, HMAC, AES, dates, regions) and encoded as
// COPY text for the staging tables. It runs in a worker thread (row-checks-worker.ts), so the
// server's event loop only writes the finished text to the COPY streams (ADR 0602).
import { RegistryError } from '../../common/registry-error';
import type { AppConfig } from '../../config/configuration';
import { importFileDir, rowsOfJob, type ImportError, type StoredImportJob } from '../reading/import-job';
import type { SheetRow } from '../reading/readers';
import { COORDINATOR_SHEET, matchHeader, takesRegionLevel, type SheetKind, type SheetSpec } from '../sheets/columns';
import { BatchSealer } from './batch-sealer';
import type { RegionNameUse } from './import-report';
import { RegionNameResolver, type NamedRegion } from './region-names';
import { isSkippedRow, readCoordinatorRow, readEnterpriseRow, readSubRow, RowReader, type RowContext, type StagedRecord } from './row-validation';
import { copyRow } from './staging';

export const COORDINATOR_STAGE_COLUMNS = [
  'job_id', 'row_number', 'id_key', 'name', 'gender', 'birth_date', 'id_number_hash', 'id_number_cipher', 'id_number_key_id', 'id_number_masked',
  'ref', 'phone', 'category', 'affiliation', 'tripartite_or_grassroots', 'enterprise_code', 'unit_name', 'region_code', 'region_path', 'post',
  'status', 'joined_on', 'left_on', 'changed_on',
];
export const RECORD_STAGE_COLUMNS = ['job_id', 'sheet', 'sheet_index', 'row_number', 'id_key', 'kind', 'data', 'min_date', 'min_date_column'];
export const ENTERPRISE_STAGE_COLUMNS = [
  'job_id', 'row_number', 'credit_code', 'name', 'region_code', 'region_path', 'industry_code', 'industry_section', 'employees', 'revenue', 'assets',
  'public_owned', 'social_organization', 'derived_size_class', 'size_override', 'size_override_reason', 'registered_on', 'figures_year',
];

/** Rows of one staging table per batch: the size of one COPY chunk (staging.ts). */
const BATCH_ROWS = 500;

/** Everything the row checks need, as plain data (it crosses into a worker thread). */
export interface RowChecksInput {
  dataDir: string;
  job: StoredImportJob;
  /** every region (code, name, level, path): lookups by code and by name */
  regions: NamedRegion[];
  sealerKeys: Pick<AppConfig, 'idNumberKeys' | 'idNumberHashKey'>;
  /** China's date (todayIsoDate), fixed for the whole file */
  today: string;
}

/** One batch for the main thread: COPY text ('\n'-terminated lines) and the row errors met. */
export interface RowChecksBatch {
  main: string;
  mainRows: number;
  records: string;
  recordRows: number;
  errors: ImportError[];
  /** rows read so far (progress) */
  parsed: number;
}

/** What the set-based checks need from the reading, once the file is done. */
export interface RowChecksOutcome {
  parsed: number;
  sawHeader: boolean;
  invalidMainKeys: string[];
  /** person key → first refused row of a sub sheet: that person's main row is refused too (its list would be incomplete) */
  invalidSubRows: [string, string][];
  listsPresent: string[];
  regionNameUses: RegionNameUse[];
}

const SHEET_NAMES: Record<SheetKind, string> = {
  coordinator: '协调员', certificates: '证书', educations: '学历', workPeriods: '工作经历', trainings: '培训', workRecords: '工作记录', enterprise: '用人单位',
};

/** Buffers COPY lines of one table. */
class CopyText {
  private lines: string[] = [];
  write(values: unknown[]): void {
    this.lines.push(copyRow(values));
  }
  get rows(): number {
    return this.lines.length;
  }
  take(): string {
    const text = this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
    this.lines = [];
    return text;
  }
}

/**
 * Reads and checks every row of the job's file; `send` gets a batch whenever a table has a COPY
 * chunk's worth of rows (and the rest at the end) and may make the reading wait (back-pressure).
 */
export async function runRowChecks(input: RowChecksInput, send: (batch: RowChecksBatch) => Promise<void>): Promise<RowChecksOutcome> {
  const { job } = input;
  const byCode = new Map(input.regions.map((region) => [region.code, region]));
  // regions written by name: resolved within the uploader's scope, each use noted for the report
  const regionNames = new RegionNameResolver(input.regions, job.scopePath, (level) => takesRegionLevel(job.kind, level));
  const regionNameUses = new Map<string, RegionNameUse>();
  let currentRow = { sheet: '', row: 0 };
  const context: RowContext = {
    today: input.today,
    scopePath: job.scopePath,
    regions: { find: (code) => byCode.get(code) },
    vault: new BatchSealer(input.sealerKeys),
    regionNames,
    onRegionByName: (text, region) => {
      const use = regionNameUses.get(`${text}\u0000${region.code}`) ?? { text, label: regionNames.describe(region), rows: [] };
      use.rows.push(currentRow);
      regionNameUses.set(`${text}\u0000${region.code}`, use);
    },
  };
  const main = new CopyText();
  const records = new CopyText();
  let errors: ImportError[] = [];
  const invalidMainKeys = new Set<string>();
  const invalidSubRows = new Map<string, string>();
  const listsPresent = new Set<string>();
  let parsed = 0;
  let sawHeader = false;
  const flush = async () => {
    const mainRows = main.rows;
    const recordRows = records.rows;
    const batch = { main: main.take(), mainRows, records: records.take(), recordRows, errors, parsed };
    errors = [];
    await send(batch);
  };

  const stageRecord = (row: SheetRow, idKey: string, record: StagedRecord, sheet: string) =>
    records.write([job.id, sheet, row.sheetIndex, row.rowNumber, idKey, record.kind, record.data, record.minDate, record.minDateColumn]);
  const idKeyOf = (reader: RowReader): string | null => {
    const text = String(reader.raw('idNumber') ?? '').trim().toUpperCase();
    if (/^\d{17}[\dX]$/.test(text)) return context.vault.hash(text);
    const ref = String(reader.raw('ref') ?? '').trim();
    return /^\d+$/.test(ref) ? `ref:${ref}` : null;
  };
  const stageRow = (sheetKind: SheetKind, reader: RowReader, row: SheetRow): void => {
    if (sheetKind === 'enterprise') {
      const e = readEnterpriseRow(reader, context);
      if (!e) return;
      main.write([
        job.id, row.rowNumber, e.creditCode, e.name, e.regionCode, e.regionPath, e.industryCode, e.industrySection, e.employees, e.revenue, e.assets,
        e.publicOwned, e.socialOrganization, e.derivedSizeClass, e.sizeOverride, e.sizeOverrideReason, e.registeredOn, e.figuresYear,
      ]);
      return;
    }
    if (sheetKind === 'coordinator') {
      const { coordinator: c, records: list } = readCoordinatorRow(reader, context);
      if (!c) {
        const key = reader.issues.some((issue) => issue.column === '身份证号') ? null : idKeyOf(reader);
        if (key) invalidMainKeys.add(key);
        return;
      }
      main.write([
        job.id, row.rowNumber, c.idKey, c.name, c.gender, c.birthDate, c.idNumberHash, c.idNumberCipher, c.idNumberKeyId, c.idNumberMasked,
        c.ref, c.phone, c.category, c.affiliation, c.tripartite, c.enterpriseCode, c.unitName, c.regionCode, c.regionPath, c.post,
        c.status, c.joinedOn, c.leftOn, c.changedOn,
      ]);
      for (const record of list) stageRecord(row, c.idKey, record, COORDINATOR_SHEET.name);
      return;
    }
    const sub = readSubRow(sheetKind, reader, context);
    if (sub) stageRecord(row, sub.idKey, sub.record, SHEET_NAMES[sheetKind]);
    else {
      const key = idKeyOf(reader);
      if (key && !invalidSubRows.has(key)) invalidSubRows.set(key, `附表「${SHEET_NAMES[sheetKind]}」第${row.rowNumber}行有误，本行未导入`);
    }
  };

  let current: { sheet: SheetSpec; positions: Map<string, number> } | null = null;
  let currentSheetIndex = 0;
  for await (const row of rowsOfJob(importFileDir({ dataDir: input.dataDir }), job)) {
    if (row.sheetIndex !== currentSheetIndex) {
      currentSheetIndex = row.sheetIndex;
      current = null;
    }
    if (!current) {
      // title rows above the header (exports) are skipped until a header is found
      const header = matchHeader(job.kind, row.values.map((value) => (typeof value === 'string' ? value : value == null ? '' : String(value))));
      if (header) {
        current = header;
        sawHeader = true;
        if (header.sheet.kind === 'coordinator') {
          if (header.positions.has('certOccupation')) listsPresent.add('certificates');
          if (header.positions.has('eduLevel')) listsPresent.add('educations');
          if (header.positions.has('workStart')) listsPresent.add('workPeriods');
        } else if (header.sheet.kind !== 'enterprise') listsPresent.add(header.sheet.kind);
      }
      continue;
    }
    const reader = new RowReader(current.sheet, current.positions, row.values);
    if (isSkippedRow(reader, row.values)) continue;
    parsed += 1;
    const sheetName = current.sheet.name;
    currentRow = { sheet: sheetName, row: row.rowNumber };
    stageRow(current.sheet.kind, reader, row);
    for (const issue of reader.issues) errors.push({ sheet: sheetName, row: row.rowNumber, column: issue.column, reason: issue.reason });
    if (main.rows >= BATCH_ROWS || records.rows >= BATCH_ROWS || errors.length >= BATCH_ROWS) await flush();
  }
  await flush();
  return {
    parsed,
    sawHeader,
    invalidMainKeys: [...invalidMainKeys],
    invalidSubRows: [...invalidSubRows],
    listsPresent: [...listsPresent],
    regionNameUses: [...regionNameUses.values()],
  };
}

/** A failure as it crosses the thread boundary: a RegistryError keeps its code, field and details. */
export type RowChecksFailure =
  | { registry: { code: RegistryError['code']; message: string; field?: string; details: Record<string, unknown> } }
  | { message: string; stack?: string };

export function failureOf(error: unknown): RowChecksFailure {
  if (error instanceof RegistryError) return { registry: { code: error.code, message: error.message, field: error.field, details: error.details } };
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}

export function errorOf(failure: RowChecksFailure): Error {
  if ('registry' in failure) return new RegistryError(failure.registry.code, failure.registry.message, failure.registry.field, failure.registry.details);
  const error = new Error(failure.message);
  if (failure.stack) error.stack = failure.stack;
  return error;
}
