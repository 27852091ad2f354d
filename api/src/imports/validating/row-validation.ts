// Dates here are already valid 'YYYY-MM-DD' strings (parseLooseDate), which compare correctly
// as strings: a 100k-row import cannot afford a Date object per comparison.
// One spreadsheet row → a normalised staging record, or the reasons it is refused (column +
// reason in Chinese). The rules are the forms' rules: libs/domain validators, the same checks
// as CoordinatorsService/CoordinatorRecordsService/EnterprisesService. Set-based checks that
// need the database (duplicates, existing rows outside the scope, employers) run later in SQL.
import {
  classifyEnterpriseSize,
  cellText,
  industrySection,
  isBlankCell,
  isWithinScope,
  maskIdNumber,
  parseCodeCell,
  parseCoordinatorCategory,
  parseLabelled,
  parseLooseDate,
  parseLooseNumber,
  parseSmallInteger,
  parseYesNo,
  validateCreditCode,
  validateIdNumber,
  workRecordDay,
} from '@registry/domain';
import {
  AFFILIATION_LABELS,
  CERT_LEVEL_LABELS,
  EDUCATION_LEVEL_LABELS,
  SIZE_CLASS_LABELS,
  STATUS_LABELS,
  SUBSIDY_LABELS,
  takesRegionLevel,
  WORK_RECORD_KIND_LABELS,
  WORK_RECORD_OUTCOME_LABELS,
  type ColumnSpec,
  type ImportKind,
  type SheetKind,
  type SheetSpec,
} from '../sheets/columns';
import type { RegionNameResolver } from './region-names';

export interface RowIssue {
  column: string;
  reason: string;
}

export interface RegionLookup {
  find(code: string): { code: string; name: string; level: string; path: string } | undefined;
}

export interface IdNumberSealer {
  hash(normalized: string): string;
  encrypt(normalized: string): { cipher: string; keyId: string };
}

export interface RowContext {
  today: string;
  scopePath: string;
  regions: RegionLookup;
  vault: IdNumberSealer;
  /** regions written without their code (前进街道), resolved within the scope */
  regionNames?: RegionNameResolver;
  /** told which region a name took, for the dry run's notes */
  onRegionByName?(text: string, region: { code: string; name: string; level: string; path: string }): void;
}

export type RecordKind = 'certificates' | 'educations' | 'workPeriods' | 'trainings' | 'workRecords';

export interface StagedRecord {
  kind: RecordKind;
  data: Record<string, unknown>;
  /** earliest date of the record and its column, for the set-based "not before birth" check */
  minDate: string | null;
  minDateColumn: string | null;
}

export interface StagedCoordinator {
  idKey: string;
  name: string;
  gender: string | null;
  birthDate: string | null;
  idNumberHash: string | null;
  idNumberCipher: string | null;
  idNumberKeyId: string | null;
  idNumberMasked: string;
  ref: string | null;
  phone: string | null;
  category: number | null;
  affiliation: string;
  tripartite: boolean;
  enterpriseCode: string | null;
  unitName: string | null;
  regionCode: string;
  regionPath: string;
  post: string | null;
  status: 'ACTIVE' | 'LEFT';
  joinedOn: string | null;
  leftOn: string | null;
  /** 变更日期: the first day of a new employer, unit or region (null: today) */
  changedOn: string | null;
}

export interface StagedEnterprise {
  creditCode: string;
  name: string;
  regionCode: string;
  regionPath: string;
  industryCode: string;
  industrySection: string;
  employees: number;
  revenue: number;
  assets: number | null;
  publicOwned: boolean;
  socialOrganization: boolean;
  derivedSizeClass: string;
  sizeOverride: string | null;
  sizeOverrideReason: string | null;
  registeredOn: string | null;
  /** 统计年度: the year of the figures (null: the current year) */
  figuresYear: number | null;
}

/** Reads the cells of one row by column key. */
export class RowReader {
  readonly issues: RowIssue[] = [];
  constructor(
    private readonly sheet: SheetSpec,
    private readonly positions: Map<string, number>,
    private readonly values: unknown[],
  ) {}

