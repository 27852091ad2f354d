// The spreadsheet layout of imports, templates and exports: one list of columns per sheet, so
// that what the template offers, what the reader accepts and what the export writes agree
// (an export re-imports unchanged). See docs/decisions/0601-import-layout.md.
import { coordinatorCategoryLabel, EDUCATION_LEVEL_LABELS, GENDER_LABELS, INDUSTRY_SECTIONS, SIZE_CLASS_LABELS } from '@registry/domain';

export type { ImportKind } from '@registry/domain';
import type { ImportKind } from '@registry/domain';
export const IMPORT_KINDS: ImportKind[] = ['coordinators', 'enterprises'];

/**
 * The region levels a row may name (and the template's region list offers): employers sit in a
 * county or township (SPEC); a coordinator may also belong to a city's or the province's office
 * (三方成员单位 staff), as the form allows.
 */
export function takesRegionLevel(kind: ImportKind, level: string): boolean {
  return kind === 'coordinators' || level === 'COUNTY' || level === 'TOWNSHIP';
}

/** Which dropdown list a column offers (the 代码 sheet holds each list in a column). */
export type CodeList = 'region' | 'category' | 'affiliation' | 'yesno' | 'status' | 'certLevel' | 'education' | 'industry' | 'size' | 'subsidy' | 'workKind' | 'workOutcome';

export interface ColumnSpec {
  key: string;
  header: string;
  required?: boolean;
  /** the prompt shown as the header cell's note */
  note: string;
  list?: CodeList;
  date?: boolean;
  text?: boolean;
  width?: number;
}

export type SheetKind = 'coordinator' | 'certificates' | 'educations' | 'workPeriods' | 'trainings' | 'workRecords' | 'enterprise';

export interface SheetSpec {
  kind: SheetKind;
  name: string;
  columns: ColumnSpec[];
}

const SEQ: ColumnSpec = { key: 'seq', header: '序号', note: '可留空，导入时忽略。“示例”行与“合计”行不会导入。', width: 6 };
const ID: ColumnSpec = { key: 'idNumber', header: '身份证号', required: true, text: true, width: 21, note: '18位居民身份证号码，校验位须正确；请保持文本格式，勿让Excel转成数字。' };

export const CERTIFICATE_COLUMNS: ColumnSpec[] = [
  { key: 'certOccupation', header: '证书职业', note: '如：劳动关系协调员、企业人力资源管理师。填写本组时职业、等级、发证日期必填。', width: 16 },
  { key: 'certLevel', header: '证书等级', list: 'certLevel', note: '一级（高级技师）至五级（初级工），可填 1–5 或 一级…五级。' },
  { key: 'certTitle', header: '职称', note: '有职称的证书填写（如 社会工作师），可留空。' },
  { key: 'certIssuedOn', header: '发证日期', date: true, note: '如 2021-11-30、2021/11/30 或 2021年11月30日；不得晚于今天、不得早于出生日期。' },
  { key: 'certNumber', header: '证书编号', text: true, note: '可留空。', width: 18 },
  { key: 'certIssuer', header: '发证机关', note: '可留空。', width: 18 },
];

export const EDUCATION_COLUMNS: ColumnSpec[] = [
  { key: 'eduLevel', header: '学历', list: 'education', note: '从下拉列表选择：中专及以下、大专、本科、硕士研究生、博士研究生。填写本组时学历、专业必填。' },
  { key: 'eduMajor', header: '专业', note: '如：人力资源管理。', width: 14 },
  { key: 'eduSchool', header: '毕业院校', note: '可留空。', width: 16 },
  { key: 'eduGraduatedOn', header: '毕业日期', date: true, note: '可留空；日期格式同上。' },
];

export const WORK_PERIOD_COLUMNS: ColumnSpec[] = [
  { key: 'workStart', header: '工作开始日期', date: true, note: '从事劳动关系协调相关工作的开始日期。填写本组时开始日期、从事工作必填。' },
  { key: 'workEnd', header: '工作结束日期', date: true, note: '仍在从事的留空；不得早于开始日期。' },
  { key: 'workOccupation', header: '从事工作', note: '如：劳动关系协调员、人力资源管理。', width: 14 },
  { key: 'workEmployer', header: '工作单位', note: '可留空。', width: 18 },
];

export const TRAINING_COLUMNS: ColumnSpec[] = [
  { key: 'course', header: '培训课程', required: true, note: '课程名称。', width: 18 },
  { key: 'hours', header: '学时', required: true, note: '非负数，如 16 或 7.5。' },
  { key: 'provider', header: '培训机构', note: '可留空。', width: 16 },
  { key: 'result', header: '培训结果', note: '如：合格。可留空。' },
  { key: 'completedOn', header: '结业日期', required: true, date: true, note: '不得晚于今天。' },
  { key: 'subsidyKind', header: '补贴类型', list: 'subsidy', note: '职业培训补贴 / 技能提升补贴 / 生活费补贴，可留空。' },
  { key: 'subsidyAmount', header: '补贴金额（元）', note: '可留空。' },
];

