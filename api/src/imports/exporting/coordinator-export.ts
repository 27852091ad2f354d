// The coordinator roster export (main sheet and sub-record sheets) as a function of one
// snapshot, without Nest: it runs in the export worker thread (export-worker.ts), so its garbage
// stays in a small heap of its own instead of growing the server's (docs/decisions/0600-imports.md).
// runInSnapshot and the sheet helpers serve the in-process exports too (spreadsheets.service.ts).
import { EDUCATION_LEVEL_LABELS } from '@registry/domain';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  AFFILIATION_LABELS,
  CATEGORY_LABELS,
  CERT_LEVEL_LABELS,
  COORDINATOR_SHEET,
  COORDINATOR_SUB_SHEETS,
  STATUS_LABELS,
  SUBSIDY_LABELS,
  WORK_RECORD_KIND_LABELS,
  WORK_RECORD_OUTCOME_LABELS,
  type SheetSpec,
} from '../sheets/columns';
import { CellStyle, columnName, XlsxStreamWriter, type CellValue } from './xlsx-writer';

/** Rows a cursor fetch returns at once. */
const PAGE = 200;

/** The work records with the credit code of the enterprise each served (a table expression). */
const WORK_RECORD_ROWS = `(select w.*, e.credit_code as enterprise_code from work_record w left join enterprise e on e.id = w.enterprise_id)`;

/** The queries of one export: one read-only REPEATABLE READ transaction (runInSnapshot). */
export interface ExportSnapshot {
  query(sql: string, parameters?: unknown[]): Promise<Record<string, unknown>[]>;
  pages(sql: string, parameters: unknown[], out?: Writable): AsyncGenerator<Record<string, unknown>[]>;
}

/**
 * One read-only REPEATABLE READ transaction on one connection: every query of an export sees
 * the same snapshot (taken by its first statement), so an import committing while the export
 * streams cannot make the main sheet and the sub-record sheets disagree.
 */