  header(key: string): string {
    return this.sheet.columns.find((column: ColumnSpec) => column.key === key)?.header ?? key;
  }

  raw(key: string): unknown {
    const index = this.positions.get(key);
    return index === undefined ? undefined : this.values[index];
  }

  blank(key: string): boolean {
    return isBlankCell(this.raw(key));
  }

  fail(key: string, reason: string): null {
    this.issues.push({ column: this.header(key), reason });
    return null;
  }

  text(key: string, options: { required?: boolean; max?: number } = {}): string | null {
    const value = cellText(this.raw(key));
    if (!value) return options.required ? this.fail(key, '不能为空') : null;
    if (options.max && value.length > options.max) return this.fail(key, `不能超过${options.max}个字（实际${value.length}个）`);
    return value;
  }

  date(key: string, options: { required?: boolean; notAfter?: string } = {}): string | null {
    const raw = this.raw(key);
    if (isBlankCell(raw)) return options.required ? this.fail(key, '不能为空') : null;
    const date = parseLooseDate(raw);
    if (!date) return this.fail(key, `日期“${cellText(raw)}”无法识别，应为 2021-11-30、2021/11/30 或 2021年11月30日 这样的真实日期`);
    if (options.notAfter && date > options.notAfter) return this.fail(key, `日期 ${date} 晚于今天`);
    return date;
  }

  yesNo(key: string, options: { required?: boolean } = {}): boolean | null {
    const raw = this.raw(key);
    if (isBlankCell(raw)) return options.required ? this.fail(key, '不能为空，应填“是”或“否”') : null;
    const value = parseYesNo(raw);
    return value === null ? this.fail(key, `“${cellText(raw)}”应为“是”或“否”`) : value;
  }

  number(key: string, options: { required?: boolean; integer?: boolean; max?: number } = {}): number | null {
    const raw = this.raw(key);
    if (isBlankCell(raw)) return options.required ? this.fail(key, '不能为空') : null;
    const value = parseLooseNumber(raw);
    if (value === null) return this.fail(key, `“${cellText(raw)}”不是数字`);
    if (value < 0) return this.fail(key, '不能为负数');
    if (options.integer && !Number.isInteger(value)) return this.fail(key, '应为整数');
    if (options.max !== undefined && value > options.max) return this.fail(key, `不能大于${options.max}`);
    return value;
  }

  choice<T extends string>(key: string, labels: Readonly<Record<T, string>>, what: string): T | null {
    const raw = this.raw(key);
    if (isBlankCell(raw)) return null;
    const value = parseLabelled(raw, labels);
    if (value === null) return this.fail(key, `“${cellText(raw)}”不是有效的${what}，应为：${Object.values(labels).join('、')}`);
    return value;
  }
}

/** The row's region: within the uploader's scope, at a level its kind takes (takesRegionLevel). */
function region(reader: RowReader, context: RowContext, kind: ImportKind): { code: string; path: string; level: string } | null {
  const raw = reader.raw('region');
  if (isBlankCell(raw)) return reader.fail('region', '不能为空');
  const code = parseCodeCell(raw);
  let found = code ? context.regions.find(code) : undefined;
  if (!code && context.regionNames) {
    const match = context.regionNames.resolve(cellText(raw));
    if (match && 'candidates' in match) {
      const names = context.regionNames;
      return reader.fail('region', `地区“${cellText(raw)}”在您的管辖范围内有 ${match.candidates.length} 个同名地区：${match.candidates.map((candidate) => names.describe(candidate)).join('、')}，请填写地区代码或从下拉列表选择`);
    }
    if (match) {
      found = context.regions.find(match.region.code);
      if (found) context.onRegionByName?.(cellText(raw), found);
    }
  }
  if (!found) return reader.fail('region', `地区“${cellText(raw)}”不存在，请从下拉列表选择或填写地区代码`);
  if (!isWithinScope(found.path, context.scopePath)) return reader.fail('region', `地区 ${found.name}（${found.code}）不在您的管辖范围内`);
  if (!takesRegionLevel(kind, found.level)) return reader.fail('region', `请选择县（市、区）或乡镇（街道），${found.name} 是${found.level === 'UNIT' ? '市州' : '省'}`);
  return found;
}