const REF: ColumnSpec = {
  key: 'ref',
  header: '记录编号',
  note: '导出时由系统填写，用于身份证号脱敏时匹配已有记录；新增人员请留空。',
  width: 10,
};

export const COORDINATOR_SHEET: SheetSpec = {
  kind: 'coordinator',
  name: '协调员',
  columns: [
    SEQ,
    { key: 'name', header: '姓名', required: true, note: '1–50个字。', width: 10 },
    ID,
    { key: 'region', header: '所在地区', required: true, list: 'region', width: 24, note: '从下拉列表选择您管辖范围内的地区：一般为县（市、区）或乡镇（街道）；市州、省级单位的人员（如三方成员单位工作人员）选其市州或省。也可只填地区代码。' },
    { key: 'category', header: '人员类别', list: 'category', width: 30, note: '三(一) 第1–6类：从下拉列表选择（如“1 用人单位协调劳动关系工作人员”），也可只填 1–6；留空时按所属类型推定（用人单位→1，三方/基层→3，其他→6）。' },
    { key: 'affiliation', header: '所属类型', list: 'affiliation', note: '用人单位 / 三方成员单位 / 基层平台 / 其他；留空时自动推定。', width: 12 },
    { key: 'tripartite', header: '三方成员单位或基层平台人员', required: true, list: 'yesno', note: '是 / 否。', width: 12 },
    { key: 'enterpriseCode', header: '用人单位统一社会信用代码', text: true, width: 21, note: '已登记的用人单位的18位统一社会信用代码，可留空。' },
    { key: 'unitName', header: '工作单位名称', width: 20, note: '未登记为用人单位时填写单位名称，可留空。' },
    { key: 'post', header: '岗位', note: '可留空。' },
    { key: 'phone', header: '联系电话', text: true, width: 14, note: '5–20位数字，可含 + - 和空格，可留空。' },
    { key: 'joinedOn', header: '入职日期', date: true, note: '加入协调员队伍的日期；留空时取最早的工作开始日期。' },
    { key: 'status', header: '状态', list: 'status', note: '在岗 / 离岗，留空为在岗。' },
    { key: 'leftOn', header: '离岗日期', date: true, note: '状态为离岗时填写，不得早于入职日期。' },
    { key: 'changedOn', header: '变更日期', date: true, note: '用人单位、工作单位或所在地区有变更时，新单位或地区的起始日期；留空为今天。不得早于当前任职的起始日期。' },
    ...CERTIFICATE_COLUMNS,
    ...EDUCATION_COLUMNS,
    ...WORK_PERIOD_COLUMNS,
    REF,
  ],
};

function subSheet(kind: SheetKind, name: string, columns: ColumnSpec[]): SheetSpec {
  return { kind, name, columns: [SEQ, { ...ID, note: `${ID.note} 须与「协调员」表中的某一行相同。` }, ...columns.map((c) => ({ ...c })), REF] };
}

/** 六(三) 工作情况: one row per piece of work; a file with this sheet replaces the person's work records. */
export const WORK_RECORD_COLUMNS: ColumnSpec[] = [
  { key: 'workKind', header: '工作类型', required: true, list: 'workKind', width: 14, note: '从下拉列表选择：调解劳动争议、政策宣传、用工指导、集体协商、培训授课、咨询接待、其他；也可填代码（如 DISPUTE_MEDIATED）。' },
  { key: 'workCount', header: '次数', note: '不小于 0 的整数（如调解的争议件数、接待人次）；留空为 1。' },
  { key: 'workDate', header: '工作日期', required: true, width: 12, note: '具体日期（2025-03-15）或只填月份（2025-03、2025年3月）；不得晚于今天。' },
  { key: 'workEnterpriseCode', header: '服务企业统一社会信用代码', text: true, width: 21, note: '可留空；须为您管辖范围内已登记的用人单位。' },
  { key: 'workOutcome', header: '调解结果', list: 'workOutcome', note: '仅“调解劳动争议”填写：调解成功、调解未成功、转仲裁、当事人撤回；可留空。' },
  { key: 'workDescription', header: '工作说明', width: 24, note: '可留空，最多 1000 字。' },
];

/** Further certificates, educations, work periods, trainings and work records: one row each, keyed by ID number. */
export const COORDINATOR_SUB_SHEETS: SheetSpec[] = [
  subSheet('certificates', '证书', CERTIFICATE_COLUMNS),
  subSheet('educations', '学历', EDUCATION_COLUMNS),
  subSheet('workPeriods', '工作经历', WORK_PERIOD_COLUMNS),
  subSheet('trainings', '培训', TRAINING_COLUMNS),
  subSheet('workRecords', '工作记录', WORK_RECORD_COLUMNS),
];

