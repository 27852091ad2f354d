import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { dataQualityScore, type DataQualitySeverity } from '@registry/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { resolvePage } from '../common/paging';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { RegionsService } from '../regions/regions.service';
import { CHILD_PATH_SQL, DATA_QUALITY_RECORDS_SQL, DATA_QUALITY_RULE_SQL } from './data-quality-rules.sql';
import type {
  DataQualityRecordModel,
  DataQualityRecordPageModel,
  DataQualityRecordsArgs,
  DataQualityRegionModel,
  DataQualityReportModel,
  DataQualityRuleModel,
  UpdateDataQualityRuleInput,
} from './data-quality.models';

interface RuleRow {
  code: string;
  entity: DataQualityRuleModel['entity'];
  severity: DataQualityRuleModel['severity'];
  description: string;
  descriptionEn: string;
  enabled: boolean;
  version: number;
}

/**
 * The clean-up list of a region: each rule in force counted per child region in one statement,
 * the records they are counted against in another, and a score per region; the drill-down runs
 * the same rule query, paged, so list and count agree.
 */
@Injectable()
export class DataQualityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async rules(): Promise<RuleRow[]> {
    return this.dataSource.query(
      `select code, entity, severity, description, description_en as "descriptionEn", enabled, version from data_quality_rule order by sort, code`,
    );
  }

  async report(user: SessionUser, regionCode?: string | null): Promise<DataQualityReportModel> {
    const scopePath = this.regions.filterPath(user, regionCode);
    const region = this.regionAt(scopePath);
    const rules = await this.rules();
    const enabled = rules.filter((rule) => rule.enabled && DATA_QUALITY_RULE_SQL[rule.code]);
    const hits: { rule: string; child: string; count: number }[] = enabled.length
      ? await this.dataSource.query(
          `select rule, ${CHILD_PATH_SQL} as child, count(*)::int as count
           from (${enabled.map((rule) => DATA_QUALITY_RULE_SQL[rule.code]).join('\nunion all\n')}) hits group by 1, 2`,
          [scopePath],
        )
      : [];
    const records: { child: string; count: number }[] = await this.dataSource.query(
      `select ${CHILD_PATH_SQL} as child, count(*)::int as count from (${DATA_QUALITY_RECORDS_SQL}) records group by 1`,
      [scopePath],
    );

    const severity = new Map(rules.map((rule) => [rule.code, rule.severity as DataQualitySeverity]));
    const childPaths = new Set([...hits.map((hit) => hit.child), ...records.map((record) => record.child)]);
    // every child region is listed, with or without records
    for (const child of this.regions.list(user, region.code)) childPaths.add(child.path);
    const children: DataQualityRegionModel[] = [...childPaths].map((path) => {
      const childHits = hits.filter((hit) => hit.child === path);
      const count = records.find((record) => record.child === path)?.count ?? 0;
      const childRegion = this.regionAt(path);
      return {
        regionCode: childRegion.code,
        regionName: childRegion.name,
        own: path === scopePath,
        records: count,
        failures: childHits.reduce((sum, hit) => sum + hit.count, 0),
        score: dataQualityScore(childHits.map((hit) => ({ severity: severity.get(hit.rule)!, count: hit.count })), count),
        counts: childHits.map((hit) => ({ rule: hit.rule, count: hit.count })),
      };
    });
    children.sort((left, right) => left.score - right.score || left.regionCode.localeCompare(right.regionCode));
    const totalRecords = records.reduce((sum, record) => sum + record.count, 0);
    const ruleCounts = rules.map((rule) => ({ ...rule, count: hits.filter((hit) => hit.rule === rule.code).reduce((sum, hit) => sum + hit.count, 0) }));
    return {
      regionCode: region.code,
      regionName: region.name,
      records: totalRecords,
      failures: ruleCounts.reduce((sum, rule) => sum + rule.count, 0),
      score: dataQualityScore(ruleCounts.filter((rule) => rule.enabled).map((rule) => ({ severity: rule.severity as DataQualitySeverity, count: rule.count })), totalRecords),
      rules: ruleCounts,
      children: children.filter((child) => !child.own || child.records > 0 || child.failures > 0),
    };
  }

  async records(user: SessionUser, args: DataQualityRecordsArgs): Promise<DataQualityRecordPageModel> {
    const page = resolvePage(args, this.config.graphql.maxPageSize);
    const sql = DATA_QUALITY_RULE_SQL[args.rule];
    if (!sql) throw RegistryError.badInput('rule', `数据质量规则 ${args.rule} 不存在`);
    const scopePath = this.regions.filterPath(user, args.regionCode);
    const rows: { entity: 'COORDINATOR' | 'ENTERPRISE'; id: string; label: string; region_code: string; detail: string | null; total: number }[] =
      await this.dataSource.query(
        `select hits.*, count(*) over ()::int as total from (${sql}) hits order by hits.region_path, hits.id offset ${page.offset} limit ${page.limit}`,
        [scopePath],
      );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && page.offset > 0) {
      [{ total }] = await this.dataSource.query(`select count(*)::int as total from (${sql}) hits`, [scopePath]);
    }
    const items: DataQualityRecordModel[] = rows.map((row) => ({
      entity: row.entity as DataQualityRecordModel['entity'],
      id: String(row.id),
      name: row.label,
      regionCode: row.region_code,
      regionPathName: this.pathName(row.region_code),
      detail: row.detail,
      link: row.entity === 'COORDINATOR' ? `/coordinators/${row.id}/edit` : `/enterprises/${row.id}/edit`,
    }));
    return { total, offset: page.offset, limit: page.limit, items };
  }

  async updateRule(user: SessionUser, input: UpdateDataQualityRuleInput): Promise<DataQualityRuleModel> {
    if (input.severity == null && input.enabled == null) throw RegistryError.badInput('severity', '请至少修改严重程度或是否启用之一');
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`select code, severity, enabled, version from data_quality_rule where code = $1 for update`, [input.code]);
      if (!current) throw RegistryError.badInput('code', `数据质量规则 ${input.code} 不存在`);
      if (current.version !== input.version) throw RegistryError.conflict('数据质量规则', input.code, current.version);
      // an UPDATE … RETURNING answers [rows, affected count] through TypeORM
      const [[updated]] = await manager.query(
        `update data_quality_rule set severity = coalesce($2, severity), enabled = coalesce($3, enabled), version = version + 1, updated_at = now()
         where code = $1
         returning code, entity, severity, description, description_en as "descriptionEn", enabled, version`,
        [input.code, input.severity ?? null, input.enabled ?? null],
      );
      await this.audit.record(
        user,
        {
          action: 'DATA_QUALITY_RULE_UPDATE',
          objectType: 'data_quality_rule',
          objectId: input.code,
          regionPath: user.scopePath,
          detail: { before: { severity: current.severity, enabled: current.enabled }, after: { severity: updated.severity, enabled: updated.enabled } },
        },
        manager,
      );
      return { ...updated, count: 0 };
    });
  }

  private regionAt(path: string) {
    const code = path.split('/').filter(Boolean).pop()!;
    const region = this.regions.find(code);
    if (!region) throw RegistryError.badInput('regionCode', `地区代码 ${code} 不存在`);
    return region;
  }

  /** 长春市 · 朝阳区 · 前进街道: the path below the province. */
  private pathName(code: string): string {
    const names: string[] = [];
    for (let region = this.regions.find(code); region && region.level !== 'PROVINCE'; region = region.parentCode ? this.regions.find(region.parentCode) : undefined) {
      names.unshift(region.name);
    }
    return names.join(' · ') || (this.regions.find(code)?.name ?? code);
  }
}