const MASKED_ID = /^\d{4}\*{10}[\dX]{3}[\dX]$/;

/** ID number cell → the key joining main and sub sheets; full numbers are hashed, masked ones need 记录编号. */
function identity(reader: RowReader, context: RowContext): { key: string; normalized: string | null; masked: string; ref: string | null; birthDate: string | null; gender: string | null } | null {
  const raw = reader.raw('idNumber');
  if (isBlankCell(raw)) return reader.fail('idNumber', '不能为空');
  if (typeof raw === 'number') return reader.fail('idNumber', '被Excel存成了数字（末几位已丢失），请把该列设为文本后重新填写');
  const text = cellText(raw).toUpperCase();
  const refText = cellText(reader.raw('ref'));
  const ref = /^\d{1,18}$/.test(refText) ? refText : null;
  if (refText && !ref) return reader.fail('ref', `“${refText}”不是有效的记录编号`);
  if (MASKED_ID.test(text)) {
    if (!ref) return reader.fail('idNumber', '身份证号已脱敏，须同时保留导出时的“记录编号”');
    return { key: `ref:${ref}`, normalized: null, masked: text, ref, birthDate: null, gender: null };
  }
  const check = validateIdNumber(text);
  if (!check.valid) return reader.fail('idNumber', check.reason);
  const hash = context.vault.hash(check.normalized);
  return { key: hash, normalized: check.normalized, masked: maskIdNumber(check.normalized), ref, birthDate: check.birthDate, gender: check.gender };
}

function notBefore(reader: RowReader, key: string, date: string | null, birthDate: string | null): void {
  if (date && birthDate && date < birthDate) reader.fail(key, `日期 ${date} 早于出生日期 ${birthDate}`);
}

function groupBlank(reader: RowReader, keys: string[]): boolean {
  return keys.every((key) => reader.blank(key));
}

export function readCertificate(reader: RowReader, context: RowContext, birthDate: string | null): StagedRecord | null {
  if (groupBlank(reader, ['certOccupation', 'certLevel', 'certTitle', 'certIssuedOn', 'certNumber', 'certIssuer'])) return null;
  const occupation = reader.text('certOccupation', { required: true, max: 100 });
  let level: number | null = null;
  if (reader.blank('certLevel')) reader.fail('certLevel', '不能为空');
  else {
    level = parseSmallInteger(reader.raw('certLevel'));
    if (level === null || level < 1 || level > 5) level = reader.fail('certLevel', `“${cellText(reader.raw('certLevel'))}”应为 1（一级）至 5（五级）`);
  }
  const issuedOn = reader.date('certIssuedOn', { required: true, notAfter: context.today });
  notBefore(reader, 'certIssuedOn', issuedOn, birthDate);
  const data = {
    occupation,
    level,
    title: reader.text('certTitle', { max: 100 }),
    certificate_number: reader.text('certNumber', { max: 64 }),
    issuer: reader.text('certIssuer', { max: 200 }),
    issued_on: issuedOn,
  };
  return { kind: 'certificates', data, minDate: issuedOn, minDateColumn: reader.header('certIssuedOn') };
}

export function readEducation(reader: RowReader, context: RowContext, birthDate: string | null): StagedRecord | null {
  if (groupBlank(reader, ['eduLevel', 'eduMajor', 'eduSchool', 'eduGraduatedOn'])) return null;
  const level = reader.blank('eduLevel') ? reader.fail('eduLevel', '不能为空') : reader.choice('eduLevel', EDUCATION_LEVEL_LABELS, '学历');
  const graduatedOn = reader.date('eduGraduatedOn', { notAfter: context.today });
  notBefore(reader, 'eduGraduatedOn', graduatedOn, birthDate);
  const data = { level, major: reader.text('eduMajor', { required: true, max: 100 }), school: reader.text('eduSchool', { max: 200 }), graduated_on: graduatedOn };
  return { kind: 'educations', data, minDate: graduatedOn, minDateColumn: graduatedOn ? reader.header('eduGraduatedOn') : null };
}

