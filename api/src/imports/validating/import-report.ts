// What the dry run tells the user besides the errors (issue 14): the first rows as they will be
// stored (from staging, with the action the classification gave them) and notes such as which
// code a region written by name took.
import type { ImportPreview } from '@registry/domain';
import { AFFILIATION_LABELS, CATEGORY_LABELS, SIZE_CLASS_LABELS, STATUS_LABELS, type ImportKind } from '../sheets/columns';

export const PREVIEW_ROWS = 10;

/** $1 job id, after classify(): the first valid staged rows with their action (import_target). */
export function previewSql(kind: ImportKind): string {
  return kind === 'coordinators'
    ? `select s.row_number, t.action, s.name, s.id_number_masked, s.region_code, s.category, s.affiliation, s.tripartite_or_grassroots,
         coalesce(e.name, s.unit_name) as unit, s.joined_on::text as joined_on, s.status
       from import_staging_coordinator s join import_target t on t.row_number = s.row_number
       left join enterprise e on e.id = s.enterprise_id
       where s.job_id = $1 and s.valid order by s.row_number limit ${PREVIEW_ROWS}`
    : `select s.row_number, t.action, s.credit_code, s.name, s.region_code, s.industry_code, s.employees, s.revenue::float8 as revenue,
         coalesce(s.size_override, s.derived_size_class) as size_class, s.public_owned
       from import_staging_enterprise s join import_target t on t.row_number = s.row_number
       where s.job_id = $1 and s.valid order by s.row_number limit ${PREVIEW_ROWS}`;
}

const yesNo = (value: unknown) => (value ? '是' : '否');
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

export function toPreview(kind: ImportKind, rows: Record<string, unknown>[], describeRegion: (code: string) => string): ImportPreview {
  const action = (row: Record<string, unknown>) => (row.action as ImportPreview['rows'][number]['action']) ?? null;
  if (kind === 'coordinators') {
    return {
      columns: ['姓名', '身份证号', '所在地区', '人员类别', '所属类型', '三方成员单位或基层平台人员', '工作单位', '入职日期', '状态'],
      rows: rows.map((row) => ({
        row: Number(row.row_number),
        action: action(row),
        cells: [
          text(row.name),
          text(row.id_number_masked),
          describeRegion(String(row.region_code)),
          CATEGORY_LABELS[String(row.category)] ?? text(row.category),
          (AFFILIATION_LABELS as Record<string, string>)[String(row.affiliation)] ?? text(row.affiliation),
          yesNo(row.tripartite_or_grassroots),
          text(row.unit),
          text(row.joined_on),
          (STATUS_LABELS as Record<string, string>)[String(row.status)] ?? text(row.status),
        ],
      })),
    };
  }
  return {
    columns: ['统一社会信用代码', '单位名称', '所在地区', '行业代码', '从业人员数', '营业收入（万元）', '企业规模', '公有制'],
    rows: rows.map((row) => ({
      row: Number(row.row_number),
      action: action(row),
      cells: [
        text(row.credit_code),
        text(row.name),
        describeRegion(String(row.region_code)),
        text(row.industry_code),
        text(row.employees),
        text(row.revenue),
        (SIZE_CLASS_LABELS as Record<string, string>)[String(row.size_class)] ?? text(row.size_class),
        yesNo(row.public_owned),
      ],
    })),
  };
}

export interface RegionNameUse {
  text: string;
  label: string;
  rows: { sheet: string; row: number }[];
}

const ROWS_LISTED = 10;

/** “前进街道”按名称识别为 长春市 · 朝阳区 · 前进街道（220104001）：「协调员」第 3、5 行. */
export function regionNameNotes(uses: RegionNameUse[]): string[] {
  return uses.slice(0, 50).map((use) => {
    const listed = use.rows.slice(0, ROWS_LISTED).map((entry) => entry.row).join('、');
    const more = use.rows.length > ROWS_LISTED ? ` 等 ${use.rows.length} 行` : ' 行';
    return `所在地区“${use.text}”未填代码，已按名称识别为 ${use.label}：「${use.rows[0].sheet}」第 ${listed}${more}`;
  });
}
