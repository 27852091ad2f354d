import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareDates, isValidIsoDate, todayIsoDate } from '@registry/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { runAsOwner } from '../auth/request-database';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import type { RegionEntity } from './region.entity';
import { RegionsService } from './regions.service';

export interface RegionChange {
  code: string;
  parentCode?: string | null;
  name?: string | null;
  effectiveFrom: string;
}

// A region moved to another parent or renamed from a day (e.g. 公主岭市 from 四平市 to 长春市):
// the old name, parent and path stay in region_version for the days before, for the region and
// every region below it; the region table and the paths copied into the registry's rows (the
// jurisdiction of records, accounts, imports) take the new ones. Figures of a year use the
// hierarchy at that year's end (rollup-sql.ts regionYearsSql); the audit trail keeps the paths
// its entries were written with.
@Injectable()
export class RegionHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  async change(user: SessionUser, change: RegionChange): Promise<RegionEntity> {
    const region = this.regions.requireWritable(change.code, user, 'code');
    const parent = change.parentCode ? this.regions.requireWritable(change.parentCode, user, 'parentCode') : region.parentCode ? this.regions.find(region.parentCode)! : null;
    if (!parent) throw RegistryError.badInput('parentCode', '省级地区不能移动');
    const currentParent = region.parentCode ? this.regions.find(region.parentCode) : null;
    if (currentParent && parent.level !== currentParent.level) throw RegistryError.badInput('parentCode', `上级地区须为与原上级同级的地区`);
    if (parent.path.startsWith(region.path)) throw RegistryError.badInput('parentCode', '不能移到本地区或其下级之下');
    const name = change.name?.trim() || region.name;
    if (name.length > 64) throw RegistryError.badInput('name', '名称最多 64 个字');
    if (!isValidIsoDate(change.effectiveFrom)) throw RegistryError.badInput('effectiveFrom', '日期无效');
    if (compareDates(change.effectiveFrom, todayIsoDate()) > 0) throw RegistryError.badInput('effectiveFrom', '生效日期不能晚于今天');
    const oldPath = region.path;
    const newPath = `${parent.path}${region.code}/`;
    if (newPath === oldPath && name === region.name) return region;

    await runAsOwner(() =>
      this.dataSource.transaction(async (manager) => {
        const subtree = `path >= $1::varchar collate "C" and path < $1::varchar || '~' collate "C"`;
        const [{ latest }] = await manager.query(
          `select max(valid_from)::text as latest from region_version where region_code in (select code from region where ${subtree})`,
          [oldPath],
        );
        if (latest && compareDates(change.effectiveFrom, latest) <= 0) {
          throw RegistryError.badInput('effectiveFrom', `生效日期须晚于上次调整的日期 ${latest}`);
        }
        // the versions until the day before: the first change of a region also writes its version "since ever"
        await manager.query(
          `insert into region_version (region_code, province_code, name, parent_code, path, valid_from, valid_to)
           select r.code, left(r.code, 2), r.name, r.parent_code, r.path, date '1900-01-01', $2::date - 1 from region r
           where ${subtree.replaceAll('path', 'r.path')} and not exists (select 1 from region_version v where v.region_code = r.code)`,
          [oldPath, change.effectiveFrom],
        );
        await manager.query(
          `update region_version set valid_to = $2::date - 1 where valid_to is null and region_code in (select code from region where ${subtree})`,
          [oldPath, change.effectiveFrom],
        );
        await manager.query(
          `update region set path = $2 || substr(path, length($1) + 1),
             parent_code = case when code = $3 then $4 else parent_code end, name = case when code = $3 then $5 else name end
           where ${subtree}`,
          [oldPath, newPath, region.code, parent.code, name],
        );
        await manager.query(
          `insert into region_version (region_code, province_code, name, parent_code, path, valid_from)
           select code, left(code, 2), name, parent_code, path, $2::date from region where ${subtree}`,
          [newPath, change.effectiveFrom],
        );
        if (newPath !== oldPath) {
          const columns: { table_name: string; column_name: string }[] = await manager.query(
            `select table_name, column_name from information_schema.columns
             where table_schema = current_schema() and column_name in ('region_path', 'scope_path')
               and table_name not like 'analytics\\_%' and table_name not in ('audit_log', 'region_version')`,
          );
          for (const { table_name: table, column_name: column } of columns) {
            await manager.query(
              `update "${table}" set "${column}" = $2 || substr("${column}", length($1) + 1)
               where "${column}" >= $1::varchar collate "C" and "${column}" < $1::varchar || '~' collate "C"`,
              [oldPath, newPath],
            );
          }
        }
        await this.audit.record(
          user,
          {
            action: 'REGION_CHANGE',
            objectType: 'region',
            objectId: region.code,
            regionPath: newPath,
            detail: { from: change.effectiveFrom, before: { parentCode: region.parentCode, name: region.name }, after: { parentCode: parent.code, name } },
          },
          manager,
        );
      }),
    );
    await this.regions.reload();
    return this.regions.find(region.code)!;
  }
}