export function readWorkPeriod(reader: RowReader, context: RowContext, birthDate: string | null): StagedRecord | null {
  if (groupBlank(reader, ['workStart', 'workEnd', 'workOccupation', 'workEmployer'])) return null;
  const start = reader.date('workStart', { required: true, notAfter: context.today });
  const end = reader.date('workEnd', { notAfter: context.today });
  if (start && end && end < start) reader.fail('workEnd', `结束日期 ${end} 早于开始日期 ${start}`);
  notBefore(reader, 'workStart', start, birthDate);
  const data = { start_on: start, end_on: end, occupation: reader.text('workOccupation', { required: true, max: 100 }), employer: reader.text('workEmployer', { max: 200 }) };
  return { kind: 'workPeriods', data, minDate: start, minDateColumn: reader.header('workStart') };
}

export function readTraining(reader: RowReader, context: RowContext, birthDate: string | null): StagedRecord | null {
  const completedOn = reader.date('completedOn', { required: true, notAfter: context.today });
  notBefore(reader, 'completedOn', completedOn, birthDate);
  const data = {
    course: reader.text('course', { required: true, max: 200 }),
    hours: reader.number('hours', { required: true, max: 10000 }),
    provider: reader.text('provider', { max: 200 }),
    result: reader.text('result', { max: 50 }),
    completed_on: completedOn,
    subsidy_kind: reader.choice('subsidyKind', SUBSIDY_LABELS, '补贴类型'),
    subsidy_amount: reader.number('subsidyAmount'),
  };
  return { kind: 'trainings', data, minDate: completedOn, minDateColumn: reader.header('completedOn') };
}

/** A work date: a day (any form the other dates take), or a month alone ("2025-03", "2025/3", "2025年3月") held as its 1st. */
function workDay(reader: RowReader, context: RowContext): { day: string; precision: 'DAY' | 'MONTH' } | null {
  const raw = reader.raw('workDate');
  if (isBlankCell(raw)) return reader.fail('workDate', '不能为空');
  const month = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?\s*$/.exec(cellText(raw));
  if (month) {
    const day = workRecordDay(`${month[1]}-${month[2].padStart(2, '0')}`, 'MONTH');
    if (!day) return reader.fail('workDate', `月份“${cellText(raw)}”无法识别`);
    if (day > context.today) return reader.fail('workDate', `月份 ${day.slice(0, 7)} 晚于本月`);
    return { day, precision: 'MONTH' };
  }
  const day = reader.date('workDate', { required: true, notAfter: context.today });
  return day ? { day, precision: 'DAY' } : null;
}

export function readWorkRecord(reader: RowReader, context: RowContext): StagedRecord | null {
  const kind = reader.blank('workKind') ? reader.fail('workKind', '不能为空') : reader.choice('workKind', WORK_RECORD_KIND_LABELS, '工作类型');
  const count = reader.number('workCount', { integer: true, max: 100000 });
  const date = workDay(reader, context);
  const outcome = reader.choice('workOutcome', WORK_RECORD_OUTCOME_LABELS, '调解结果');
  if (outcome && kind && kind !== 'DISPUTE_MEDIATED') reader.fail('workOutcome', '只有“调解劳动争议”可填写调解结果');
  const enterpriseCode = reader.text('workEnterpriseCode', { max: 18 });
  // the enterprise's id replaces its code in the set-based checks (ImportValidationService)
  const data = {
    kind,
    count: count ?? 1,
    recorded_on: date?.day ?? null,
    date_precision: date?.precision ?? 'DAY',
    enterprise_id: null,
    outcome,
    description: reader.text('workDescription', { max: 1000 }),
    ...(enterpriseCode ? { enterprise_code: enterpriseCode.toUpperCase() } : {}),
  };
  return { kind: 'workRecords', data, minDate: date?.day ?? null, minDateColumn: reader.header('workDate') };
}

