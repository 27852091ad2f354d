// Templates (exceljs in-memory workbook: a few hundred cells) and exports (XlsxStreamWriter,
// rows fetched through cursors in pages: memory stays flat for 100k rows; every sheet of an
// export read in one read-only REPEATABLE READ snapshot, docs/decisions/0600-imports.md). An export
// writes the template's columns, so it re-imports without change (docs/decisions/0601-import-layout.md).
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AWARD_TIER_LABELS, EDUCATION_LEVEL_LABELS, INDUSTRY_SECTIONS, isWithinScope, labelWithCode, NOMINATION_STATE_LABELS, SIZE_CLASS_LABELS } from '@registry/domain';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { readAsOwner } from '../../auth/request-database';
import { RegistryError } from '../../common/registry-error';
import { REVEAL_ROLES, type SessionUser } from '../../common/session-user';
import { CoordinatorsService } from '../../coordinators/coordinators.service';
import type { CoordinatorFilter } from '../../coordinators/dto/coordinator-filter.input';
import type { EnterpriseFilter } from '../../enterprises/dto/enterprise-filter.input';
import { EnterprisesService } from '../../enterprises/enterprises.service';
import { NominationReadsService, type NominationFilter } from '../../awards/nomination-reads.service';
import { RegionsService } from '../../regions/regions.service';
import { startWorker } from '../../common/worker-thread';
import {
  AFFILIATION_LABELS,
  CATEGORY_LABELS,
  CERT_LEVEL_LABELS,
  COORDINATOR_SHEET,
  COORDINATOR_SUB_SHEETS,
  ENTERPRISE_SHEET,
  STATUS_LABELS,
  SUBSIDY_LABELS,
  takesRegionLevel,
  WORK_RECORD_KIND_LABELS,
  WORK_RECORD_OUTCOME_LABELS,
  type CodeList,
  type ImportKind,
  type SheetSpec,
} from '../sheets/columns';
import { CellStyle, columnName, XlsxStreamWriter } from './xlsx-writer';
import { runInSnapshot, startSheet, writeRow, type ExportSnapshot } from './coordinator-export';
import type { ExportWorkerData, ExportWorkerMessage, ExportWorkerReply } from './export-worker';

export type ExportKind = 'coordinators' | 'enterprises' | 'uncovered-enterprises' | 'nominations';
export const EXPORT_KINDS: ExportKind[] = ['coordinators', 'enterprises', 'uncovered-enterprises', 'nominations'];

const CODES_SHEET = '代码';
/** Work records with the credit code of the enterprise served (the sheet names the enterprise by it). */
const VALIDATION_ROWS = 2000;
/** The export worker's heap: a page of rows and the sheet being written, with room to spare. */
const EXPORT_WORKER_HEAP_MB = 96;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

function yesNo(value: boolean | null): string {
  return value ? '是' : '否';
}