export async function runInSnapshot<T>(
  query: (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>,
  work: (snapshot: ExportSnapshot) => Promise<T>,
): Promise<T> {
  await query('begin transaction isolation level repeatable read read only');
  try {
    // the whole result is read: plan for all rows, not for the first 10% (the cursor default)
    await query('set local cursor_tuple_fraction = 1');
    let cursors = 0;
    const snapshot: ExportSnapshot = {
      query,
      // rows of a query in pages of PAGE through a server-side cursor: flat memory.
      // The writer waits for the response to drain, and so does the next page.
      async *pages(sql, parameters, out) {
        const cursor = `export_cursor_${++cursors}`;
        await query(`declare ${cursor} no scroll cursor for ${sql}`, parameters);
        for (;;) {
          const rows = await query(`fetch ${PAGE} from ${cursor}`);
          if (rows.length === 0) break;
          yield rows;
          if (out?.writableNeedDrain) await once(out, 'drain');
          if (rows.length < PAGE) break;
        }
        await query(`close ${cursor}`);
      },
    };
    const result = await work(snapshot);
    await query('commit');
    return result;
  } catch (error) {
    await query('rollback').catch(() => undefined);
    throw error;
  }
}

/** A sheet in the template's layout: optional title row (merged), then the header row. */
export async function startSheet(writer: XlsxStreamWriter, sheet: SheetSpec, title: string | null): Promise<void> {
  const width = sheet.columns.length;
  await writer.addSheet(sheet.name, {
    widths: sheet.columns.map((spec) => spec.width ?? Math.max(10, spec.header.length * 2 + 2)),
    frozenRows: title ? 2 : 1,
    merges: title ? [`A1:${columnName(Math.min(width, 12) - 1)}1`] : [],
  });
  if (title) await writer.addRow([title], CellStyle.TITLE);
  await writer.addRow(
    sheet.columns.map((spec) => (spec.required ? `${spec.header}*` : spec.header)),
    sheet.columns.map((spec) => (spec.required ? CellStyle.REQUIRED_HEADER : CellStyle.HEADER)),
  );
}

export function writeRow(writer: XlsxStreamWriter, sheet: SheetSpec, values: Record<string, unknown>): Promise<void> {
  return writer.addRow(sheet.columns.map((spec) => values[spec.key] as CellValue));
}

/** What the coordinator export needs from the server: the scoped filter, the title, the labels. */
export interface CoordinatorExportJob {
  title: string;
  where: string;
  parameters: unknown[];
  /** region code → "name（code）" */
  regionLabels: Record<string, string>;
}

function yesNo(value: boolean | null): string {
  return value ? '是' : '否';
}

/**
 * The roster: the main sheet (each person with the first certificate, education and work
 * period), then every further certificate, education and work period, and every training.
 * `idOf` gives the ID number shown (masked, or opened for a reveal); `beforeSheet` is awaited
 * before each sub-record sheet (a test seam).
 */
export async function writeCoordinatorExport(
  snapshot: ExportSnapshot,
  job: CoordinatorExportJob,
  idOf: (row: Record<string, unknown>) => string,
  out: Writable,
  beforeSheet: (sheet: string) => Promise<void>,
): Promise<void> {
  const regionLabel = (code: string) => job.regionLabels[code] ?? code;
    const writer = new XlsxStreamWriter(out);
    await startSheet(writer, COORDINATOR_SHEET, job.title);
    // One cursor per sheet, all in one snapshot. The main sheet: the filtered coordinators in list
    // order, each with its first certificate, education and work period (lateral index probes,
    // so the plan does not depend on statistics). Each sub-record sheet: only the records it
    // lists, joined to their coordinator the same way — no pass over coordinators without any.
    const first = (table: string, alias: string, columns: string[]) =>
      `left join lateral (select ${columns.join(', ')} from ${table} x where x.coordinator_id = c.id order by x.id limit 1) ${alias} on true`;
    const mainRows = snapshot.pages(
      `select c.id, c.name, c.id_number_masked, c.id_number_cipher, c.id_number_key_id, c.region_code, c.category, c.affiliation,
         c.tripartite_or_grassroots, c.unit_name, c.post, c.phone, c.joined_on, c.status, c.left_on, e.credit_code as enterprise_code,
         first_cert.occupation as k_occupation, first_cert.level as k_level, first_cert.title as k_title, first_cert.issued_on as k_issued_on,
         first_cert.certificate_number as k_certificate_number, first_cert.issuer as k_issuer,
         first_edu.level as d_level, first_edu.major as d_major, first_edu.school as d_school, first_edu.graduated_on as d_graduated_on,
         first_work.start_on as w_start_on, first_work.end_on as w_end_on, first_work.occupation as w_occupation, first_work.employer as w_employer
       from coordinator c left join enterprise e on e.id = c.enterprise_id
       ${first('certificate', 'first_cert', ['occupation', 'level', 'title', 'issued_on', 'certificate_number', 'issuer'])}
       ${first('education', 'first_edu', ['level', 'major', 'school', 'graduated_on'])}
       ${first('work_period', 'first_work', ['start_on', 'end_on', 'occupation', 'employer'])}
       where ${job.where} order by c.region_path, c.id`,
      job.parameters,
      out,
    );
    let count = 0;
    let active = 0;
    const levels = Object.fromEntries(Object.entries(CERT_LEVEL_LABELS));
    const education = EDUCATION_LEVEL_LABELS as Record<string, string>;
    for await (const rows of mainRows) {
      for (const r of rows) {
        count += 1;
        if (r.status === 'ACTIVE') active += 1;
        await writeRow(writer, COORDINATOR_SHEET, {
          seq: count, name: r.name, idNumber: idOf(r), region: regionLabel(String(r.region_code)), category: CATEGORY_LABELS[String(r.category)] ?? String(r.category),
          affiliation: (AFFILIATION_LABELS as Record<string, string>)[String(r.affiliation)], tripartite: yesNo(r.tripartite_or_grassroots as boolean),
          enterpriseCode: r.enterprise_code, unitName: r.unit_name, post: r.post, phone: r.phone, joinedOn: r.joined_on,
          status: (STATUS_LABELS as Record<string, string>)[String(r.status)], leftOn: r.left_on,
          certOccupation: r.k_occupation, certLevel: r.k_level ? levels[String(r.k_level)] : null, certTitle: r.k_title, certIssuedOn: r.k_issued_on,
          certNumber: r.k_certificate_number, certIssuer: r.k_issuer,
          eduLevel: r.d_level ? education[String(r.d_level)] : null, eduMajor: r.d_major, eduSchool: r.d_school, eduGraduatedOn: r.d_graduated_on,
          workStart: r.w_start_on, workEnd: r.w_end_on, workOccupation: r.w_occupation, workEmployer: r.w_employer,
          ref: String(r.id),
        });
      }
    }
    await writer.addRow(['合计', `共 ${count} 人（在岗 ${active} 人，离岗 ${count - active} 人）`]);

    // further records: every certificate/education/work period after the first, every training
    const subs: [SheetSpec, string, number, (r: Record<string, unknown>) => Record<string, unknown>][] = [
      [COORDINATOR_SUB_SHEETS[0], 'certificate', 1, (r) => ({ certOccupation: r.occupation, certLevel: r.level ? levels[String(r.level)] : null, certTitle: r.title, certIssuedOn: r.issued_on, certNumber: r.certificate_number, certIssuer: r.issuer })],
      [COORDINATOR_SUB_SHEETS[1], 'education', 1, (r) => ({ eduLevel: education[String(r.level)], eduMajor: r.major, eduSchool: r.school, eduGraduatedOn: r.graduated_on })],
      [COORDINATOR_SUB_SHEETS[2], 'work_period', 1, (r) => ({ workStart: r.start_on, workEnd: r.end_on, workOccupation: r.occupation, workEmployer: r.employer })],
      [COORDINATOR_SUB_SHEETS[3], 'training', 0, (r) => ({ course: r.course, hours: r.hours === null ? null : Number(r.hours), provider: r.provider, result: r.result, completedOn: r.completed_on, subsidyKind: r.subsidy_kind ? (SUBSIDY_LABELS as Record<string, string>)[String(r.subsidy_kind)] : null, subsidyAmount: r.subsidy_amount === null ? null : Number(r.subsidy_amount) })],
      // 六(三): the enterprise served by its credit code, a month as YYYY-MM
      [COORDINATOR_SUB_SHEETS[4], WORK_RECORD_ROWS, 0, (r) => ({
        workKind: (WORK_RECORD_KIND_LABELS as Record<string, string>)[String(r.kind)],
        workCount: r.count,
        workDate: r.date_precision === 'MONTH' ? String(r.recorded_on).slice(0, 7) : r.recorded_on,
        workEnterpriseCode: r.enterprise_code,
        workOutcome: r.outcome ? (WORK_RECORD_OUTCOME_LABELS as Record<string, string>)[String(r.outcome)] : null,
        workDescription: r.description,
      })],
    ];
    for (const [sheet, table, skip, map] of subs) {
      await beforeSheet(sheet.name);
      await startSheet(writer, sheet, null);
      let seq = 0;
      for await (const rows of snapshot.pages(
        `select c.id as coordinator_ref, c.id_number_masked, c.id_number_cipher, c.id_number_key_id, x.*
         from coordinator c
         cross join lateral (select * from ${table} x where x.coordinator_id = c.id order by x.id offset ${skip}) x
         where ${job.where} order by c.region_path, c.id, x.id`,
        job.parameters,
        out,
      )) {
        for (const record of rows) {
          seq += 1;
          await writeRow(writer, sheet, { seq, idNumber: idOf(record), ref: String(record.coordinator_ref), ...map(record) });
        }
      }
    }
    await writer.finish();
}