const SUB_READERS: Partial<Record<SheetKind, typeof readCertificate>> = {
  certificates: readCertificate,
  educations: readEducation,
  workPeriods: readWorkPeriod,
  trainings: readTraining,
  workRecords: readWorkRecord,
};

/** 三(一): employer staff → 1, 人社部门/基层平台 → 3, otherwise 6 (as CoordinatorsService). */
function defaultCategory(affiliation: string): number {
  if (affiliation === 'ENTERPRISE') return 1;
  if (affiliation === 'TRIPARTITE' || affiliation === 'GRASSROOTS') return 3;
  return 6;
}

export function readCoordinatorRow(reader: RowReader, context: RowContext): { coordinator: StagedCoordinator | null; records: StagedRecord[] } {
  const name = reader.text('name', { required: true, max: 50 });
  const id = identity(reader, context);
  const place = region(reader, context, 'coordinators');
  const tripartite = reader.yesNo('tripartite', { required: true });
  let category: number | null = null;
  if (!reader.blank('category')) {
    category = parseCoordinatorCategory(reader.raw('category'));
    if (category === null) category = reader.fail('category', `“${cellText(reader.raw('category'))}”应为 1–6 或下拉列表中的类别（如“1 用人单位协调劳动关系工作人员”）`);
  }
  const affiliationGiven = reader.choice('affiliation', AFFILIATION_LABELS, '所属类型');
  let enterpriseCode: string | null = null;
  if (!reader.blank('enterpriseCode')) {
    const check = validateCreditCode(cellText(reader.raw('enterpriseCode')));
    if (check.valid) enterpriseCode = check.normalized;
    else reader.fail('enterpriseCode', check.reason);
  }
  const phone = reader.text('phone', { max: 20 });
  if (phone && !/^[0-9+\- ]{5,20}$/.test(phone)) reader.fail('phone', '电话号码格式不正确');
  const birthDate = id?.birthDate ?? null;
  const joinedOn = reader.date('joinedOn', { notAfter: context.today });
  notBefore(reader, 'joinedOn', joinedOn, birthDate);
  const status = reader.choice('status', STATUS_LABELS, '状态') ?? 'ACTIVE';
  let leftOn = reader.date('leftOn', { notAfter: context.today });
  if (status === 'ACTIVE' && leftOn) leftOn = reader.fail('leftOn', '状态为在岗时不应填写离岗日期');
  if (status === 'LEFT' && !leftOn && reader.blank('leftOn')) reader.fail('leftOn', '状态为离岗时须填写离岗日期');
  if (joinedOn && leftOn && leftOn < joinedOn) reader.fail('leftOn', `离岗日期 ${leftOn} 早于入职日期 ${joinedOn}`);
  const changedOn = reader.date('changedOn', { notAfter: context.today });
  const records = [readCertificate(reader, context, birthDate), readEducation(reader, context, birthDate), readWorkPeriod(reader, context, birthDate)].filter(
    (record): record is StagedRecord => record !== null,
  );
  const unitName = reader.text('unitName', { max: 200 });
  const post = reader.text('post', { max: 100 });
  if (reader.issues.length > 0 || !name || !id || !place || tripartite === null) return { coordinator: null, records: [] };

  const affiliation =
    affiliationGiven ?? (tripartite ? (place.level === 'TOWNSHIP' ? 'GRASSROOTS' : 'TRIPARTITE') : enterpriseCode ? 'ENTERPRISE' : 'OTHER');
  const sealed = id.normalized ? context.vault.encrypt(id.normalized) : null;
  return {
    coordinator: {
      idKey: id.key,
      name,
      gender: id.gender,
      birthDate,
      idNumberHash: id.normalized ? id.key : null,
      idNumberCipher: sealed?.cipher ?? null,
      idNumberKeyId: sealed?.keyId ?? null,
      idNumberMasked: id.masked,
      ref: id.ref,
      phone,
      category: category ?? defaultCategory(affiliation),
      affiliation,
      tripartite,
      enterpriseCode,
      unitName,
      regionCode: place.code,
      regionPath: place.path,
      post,
      status,
      joinedOn,
      leftOn,
      changedOn,
    },
    records,
  };
}