function nowText(): string {
  return new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

@Injectable()
export class SpreadsheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly coordinators: CoordinatorsService,
    private readonly enterprises: EnterprisesService,
    private readonly audit: AuditService,
    private readonly nominations: NominationReadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Test seam: awaited before each sub-record sheet of a coordinator export starts, after the
   * main sheet was read (test/integration/imports-export-snapshot.test.ts commits an import there).
   */
  beforeSheet: ((sheet: string) => Promise<void>) | null = null;

  /**
   * The dropdown lists; regions limited to the user's scope: counties and townships for
   * employers, and for coordinators also the city and province offices within it.
   */
  codeLists(user: SessionUser, kind: ImportKind): Record<CodeList, { title: string; values: string[] }> {
    const regions = this.regions
      .list(user)
      .filter((region) => takesRegionLevel(kind, region.level) && isWithinScope(region.path, user.scopePath))
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((region) => labelWithCode(region.name, region.code));
    return {
      region: { title: '所在地区', values: regions },
      category: { title: '人员类别', values: Object.values(CATEGORY_LABELS) },
      affiliation: { title: '所属类型', values: Object.values(AFFILIATION_LABELS) },
      yesno: { title: '是/否', values: ['是', '否'] },
      status: { title: '状态', values: Object.values(STATUS_LABELS) },
      certLevel: { title: '证书等级', values: Object.values(CERT_LEVEL_LABELS) },
      education: { title: '学历', values: Object.values(EDUCATION_LEVEL_LABELS) },
      industry: { title: '行业门类', values: INDUSTRY_SECTIONS.map((section) => labelWithCode(section.name, section.section)) },
      size: { title: '企业规模', values: Object.values(SIZE_CLASS_LABELS) },
      subsidy: { title: '补贴类型', values: Object.values(SUBSIDY_LABELS) },
      workKind: { title: '工作类型', values: Object.values(WORK_RECORD_KIND_LABELS) },
      workOutcome: { title: '调解结果', values: Object.values(WORK_RECORD_OUTCOME_LABELS) },
    };
  }

  async template(user: SessionUser, kind: ImportKind, out: Writable): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '吉林省劳动关系协调员名册';
    workbook.created = new Date();
    const lists = this.codeLists(user, kind);
    const listColumn = new Map<CodeList, string>();
    const sheets = kind === 'coordinators' ? [COORDINATOR_SHEET, ...COORDINATOR_SUB_SHEETS] : [ENTERPRISE_SHEET];
    const example = kind === 'coordinators' ? this.coordinatorExample(lists) : this.enterpriseExample(lists);
    const worksheets = sheets.map((sheet) => workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] }));
    const codes = workbook.addWorksheet(CODES_SHEET);
    (Object.keys(lists) as CodeList[]).forEach((key, index) => {
      const column = codes.getColumn(index + 1);
      column.width = key === 'region' ? 28 : 16;
      codes.getCell(1, index + 1).value = lists[key].title;
      codes.getCell(1, index + 1).font = { bold: true };
      lists[key].values.forEach((value, row) => (codes.getCell(row + 2, index + 1).value = value));
      const letter = column.letter;
      listColumn.set(key, `'${CODES_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, lists[key].values.length + 1)}`);
    });
    sheets.forEach((sheet, index) => {
      const worksheet = worksheets[index];
      this.writeHeader(worksheet, sheet, 1);
      sheet.columns.forEach((spec, position) => {
        const cell = worksheet.getCell(1, position + 1);
        cell.note = `${spec.required ? '【必填】' : '【选填】'}${spec.note}`;
        if (spec.text) worksheet.getColumn(position + 1).numFmt = '@';
        if (spec.list) {
          for (let row = 2; row <= VALIDATION_ROWS; row++) {
            worksheet.getCell(row, position + 1).dataValidation = {
              type: 'list',
              allowBlank: !spec.required,
              formulae: [listColumn.get(spec.list)!],
              // industry codes may be finer than the section list: warn only
              errorStyle: spec.list === 'industry' ? 'warning' : 'stop',
              showErrorMessage: true,
              errorTitle: spec.header,
              error: `请从下拉列表中选择（见“${CODES_SHEET}”表）`,
            };
          }
        }
      });
      const values = example[sheet.kind];
      if (values) {
        const row = worksheet.getRow(2);
        sheet.columns.forEach((spec, position) => {
          if (values[spec.key] !== undefined) row.getCell(position + 1).value = values[spec.key] as ExcelJS.CellValue;
        });
        row.font = { italic: true, color: { argb: 'FF808080' } };
      }
    });
    await workbook.xlsx.write(out);
  }

  private writeHeader(worksheet: ExcelJS.Worksheet, sheet: SheetSpec, rowNumber: number): void {
    const row = worksheet.getRow(rowNumber);
    sheet.columns.forEach((spec, position) => {
      const cell = row.getCell(position + 1);
      cell.value = spec.required ? `${spec.header}*` : spec.header;
      cell.font = spec.required ? REQUIRED_FONT : { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      worksheet.getColumn(position + 1).width = spec.width ?? Math.max(10, spec.header.length * 2 + 2);
    });
  }

  private coordinatorExample(lists: Record<CodeList, { values: string[] }>): Record<string, Record<string, unknown>> {
    const region = lists.region.values.find((value) => /\d{6}）$/.test(value)) ?? lists.region.values[0] ?? '';
    const id = '示例：220104198506150028';
    return {
      coordinator: {
        seq: '示例', name: '张三', idNumber: id, region, category: CATEGORY_LABELS['1'], affiliation: '用人单位', tripartite: '否',
        enterpriseCode: '', unitName: '长春示例制造有限公司', post: '人力资源部', phone: '0431-88888888', joinedOn: '2018-03-01', status: '在岗',
        certOccupation: '劳动关系协调员', certLevel: '三级', certIssuedOn: '2019-05-10', certNumber: '1922000000123', certIssuer: '吉林省人力资源和社会保障厅',
        eduLevel: '本科', eduMajor: '人力资源管理', eduSchool: '吉林大学', eduGraduatedOn: '2008-07-01',
        workStart: '2015-03-01', workOccupation: '劳动关系协调员', workEmployer: '长春示例制造有限公司',
      },
      certificates: { seq: '示例', idNumber: id, certOccupation: '企业人力资源管理师', certLevel: '二级', certIssuedOn: '2021-11-30' },
      educations: { seq: '示例', idNumber: id, eduLevel: '硕士研究生', eduMajor: '劳动经济学', eduSchool: '东北师范大学', eduGraduatedOn: '2012-06-30' },
      workPeriods: { seq: '示例', idNumber: id, workStart: '2008-07-01', workEnd: '2015-02-28', workOccupation: '人力资源管理', workEmployer: '吉林示例集团' },
      trainings: { seq: '示例', idNumber: id, course: '劳动争议调解实务', hours: 16, provider: '吉林省劳动关系研究会', result: '合格', completedOn: '2022-09-15', subsidyKind: '职业培训补贴', subsidyAmount: 800 },
      workRecords: { seq: '示例', idNumber: id, workKind: '调解劳动争议', workCount: 2, workDate: '2024-05', workOutcome: '调解成功', workDescription: '工资拖欠争议，经调解达成协议' },
    };
  }

  private enterpriseExample(lists: Record<CodeList, { values: string[] }>): Record<string, Record<string, unknown>> {
    const region = lists.region.values.find((value) => /\d{6}）$/.test(value)) ?? lists.region.values[0] ?? '';
    return {
      enterprise: {
        seq: '示例', creditCode: '91220104MA0000000X', name: '长春示例制造有限公司', region, industryCode: 'C13', employees: 1200, revenue: 50000,
        assets: 80000, publicOwned: '否', socialOrganization: '否', registeredOn: '2021-11-30',
      },
    };
  }

  // ------------------------------------------------------------------------------------------
  // Exports

  /**
   * Full ID numbers in a coordinator export need a reveal role and a stated reason; the reveal is
   * audited (one row for the export) before the first byte goes out. Otherwise they are masked.
   */
  async checkReveal(user: SessionUser, kind: string, revealReason: string | undefined, filterJson: string | undefined): Promise<string | null> {
    const reason = revealReason?.trim();
    if (!reason) return null;
    if (kind !== 'coordinators') throw RegistryError.badInput('revealReason', '只有协调员名册含身份证号');
    if (!REVEAL_ROLES.includes(user.role)) throw RegistryError.forbidden('您的角色无权查看完整身份证号码');
    if (reason.length < 2 || reason.length > 200) throw RegistryError.badInput('revealReason', '查看原因 2–200 个字');
    await this.audit.record(user, { action: 'ID_NUMBER_REVEAL', objectType: 'export', regionPath: user.scopePath, detail: { reason, kind, filter: filterJson ?? null } });
    return reason;
  }

  async export(user: SessionUser, kind: string, filterJson: string | undefined, out: Writable, reveal = false): Promise<void> {
    if (!EXPORT_KINDS.includes(kind as ExportKind)) throw RegistryError.badInput('kind', `导出类型应为 ${EXPORT_KINDS.join('、')}`);
    let filter: Record<string, unknown> = {};
    if (filterJson) {
      try {
        filter = JSON.parse(filterJson);
      } catch {
        throw RegistryError.badInput('filter', '筛选条件不是有效的 JSON');
      }
      if (!filter || typeof filter !== 'object' || Array.isArray(filter)) throw RegistryError.badInput('filter', '筛选条件应为对象');
    }
    if (kind === 'nominations') {
      const { where, parameters } = this.nominationFilterSql(user, filter);
      await readAsOwner(user.id, () => this.exportNominations(user, filter, where, parameters, out));
    } else if (kind === 'coordinators') {
      const { where, parameters } = this.coordinators.filterSql(user, filter as CoordinatorFilter);
      await readAsOwner(user.id, () => this.exportCoordinators(user, filter, where, parameters, out, reveal));
    } else {
      const effective = kind === 'uncovered-enterprises' ? { ...filter, covered: false, sizeClasses: ['LARGE', 'MEDIUM'] } : filter;
      const { where, parameters } = this.enterprises.filterSql(user, effective as EnterpriseFilter);
      await readAsOwner(user.id, () => this.exportEnterprises(user, kind as ExportKind, effective, where, parameters, out));
    }
  }

  describeFilter(user: SessionUser, filter: Record<string, unknown>): string {
    const parts: string[] = [];
    const region = typeof filter.regionCode === 'string' ? this.regions.find(filter.regionCode) : this.regions.find(user.regionCode);
    parts.push(`地区：${region?.name ?? '全部'}`);
    const labels: Record<string, string> = {
      search: '关键词', idNumber: '身份证号', categories: '人员类别', status: '状态', affiliations: '所属类型', enterpriseId: '用人单位',
      enterpriseSizeClasses: '用人单位规模', certificateLevelAtLeast: '证书等级不低于', sizeClasses: '企业规模', covered: '已配备协调员',
      industrySection: '行业门类', publicOwned: '公有制', socialOrganization: '社会组织', active: '在册',
      campaignYear: '年度', tier: '等级', states: '推荐状态',
    };
    const show = (value: unknown): string => {
      if (Array.isArray(value)) return value.map(show).join('、');
      if (typeof value === 'boolean') return yesNo(value);
      const text = String(value);
      return (SIZE_CLASS_LABELS as Record<string, string>)[text] ?? (STATUS_LABELS as Record<string, string>)[text] ??
        (AWARD_TIER_LABELS as Record<string, string>)[text] ?? (NOMINATION_STATE_LABELS as Record<string, string>)[text] ?? (AFFILIATION_LABELS as Record<string, string>)[text] ?? (text === 'idNumber' ? '***' : text);
    };
    for (const [key, value] of Object.entries(filter)) {
      if (key === 'regionCode' || value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      parts.push(`${labels[key] ?? key}：${key === 'idNumber' ? '（已指定）' : show(value)}`);
    }
    return parts.join('；');
  }

  /** One read-only REPEATABLE READ snapshot on a connection of the owner's pool (runInSnapshot). */
  private async inSnapshot<T>(work: (snapshot: ExportSnapshot) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      return await runInSnapshot((sql, parameters) => runner.query(sql, parameters), work);
    } finally {
      await runner.release();
    }
  }

  private regionLabel(code: string): string {
    const region = this.regions.find(code);
    return region ? labelWithCode(region.name, region.code) : code;
  }

  /**
   * The roster runs in a worker thread (export-worker.ts) on a connection of its own as the
   * owner (scoping by the filter's where clause, as for every export); its bytes are relayed to
   * the response with back-pressure. A 100k-row roster's garbage then stays in the worker's
   * small heap: in the server's, V8 let it grow the RSS by ~200 MB before collecting it.
   */
  private async exportCoordinators(user: SessionUser, filter: Record<string, unknown>, where: string, parameters: unknown[], out: Writable, reveal: boolean): Promise<void> {
    const regionLabels: Record<string, string> = {};
    for (const code of this.regions.allCodes()) regionLabels[code] = this.regionLabel(code);
    const data: ExportWorkerData = {
      databaseUrl: (this.dataSource.options as { url?: string }).url!,
      job: { title: `劳动关系协调员名册（${this.describeFilter(user, filter)}；生成时间：${nowText()}）`, where, parameters, regionLabels },
      revealKeys: reveal ? this.config.idNumberKeys : null,
      pauseAtSheets: this.beforeSheet !== null,
    };
    const worker = startWorker(__dirname, 'export-worker', data, { maxOldGenerationSizeMb: EXPORT_WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 });
    // a client that goes away ends the worker (and its snapshot); nothing is left to answer
    let gone = false;
    const closed = () => {
      gone = true;
      void worker.terminate();
    };
    out.once('close', closed);
    try {
      await new Promise<void>((resolve, reject) => {
        worker.on('message', (message: ExportWorkerMessage) => {
          if (message.type === 'chunk') {
            const more = () => worker.postMessage('more' satisfies ExportWorkerReply);
            if (out.write(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength))) more();
            else out.once('drain', more);
          } else if (message.type === 'sheet') {
            Promise.resolve(this.beforeSheet?.(message.name)).then(() => worker.postMessage('go' satisfies ExportWorkerReply), reject);
          } else if (message.type === 'done') resolve();
          else reject(new Error(message.message));
        });
        worker.on('error', reject);
        worker.on('exit', () => (gone ? resolve() : reject(new Error('export worker exited'))));
      });
    } finally {
      out.off('close', closed);
      await worker.terminate();
    }
  }

  /** The nominations list's own filter (NominationReadsService.filterSql), after checking the JSON it came as. */
  private nominationFilterSql(user: SessionUser, filter: Record<string, unknown>): { where: string; parameters: unknown[] } {
    if (filter.campaignYear != null && !Number.isInteger(filter.campaignYear)) throw RegistryError.badInput('filter.campaignYear', '年度应为整数');
    if (filter.tier != null && !Object.keys(AWARD_TIER_LABELS).includes(String(filter.tier))) {
      throw RegistryError.badInput('filter.tier', '等级应为 GOLD、SILVER 或 BRONZE');
    }
    const states = Array.isArray(filter.states) && filter.states.length > 0 ? filter.states : null;
    if (states && !states.every((state) => Object.keys(NOMINATION_STATE_LABELS).includes(String(state)))) {
      throw RegistryError.badInput('filter.states', '状态无效');
    }
    return this.nominations.filterSql(user, {
      regionCode: typeof filter.regionCode === 'string' ? filter.regionCode : null,
      campaignYear: filter.campaignYear as number | null,
      tier: filter.tier as NominationFilter['tier'],
      states: states as NominationFilter['states'],
    });
  }

  private exportNominations(user: SessionUser, filter: Record<string, unknown>, where: string, parameters: unknown[], out: Writable): Promise<void> {
    return this.inSnapshot((snapshot) => this.writeNominations(snapshot, user, filter, where, parameters, out));
  }

  private async writeNominations(snapshot: ExportSnapshot, user: SessionUser, filter: Record<string, unknown>, where: string, parameters: unknown[], out: Writable): Promise<void> {
    const writer = new XlsxStreamWriter(out);
    const columns = ['序号', '年度', '等级', '状态', '姓名', '性别', '身份证号', '所在地区', '工作单位', '推荐单位', '证书编号', '命名日期'];
    await writer.addSheet('推荐名单', { widths: [6, 8, 10, 8, 10, 6, 21, 24, 24, 16, 18, 12], frozenRows: 2, merges: [`A1:${columnName(columns.length - 1)}1`] });
    await writer.addRow([`金银铜牌劳动关系协调员推荐名单（${this.describeFilter(user, filter)}；生成时间：${nowText()}）`], CellStyle.TITLE);
    await writer.addRow(columns, CellStyle.HEADER);
    const tiers: Record<string, number> = {};
    let count = 0;
    for await (const rows of snapshot.pages(
      `select n.campaign_year, n.tier, n.state, n.certificate_number, n.named_on, n.reporting_unit_code, n.region_path, n.id,
         c.name, c.gender, c.id_number_masked, c.region_code, c.unit_name, e.name as enterprise_name
       from nomination n join coordinator c on c.id = n.coordinator_id left join enterprise e on e.id = c.enterprise_id
       where ${where} order by n.campaign_year desc, n.tier, n.region_path, n.id`,
      parameters,
      out,
    )) {
      for (const r of rows) {
        count += 1;
        tiers[String(r.tier)] = (tiers[String(r.tier)] ?? 0) + 1;
        await writer.addRow([
            count, r.campaign_year as number, (AWARD_TIER_LABELS as Record<string, string>)[String(r.tier)], (NOMINATION_STATE_LABELS as Record<string, string>)[String(r.state)],
            r.name as string, r.gender === 'MALE' ? '男' : '女', r.id_number_masked as string, this.regionLabel(String(r.region_code)),
            (r.enterprise_name ?? r.unit_name ?? null) as string | null, this.regions.find(String(r.reporting_unit_code))?.name ?? (r.reporting_unit_code as string),
            (r.certificate_number ?? null) as string | null, (r.named_on ?? null) as string | null,
          ]);
      }
    }
    const byTier = Object.entries(AWARD_TIER_LABELS).map(([tier, label]) => `${label} ${tiers[tier] ?? 0} 人`).join('，');
    await writer.addRow(['合计', `共 ${count} 人（${byTier}）`]);
    await writer.finish();
  }

  private exportEnterprises(user: SessionUser, kind: ExportKind, filter: Record<string, unknown>, where: string, parameters: unknown[], out: Writable): Promise<void> {
    return this.inSnapshot((snapshot) => this.writeEnterprises(snapshot, user, kind, filter, where, parameters, out));
  }

  private async writeEnterprises(
    snapshot: ExportSnapshot,
    user: SessionUser,
    kind: ExportKind,
    filter: Record<string, unknown>,
    where: string,
    parameters: unknown[],
    out: Writable,
  ): Promise<void> {
    const writer = new XlsxStreamWriter(out);
    const sheet = ENTERPRISE_SHEET;
    const title = kind === 'uncovered-enterprises' ? '未配备劳动关系协调员的大中型企业' : '用人单位名册';
    await startSheet(writer, sheet, `${title}（${this.describeFilter(user, filter)}；生成时间：${nowText()}）`);
    let count = 0;
    let employees = 0;
    for await (const rows of snapshot.pages(
      `select e.* from enterprise e where ${where} order by e.region_path, e.id`,
      parameters,
      out,
    )) {
      for (const r of rows) {
        count += 1;
        employees += Number(r.employees);
        await writeRow(writer, sheet, {
          seq: count, creditCode: r.credit_code, name: r.name, region: this.regionLabel(String(r.region_code)), industryCode: r.industry_code,
          employees: Number(r.employees), revenue: Number(r.revenue), assets: r.assets === null ? null : Number(r.assets),
          publicOwned: yesNo(r.public_owned as boolean), socialOrganization: yesNo(r.social_organization as boolean),
          sizeOverride: r.size_override ? (SIZE_CLASS_LABELS as Record<string, string>)[String(r.size_override)] : null,
          sizeOverrideReason: r.size_override_reason, registeredOn: r.registered_on, figuresYear: r.figures_year,
        });
      }
    }
    await writer.addRow(['合计', `共 ${count} 家`, null, null, null, employees]);
    await writer.finish();
  }
}
