import { todayIsoDate } from '@registry/domain';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PageArgs } from '../common/paging';
import { RegistryError } from '../common/registry-error';
import { CurrentUser, EDITOR_ROLES, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { IMPORT_KINDS, type ImportKind } from './sheets/columns';
import { writeCsvErrorFile, writeXlsxErrorFile } from './validating/error-file';
import { RestErrorFilter } from '../common/rest-errors.filter';
import type { ImportMode } from './reading/import-job';
import { ImportsService } from './imports.service';
import { jobSummary, maskedRows } from './validating/masked-rows';
import { AuditService } from '../audit/audit.service';
import { SpreadsheetsService } from './exporting/spreadsheets.service';
import { validateExportFilter } from './exporting/export-filter';
import { WorkRecordExportsService } from '../work-records/work-record-exports.service';
import { noteWriteSeen } from '../auth/request-database';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function attachment(response: Response, type: string, fileName: string): void {
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Disposition', `attachment; filename="${encodeURIComponent(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  response.setHeader('Cache-Control', 'no-store');
}

function mode(value: unknown, field: string): ImportMode {
  if (value === 'ALL_OR_NOTHING' || value === 'VALID_ONLY') return value;
  throw RegistryError.badInput(field, '导入方式应为 ALL_OR_NOTHING（全部导入，有错误则不导入）或 VALID_ONLY（仅导入正确的行）');
}

const TEMPLATE_NAMES: Record<ImportKind, string> = { coordinators: '协调员导入模板.xlsx', enterprises: '用人单位导入模板.xlsx' };
const EXPORT_NAMES: Record<string, string> = {
  coordinators: '协调员名册',
  enterprises: '用人单位名册',
  'uncovered-enterprises': '未配备协调员的大中型企业',
  nominations: '评选推荐名单',
  'work-records': '协调员工作记录',
  'silent-coordinators': '近12个月无工作记录的协调员',
};

// REST rather than GraphQL for files: uploads stream straight to disk and downloads stream
// out (docs/decisions/0600-imports.md). The global AuthGuard applies as to every controller.
@Controller('api')
@UseFilters(RestErrorFilter)
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly spreadsheets: SpreadsheetsService,
    private readonly audit: AuditService,
    private readonly workExports: WorkRecordExportsService,
  ) {}

  @Roles(...EDITOR_ROLES)
  @Get('imports/templates/:file')
  async template(@CurrentUser() user: SessionUser, @Param('file') file: string, @Res() response: Response): Promise<void> {
    const kind = file.replace(/\.xlsx$/, '') as ImportKind;
    if (!IMPORT_KINDS.includes(kind)) throw RegistryError.notFound('模板', file);
    attachment(response, XLSX, TEMPLATE_NAMES[kind]);
    await this.spreadsheets.template(user, kind, response);
    response.end();
  }

  @Roles(...EDITOR_ROLES)
  @Get('imports')
  async list(@CurrentUser() user: SessionUser, @Query() page: PageArgs) {
    return (await this.imports.list(user, page.offset ?? 0, page.limit ?? 20)).map(jobSummary);
  }

  /** Body: the file itself (any content type but JSON/form); ?kind=coordinators|enterprises&fileName=…[&commit=…] */
  @Roles(...EDITOR_ROLES)
  @Post('imports')
  @HttpCode(202)
  upload(
    @CurrentUser() user: SessionUser,
    @Req() request: Request,
    @Query('kind') kind: string,
    @Query('fileName') fileName: string,
    @Query('commit') commit?: string,
  ) {
    if (/^(multipart\/|application\/json|application\/x-www-form-urlencoded)/i.test(request.headers['content-type'] ?? '')) {
      throw RegistryError.badInput('file', '请直接以请求体上传文件（Content-Type: application/octet-stream）');
    }
    return this.imports.upload(user, kind, fileName, request, commit ? mode(commit, 'commit') : null).then(jobSummary);
  }

  @Roles(...EDITOR_ROLES)
  @Get('imports/:id')
  async job(@CurrentUser() user: SessionUser, @Param('id') id: string) {
    const job = await this.imports.require(user, id);
    // the uploader sees the job committed: their next reads see what it wrote (replicas)
    if (job.status === 'COMMITTED' && job.userId === user.id) await noteWriteSeen();
    return jobSummary(job);
  }

  @Roles(...EDITOR_ROLES)
  @Get('imports/:id/errors')
  errors(@CurrentUser() user: SessionUser, @Param('id') id: string, @Query() page: PageArgs) {
    return this.imports.errors(user, id, page.offset ?? 0, page.limit ?? 200);
  }

  @Roles(...EDITOR_ROLES)
  @Get('imports/:id/error-file')
  async errorFile(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() response: Response): Promise<void> {
    const job = await this.imports.require(user, id);
    const errors = await this.imports.errorsByRow(id);
    const base = job.fileName.replace(/\.(xlsx|csv|txt)$/i, '');
    // the file as typed (full ID numbers) goes back only to its uploader; anyone else in the
    // scope gets it masked (a full number is shown through the reveal procedure only)
    const original = job.userId !== null && job.userId === user.id;
    const rows = original ? this.imports.rowsOf(job as never) : maskedRows(this.imports.rowsOf(job as never));
    await this.audit.record(user, {
      action: 'IMPORT_ERROR_FILE',
      objectType: 'import_job',
      objectId: id,
      regionPath: job.scopePath,
      detail: { fileName: job.fileName, uploader: job.username, copy: original ? 'AS_UPLOADED' : 'MASKED' },
    });
    if (job.fileFormat === 'csv') {
      attachment(response, 'text/csv; charset=utf-8', `${base}-错误说明.csv`);
      await writeCsvErrorFile(job.kind, rows, errors, response);
    } else {
      attachment(response, XLSX, `${base}-错误说明.xlsx`);
      // the template's dropdowns, with the lists of the one asking (their jurisdiction's regions)
      await writeXlsxErrorFile(job.kind, rows, errors, response, this.spreadsheets.codeLists(user, job.kind));
      response.end();
    }
  }

  @Roles(...EDITOR_ROLES)
  @Post('imports/:id/commit')
  @HttpCode(202)
  commit(@CurrentUser() user: SessionUser, @Param('id') id: string, @Body() body: { mode?: string } = {}) {
    return this.imports.commit(user, id, mode(body?.mode, 'mode')).then(jobSummary);
  }

  @Roles(...READER_ROLES)
  @Get('exports/:file')
  async export(
    @CurrentUser() user: SessionUser,
    @Param('file') file: string,
    @Query('filter') filter: string | undefined,
    @Query('revealReason') revealReason: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const kind = file.replace(/\.xlsx$/, '');
    if (!EXPORT_NAMES[kind]) throw RegistryError.notFound('导出', file);
    // by the list's own GraphQL filter class, before the first byte of the file goes out
    await validateExportFilter(kind, filter);
    if (kind === 'work-records' || kind === 'silent-coordinators') {
      // 六(三) drill-downs: no ID numbers in them, so nothing to reveal
      const parsed = filter ? JSON.parse(filter) : {};
      const write = (out: Response) => (kind === 'work-records' ? this.workExports.exportRecords(user, parsed, out) : this.workExports.exportSilent(user, parsed, out));
      // the filter's region and year are checked before the first byte goes out
      if (kind === 'work-records') this.workExports.checkRecordsFilter(user, parsed);
      else await this.workExports.checkSilentFilter(user, parsed);
      attachment(response, XLSX, `${EXPORT_NAMES[kind]}-${todayIsoDate()}.xlsx`);
      await write(response);
      response.end();
      return;
    }
    const reveal = await this.spreadsheets.checkReveal(user, kind, revealReason, filter);
    const stamp = todayIsoDate();
    attachment(response, XLSX, `${EXPORT_NAMES[kind]}-${stamp}.xlsx`);
    await this.spreadsheets.export(user, kind, filter, response, reveal !== null);
    response.end();
  }
}