/** A row of 证书/学历/工作经历/培训: the ID key and one record. */
export function readSubRow(kind: SheetKind, reader: RowReader, context: RowContext): { idKey: string; record: StagedRecord } | null {
  const id = identity(reader, context);
  const record = SUB_READERS[kind]!(reader, context, id?.birthDate ?? null);
  if (!record && reader.issues.length === 0) reader.fail('idNumber', '该行只有身份证号，没有记录内容');
  if (reader.issues.length > 0 || !id || !record) return null;
  return { idKey: id.key, record };
}

export function readEnterpriseRow(reader: RowReader, context: RowContext): StagedEnterprise | null {
  let creditCode: string | null = null;
  if (reader.blank('creditCode')) reader.fail('creditCode', '不能为空');
  else {
    const check = validateCreditCode(cellText(reader.raw('creditCode')));
    if (check.valid) creditCode = check.normalized;
    else reader.fail('creditCode', check.reason);
  }
  const name = reader.text('name', { required: true, max: 200 });
  const place = region(reader, context, 'enterprises');
  const industryText = reader.text('industryCode', { required: true });
  const industryCode = industryText ? (parseCodeCell(industryText, '1,4') ?? industryText).toUpperCase() : null;
  const industry = industryCode ? industrySection(industryCode) : null;
  if (industryText && !industry) reader.fail('industryCode', `行业代码 ${industryText} 不是有效的 GB/T 4754-2017 代码`);
  const employees = reader.number('employees', { required: true, integer: true, max: 10_000_000 });
  const revenue = reader.number('revenue', { required: true });
  const assets = reader.number('assets');
  const publicOwned = reader.yesNo('publicOwned', { required: true });
  const socialOrganization = reader.yesNo('socialOrganization') ?? false;
  const sizeOverride = reader.choice('sizeOverride', SIZE_CLASS_LABELS, '企业规模');
  const reason = reader.text('sizeOverrideReason', { max: 500 });
  if (sizeOverride && !reason) reader.fail('sizeOverrideReason', '调整企业规模时必须填写理由');
  const registeredOn = reader.date('registeredOn', { notAfter: context.today });
  let figuresYear = reader.number('figuresYear', { integer: true, max: Number(context.today.slice(0, 4)) });
  const registeredYear = Number((registeredOn ?? context.today).slice(0, 4));
  if (figuresYear !== null && registeredOn && figuresYear < registeredYear) {
    figuresYear = reader.fail('figuresYear', `统计年度早于登记年度 ${registeredYear}`);
  }
  if (reader.issues.length > 0 || !creditCode || !name || !place || !industry || !industryCode || employees === null || revenue === null || publicOwned === null) {
    return null;
  }
  const size = classifyEnterpriseSize({ industryCode, employees, revenue, assets });
  return {
    creditCode,
    name,
    regionCode: place.code,
    regionPath: place.path,
    industryCode,
    industrySection: industry.section,
    employees,
    revenue,
    assets,
    publicOwned,
    socialOrganization,
    derivedSizeClass: size.sizeClass,
    sizeOverride,
    sizeOverrideReason: sizeOverride ? reason : null,
    registeredOn,
    figuresYear,
  };
}

/** A row the reader skips: every cell blank, or the template's 示例 row, or an export's 合计 row. */
export function isSkippedRow(reader: RowReader, values: unknown[]): boolean {
  if (values.every((value) => isBlankCell(value))) return true;
  const seq = cellText(reader.raw('seq'));
  return seq === '示例' || seq.startsWith('合计');
}

export { CERT_LEVEL_LABELS };
