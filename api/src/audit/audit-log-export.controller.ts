import { auditActorText, AUDIT_ACTION_LABELS, AUDIT_OBJECT_TYPE_LABELS, auditDetailLineText, describeAuditDetail } from '@registry/domain';
import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { validateInput } from '../common/input-validation';
import { RegistryError } from '../common/registry-error';
import { AUDIT_READER_ROLES, CurrentUser, Roles, type SessionUser } from '../common/session-user';
import { RestErrorFilter } from '../common/rest-errors.filter';
import { CellStyle, XlsxStreamWriter } from '../imports/exporting/xlsx-writer';
import { RegionsService } from '../regions/regions.service';
import { AuditLogFilter } from './audit-log.model';
import { AuditLogService } from './audit-log.service';
import { AuditService } from './audit.service';

/** An export holds at most this many entries (newest first); the file says when more matched. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** The `?filter=` JSON (the auditLogs query's AuditLogFilter), with from/to as ISO instants. */
async function readFilter(filterJson: string | undefined): Promise<AuditLogFilter> {
  if (!filterJson) return {};
  let plain: Record<string, unknown>;
  try {
    plain = JSON.parse(filterJson) as Record<string, unknown>;
  } catch {
    throw RegistryError.badInput('filter', '筛选条件不是有效的 JSON');
  }
  if (!plain || typeof plain !== 'object' || Array.isArray(plain)) throw RegistryError.badInput('filter', '应为对象');
  for (const key of ['from', 'to']) if (typeof plain[key] === 'string') plain[key] = new Date(plain[key] as string);
  return validateInput(AuditLogFilter, plain, 'filter');
}

// The filtered audit trail as xlsx, in the words of the page (labels from libs/domain). The
// same jurisdiction as the page; the export itself is an audit entry (who, which filter, how many).
@Controller('api')
@UseFilters(RestErrorFilter)
export class AuditLogExportController {
  constructor(
    private readonly auditLogs: AuditLogService,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
  ) {}

  @Roles(...AUDIT_READER_ROLES)
  @Get('audit-log.xlsx')
  async export(@CurrentUser() user: SessionUser, @Query('filter') filterJson: string | undefined, @Req() request: Request, @Res() response: Response): Promise<void> {
    const filter = await readFilter(filterJson);
    const { items, total } = await this.auditLogs.listAll(user, filter, AUDIT_EXPORT_MAX_ROWS);
    await this.audit.record(user, {
      action: 'AUDIT_LOG_EXPORT',
      objectType: 'audit_log',
      regionPath: user.scopePath,
      detail: { filter: filterJson ?? null, count: items.length, total },
      ip: request.ip ?? null,
    });
    const stamp = CHINA_TIME.format(new Date()).slice(0, 10).replace(/\//g, '-');
    const fileName = `审计日志-${stamp}.xlsx`;
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('Content-Disposition', `attachment; filename="${encodeURIComponent(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    response.setHeader('Cache-Control', 'no-store');
    const writer = new XlsxStreamWriter(response);
    await writer.addSheet('审计日志', { widths: [20, 28, 16, 16, 28, 24, 60, 40], frozenRows: 2, merges: ['A1:H1'] });
    const title = total > items.length ? `审计日志（共 ${total} 条，导出最新 ${items.length} 条，请缩小筛选范围）` : `审计日志（共 ${total} 条）`;
    await writer.addRow([title], CellStyle.TITLE);
    await writer.addRow(['时间', '用户', '操作', '对象类型', '对象', '地区', '详情', 'IP'], CellStyle.HEADER);
    for (const entry of items) {
      const region = entry.regionCode ? this.regions.find(entry.regionCode) : undefined;
      await writer.addRow([
        CHINA_TIME.format(entry.at),
        auditActorText(entry),
        AUDIT_ACTION_LABELS[entry.action] ?? entry.action,
        entry.objectType ? (AUDIT_OBJECT_TYPE_LABELS[entry.objectType] ?? entry.objectType) : '',
        entry.objectId ? (entry.objectLabel ? `${entry.objectLabel}（${entry.objectId}）` : entry.objectId) : '',
        region?.name ?? entry.regionCode ?? '',
        describeAuditDetail(entry.detail).map(auditDetailLineText).join('\n'),
        entry.ip ?? '',
      ]);
    }
    await writer.endSheet();
    await writer.finish();
    response.end();
  }
}
