import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPage, resolvePage } from '../common/paging';
import { SqlConditions } from '../common/sql-conditions';
import { RegistryError } from '../common/registry-error';
import { scopeSql, type SessionUser } from '../common/session-user';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { RegionsService } from '../regions/regions.service';
import type { AuditLogEntryModel, AuditLogFilter } from './audit-log.model';

// Who acted (display name and the account's region) and what the object is called, for the
// page's rows only (the join runs after paging). An object deleted since reads as its number.
const OBJECT_KEY = `(case when entry.object_id ~ '^[0-9]{1,18}$' then entry.object_id::bigint end)`;
const NAMES = {
  columns: `u.display_name as user_display_name, ur.name as user_region_name,
    case entry.object_type
      when 'coordinator' then (select c.name from coordinator c where c.id = ${OBJECT_KEY})
      when 'enterprise' then (select e.name from enterprise e where e.id = ${OBJECT_KEY})
      when 'user' then (select x.display_name || '（' || x.username || '）' from app_user x where x.id = ${OBJECT_KEY})
      when 'nomination' then (select c.name from nomination n join coordinator c on c.id = n.coordinator_id where n.id = ${OBJECT_KEY})
    end as object_label`,
  from: 'left join app_user u on u.id = entry.user_id left join region ur on ur.code = u.region_code',
};

// Reading the audit trail (auditors and the province administrator). Entries carry the
// jurisdiction path they belong to; an auditor below the province sees its own subtree only.
// Entries without a path (failed logins under unknown usernames) are province-level.
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
  ) {}

  async list(user: SessionUser, filter: AuditLogFilter = {}, page: { offset?: number | null; limit?: number | null } = {}) {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const sql = this.conditions(user, filter);
    const { total, rows } = await queryPage(
      this.dataSource,
      {
        columns: 'id, at, user_id, username, action, object_type, object_id, region_path, detail, ip',
        from: `from audit_log where ${sql.where}`,
        orderBy: 'at desc, id desc',
        parameters: sql.parameters,
        join: { alias: 'entry', ...NAMES },
      },
      { offset, limit },
    );
    return { total, items: rows.map((row) => this.fromRow(row)) };
  }

  /** Up to `max` entries of the filter, newest first, for the xlsx export; `truncated` when more matched. */
  async listAll(user: SessionUser, filter: AuditLogFilter, max: number): Promise<{ items: AuditLogEntryModel[]; total: number }> {
    const sql = this.conditions(user, filter);
    const [{ count }] = await this.dataSource.query(`select count(*)::int as count from audit_log where ${sql.where}`, sql.parameters);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `select entry.*, ${NAMES.columns}
         from (select id, at, user_id, username, action, object_type, object_id, region_path, detail, ip from audit_log
                where ${sql.where} order by at desc, id desc limit ${Math.max(0, Math.floor(max))}) entry ${NAMES.from}
        order by at desc, id desc`,
      sql.parameters,
    );
    return { total: count, items: rows.map((row) => this.fromRow(row)) };
  }

  private conditions(user: SessionUser, filter: AuditLogFilter): SqlConditions {
    const sql = new SqlConditions();
    const provinceWide = this.regions.find(user.regionCode)?.level === 'PROVINCE';
    if (!provinceWide) sql.add((p) => scopeSql('region_path', p), user.scopePath);
    if (filter.userId) sql.add((p) => `user_id = ${p}`, /^\d{1,18}$/.test(filter.userId) ? filter.userId : '0');
    if (filter.username?.trim()) sql.add((p) => `username = ${p}`, filter.username.trim());
    if (filter.action?.trim()) sql.add((p) => `action = ${p}`, filter.action.trim().toUpperCase());
    if (filter.objectType?.trim()) sql.add((p) => `object_type = ${p}`, filter.objectType.trim());
    if (filter.objectId?.trim()) sql.add((p) => `object_id = ${p}`, filter.objectId.trim());
    if (filter.from && filter.to && filter.from > filter.to) throw RegistryError.badInput('to', '结束时间早于开始时间');
    if (filter.from) sql.add((p) => `at >= ${p}`, filter.from);
    if (filter.to) sql.add((p) => `at < ${p}`, filter.to);
    return sql;
  }

  private fromRow(row: Record<string, unknown>): AuditLogEntryModel {
    const path = row.region_path as string | null;
    // the last code of a path like 220000/220100/220104/
    const regionCode = path ? (path.split('/').filter(Boolean).pop() ?? null) : null;
    return {
      id: String(row.id),
      at: row.at as Date,
      userId: row.user_id === null ? null : String(row.user_id),
      username: row.username as string | null,
      action: row.action as string,
      objectType: row.object_type as string | null,
      objectId: row.object_id as string | null,
      regionCode,
      detail: row.detail === null ? null : JSON.stringify(row.detail),
      ip: row.ip as string | null,
      userDisplayName: (row.user_display_name as string | null) ?? null,
      userRegionName: (row.user_region_name as string | null) ?? null,
      objectLabel: (row.object_label as string | null) ?? null,
    };
  }
}