export const ENTERPRISE_SHEET: SheetSpec = {
  kind: 'enterprise',
  name: '用人单位',
  columns: [
    SEQ,
    { key: 'creditCode', header: '统一社会信用代码', required: true, text: true, width: 21, note: '18位统一社会信用代码，校验位须正确。' },
    { key: 'name', header: '单位名称', required: true, width: 24, note: '1–200个字。' },
    { key: 'region', header: '所在地区', required: true, list: 'region', width: 24, note: '从下拉列表选择您管辖范围内的县（市、区）或乡镇（街道），也可只填地区代码。' },
    { key: 'industryCode', header: '行业代码', required: true, list: 'industry', width: 16, note: 'GB/T 4754-2017 行业代码，如 C13 或 1310；也可选门类。' },
    { key: 'employees', header: '从业人员数', required: true, note: '非负整数。' },
    { key: 'revenue', header: '营业收入（万元）', required: true, width: 12, note: '非负数。' },
    { key: 'assets', header: '资产总额（万元）', width: 12, note: '非负数，可留空。' },
    { key: 'publicOwned', header: '公有制', required: true, list: 'yesno', note: '是 / 否。' },
    { key: 'socialOrganization', header: '社会组织', list: 'yesno', note: '从事协调劳动关系的社会组织填“是”，留空为否。' },
    { key: 'sizeOverride', header: '规模调整', list: 'size', note: '一般留空（按2017年划分办法自动计算）；需调整时选择 大型/中型/小型/微型 并填写理由。' },
    { key: 'sizeOverrideReason', header: '调整理由', width: 20, note: '填写规模调整时必填。' },
    { key: 'registeredOn', header: '登记日期', date: true, note: '可留空（新增时为今天）。' },
    { key: 'figuresYear', header: '统计年度', note: '从业人员数、营业收入、资产总额所属的年度，如 2025；留空为今年。' },
  ],
};

export function sheetsOf(kind: ImportKind): SheetSpec[] {
  return kind === 'coordinators' ? [COORDINATOR_SHEET, ...COORDINATOR_SUB_SHEETS] : [ENTERPRISE_SHEET];
}

/** The header as the reader compares it: no '*', spaces, and half-width brackets. */
export function normalizeHeader(text: string): string {
  return text.replace(/[*＊\s]/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * Which sheet a header row belongs to, and where each known column is; null when the row is not
 * a header of this import kind (a title row, a blank row, a prompt row).
 */
export function matchHeader(kind: ImportKind, cells: string[]): { sheet: SheetSpec; positions: Map<string, number> } | null {
  const normalized = cells.map((cell) => normalizeHeader(cell ?? ''));
  const candidates = sheetsOf(kind)
    .map((sheet) => {
      const positions = new Map<string, number>();
      for (const column of sheet.columns) {
        const index = normalized.indexOf(normalizeHeader(column.header));
        if (index >= 0) positions.set(column.key, index);
      }
      const own = sheet.columns.filter((column) => !['seq', 'idNumber', 'ref'].includes(column.key) && positions.has(column.key)).length;
      return { sheet, positions, own };
    })
    .filter(({ sheet, positions }) => sheet.columns.filter((column) => column.required).every((column) => positions.has(column.key)));
  if (kind === 'enterprises') return candidates[0] ?? null;
  const main = candidates.find(({ sheet }) => sheet.kind === 'coordinator');
  if (main) return main;
  const best = candidates.filter(({ own }) => own > 0).sort((a, b) => b.own - a.own)[0];
  return best ?? null;
}

/** 三(一) 1–6 as the template's dropdown and the exports write them ("1 用人单位协调劳动关系工作人员"); the reader takes these or the code. */
export const CATEGORY_LABELS: Record<string, string> = Object.fromEntries([1, 2, 3, 4, 5, 6].map((code) => [String(code), coordinatorCategoryLabel(code)]));
export const AFFILIATION_LABELS = { ENTERPRISE: '用人单位', TRIPARTITE: '三方成员单位', GRASSROOTS: '基层平台', OTHER: '其他' } as const;
export const STATUS_LABELS = { ACTIVE: '在岗', LEFT: '离岗' } as const;
export const CERT_LEVEL_LABELS: Record<string, string> = { '1': '一级', '2': '二级', '3': '三级', '4': '四级', '5': '五级' };
export { WORK_RECORD_KIND_LABELS, WORK_RECORD_OUTCOME_LABELS } from '@registry/domain';
export const SUBSIDY_LABELS = { VOCATIONAL_TRAINING: '职业培训补贴', SKILL_UPGRADE: '技能提升补贴', LIVING_ALLOWANCE: '生活费补贴' } as const;
export { EDUCATION_LEVEL_LABELS, GENDER_LABELS, INDUSTRY_SECTIONS, SIZE_CLASS_LABELS };
