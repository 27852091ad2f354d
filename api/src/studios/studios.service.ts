import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareDates, isValidIsoDate, isWithinScope, todayIsoDate } from '@registry/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { isUniqueViolation } from '../common/database-errors';
import { assertVersionMatched } from '../common/optimistic-lock';
import { queryPage, resolvePage } from '../common/paging';
import { RegistryError } from '../common/registry-error';
import { scopeSql, type SessionUser } from '../common/session-user';
import { escapeLike, SqlConditions } from '../common/sql-conditions';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { RegionsService } from '../regions/regions.service';
import { StudioFilter, StudioInput, StudioOrder, StudioSort, UpdateStudioInput } from './dto/studio.input';
import { StudioHostKind, StudioStatus, type StudioKind, type StudioRecord, type StudioRegionFiguresModel } from './studio.model';

export const STUDIO_LABEL = '工作室';

const SORT_COLUMNS: Record<StudioSort, string> = {
  [StudioSort.NAME]: 's.name',
  [StudioSort.OPENED_ON]: 's.opened_on',
  [StudioSort.REGION]: 's.region_path',
  [StudioSort.NEWEST]: 's.id',
};

const COLUMNS = `s.id::text, s.kind, s.name, s.host_kind, s.host_enterprise_id::text, s.host_platform_name, s.region_code, s.region_path,
  s.opened_on, s.status, s.description, s.version, s.created_at, s.updated_at`;

function fromRow(row: Record<string, any>): StudioRecord {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    hostKind: row.host_kind,
    hostEnterpriseId: row.host_enterprise_id,
    hostPlatformName: row.host_platform_name,
    regionCode: row.region_code,
    regionPath: row.region_path,
    openedOn: row.opened_on,
    status: row.status,
    description: row.description,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const isId = (id: string | null | undefined): id is string => typeof id === 'string' && /^\d{1,18}$/.test(id);

@Injectable()
export class StudiosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  async list(user: SessionUser, filter: StudioFilter = {}, page: { offset?: number | null; limit?: number | null } = {}, order?: StudioOrder | null) {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const sql = new SqlConditions().add((p) => scopeSql('s.region_path', p), this.regions.filterPath(user, filter.regionCode));
    if (filter.kind) sql.add((p) => `s.kind = ${p}`, filter.kind);
    if (filter.status) sql.add((p) => `s.status = ${p}`, filter.status);
    const search = filter.search?.trim();
    if (search) sql.add((p) => `(s.name like '%' || ${p} || '%' or s.host_platform_name like '%' || ${p} || '%')`, escapeLike(search));
    const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
    const sort = SORT_COLUMNS[order?.field ?? StudioSort.NAME];
    const { total, rows } = await queryPage(
      this.dataSource,
      { columns: COLUMNS, from: `from studio s where ${sql.where}`, orderBy: `${sort} ${direction}, s.id ${direction}`, parameters: sql.parameters },
      { offset, limit },
    );
    return { total, offset, limit, items: rows.map(fromRow) };
  }

  async findOne(user: SessionUser, id: string): Promise<StudioRecord | null> {
    if (!isId(id)) return null;
    const [row] = await this.dataSource.query(`select ${COLUMNS} from studio s where s.id = $1`, [id]);
    // outside the jurisdiction answers like a missing row
    return row && isWithinScope(row.region_path, user.scopePath) ? fromRow(row) : null;
  }

  async require(user: SessionUser, id: string): Promise<StudioRecord> {
    const studio = await this.findOne(user, id);
    if (!studio) throw RegistryError.notFound(STUDIO_LABEL, id);
    return studio;
  }

  async create(user: SessionUser, input: StudioInput): Promise<StudioRecord> {
    const fields = await this.validated(user, input);
    return this.dataSource.transaction(async (manager) => {
      let id: string;
      try {
        const [row] = await manager.query(
          `insert into studio (province_code, kind, name, host_kind, host_enterprise_id, host_platform_name, region_code, region_path,
             opened_on, status, description)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id::text`,
          [fields.regionCode.slice(0, 2), fields.kind, fields.name, fields.hostKind, fields.hostEnterpriseId, fields.hostPlatformName,
            fields.regionCode, fields.regionPath, fields.openedOn, fields.status, fields.description],
        );
        id = row.id;
      } catch (error) {
        if (isUniqueViolation(error)) throw RegistryError.badInput('name', `本地区已有名为“${fields.name}”的工作室或指导站`);
        throw error;
      }
      await this.replaceLinks(manager, id, fields.regionCode, fields.coordinatorIds, fields.servedEnterpriseIds);
      await this.audit.record(
        user,
        { action: 'STUDIO_CREATE', objectType: 'studio', objectId: id, regionPath: fields.regionPath, detail: { name: fields.name, kind: fields.kind } },
        manager,
      );
      return this.read(manager, id);
    });
  }

  async update(user: SessionUser, input: UpdateStudioInput): Promise<StudioRecord> {
    const current = await this.require(user, input.id);
    const fields = await this.validated(user, input);
    return this.dataSource.transaction(async (manager) => {
      let updated: unknown;
      try {
        // Optimistic lock: the row changes only if nobody saved since the version the user read.
        updated = await manager.query(
          `update studio set kind = $3, name = $4, host_kind = $5, host_enterprise_id = $6, host_platform_name = $7, region_code = $8,
             region_path = $9, province_code = $10, opened_on = $11, status = $12, description = $13, version = version + 1, updated_at = now()
           where id = $1 and version = $2 returning id`,
          [current.id, input.version, fields.kind, fields.name, fields.hostKind, fields.hostEnterpriseId, fields.hostPlatformName,
            fields.regionCode, fields.regionPath, fields.regionCode.slice(0, 2), fields.openedOn, fields.status, fields.description],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw RegistryError.badInput('name', `本地区已有名为“${fields.name}”的工作室或指导站`);
        throw error;
      }
      await assertVersionMatched(manager, updated, 'studio', current.id, STUDIO_LABEL);
      const before = await this.linkIds(manager, current.id);
      await this.replaceLinks(manager, current.id, fields.regionCode, fields.coordinatorIds, fields.servedEnterpriseIds);
      const { coordinatorIds, servedEnterpriseIds, regionPath: _path, ...after } = fields;
      const { regionPath: _before, ...previous } = current;
      await this.audit.record(
        user,
        {
          action: 'STUDIO_UPDATE',
          objectType: 'studio',
          objectId: current.id,
          regionPath: fields.regionPath,
          detail: {
            changes: changedFields(
              { ...previous, coordinatorIds: before.coordinatorIds, servedEnterpriseIds: before.servedEnterpriseIds } as unknown as Record<string, unknown>,
              { ...after, coordinatorIds, servedEnterpriseIds } as unknown as Record<string, unknown>,
            ),
          },
        },
        manager,
      );
      return this.read(manager, current.id);
    });
  }

  /** Staff per studio, for the `coordinators` field. */
  async coordinatorIdsFor(studioIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { studio_id: string; coordinator_id: string }[] = await this.dataSource.query(
      `select studio_id::text, coordinator_id::text from studio_coordinator where studio_id = any($1::bigint[]) order by coordinator_id`,
      [studioIds],
    );
    return this.group(rows.map((row) => [row.studio_id, row.coordinator_id]));
  }

  /** Enterprises served per studio (its host first), for the `servedEnterprises` field. */
  async servedEnterpriseIdsFor(studioIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { studio_id: string; enterprise_id: string }[] = await this.dataSource.query(
      `select s.id::text as studio_id, s.host_enterprise_id::text as enterprise_id, 0 as rank from studio s
         where s.id = any($1::bigint[]) and s.host_enterprise_id is not null
       union
       select se.studio_id::text, se.enterprise_id::text, 1 from studio_enterprise se
         join studio s on s.id = se.studio_id
         where se.studio_id = any($1::bigint[]) and se.enterprise_id is distinct from s.host_enterprise_id
       order by 1, rank, 2`,
      [studioIds],
    );
    return this.group(rows.map((row) => [row.studio_id, row.enterprise_id]));
  }

  /** Studios of each coordinator, for `Coordinator`-side views and figures. */
  async studiosOfCoordinator(user: SessionUser, coordinatorId: string): Promise<StudioRecord[]> {
    if (!isId(coordinatorId)) return [];
    const rows = await this.dataSource.query(
      `select ${COLUMNS} from studio s join studio_coordinator sc on sc.studio_id = s.id
       where sc.coordinator_id = $1 and ${scopeSql('s.region_path', '$2')} order by s.name`,
      [coordinatorId, user.scopePath],
    );
    return rows.map(fromRow);
  }

  /**
   * Studios in operation in a region and each of its child regions: counts by kind, staff, and
   * the enterprises and townships served. One statement; children are tens of rows.
   */
  async figures(user: SessionUser, regionCode?: string | null): Promise<{ regionCode: string; total: StudioRegionFiguresModel; children: StudioRegionFiguresModel[] }> {
    const region = regionCode ? this.regions.requireReadable(regionCode, user) : this.regions.find(user.regionCode)!;
    const children = this.regions.list(user, region.code).filter((child) => isWithinScope(child.path, user.scopePath));
    const areas = [region, ...children];
    const rows: Record<string, any>[] = await this.dataSource.query(
      `with area(code, path) as (select * from unnest($1::varchar[], $2::varchar[])),
       placed as (
         select s.id, s.kind, s.region_code, s.host_enterprise_id, a.code as area
         from area a join studio s on s.region_path >= a.path and s.region_path < a.path || '~'
         where s.status = 'ACTIVE' and ${scopeSql('s.region_path', '$3')}),
       staff as (select distinct p.area, sc.coordinator_id from placed p join studio_coordinator sc on sc.studio_id = p.id),
       served as (
         select p.area, se.enterprise_id from placed p join studio_enterprise se on se.studio_id = p.id
         union select p.area, p.host_enterprise_id from placed p where p.host_enterprise_id is not null),
       townships as (
         select p.area, p.region_code as township from placed p join region r on r.code = p.region_code and r.level = 'TOWNSHIP'
         union select v.area, e.region_code from served v join enterprise e on e.id = v.enterprise_id
           join region r on r.code = e.region_code and r.level = 'TOWNSHIP')
       select a.code,
         (select count(*) from placed p where p.area = a.code and p.kind = 'GOLD_STUDIO')::int as gold_studios,
         (select count(*) from placed p where p.area = a.code and p.kind = 'GUIDANCE_STATION')::int as guidance_stations,
         (select count(*) from staff x where x.area = a.code)::int as coordinators,
         (select count(*) from served x where x.area = a.code)::int as served_enterprises,
         (select count(*) from townships x where x.area = a.code)::int as served_townships
       from area a`,
      [areas.map((area) => area.code), areas.map((area) => area.path), user.scopePath],
    );
    const byCode = new Map(rows.map((row) => [row.code as string, row]));
    const figures = (code: string, name: string): StudioRegionFiguresModel => {
      const row = byCode.get(code) ?? {};
      return {
        regionCode: code,
        regionName: name,
        goldStudios: row.gold_studios ?? 0,
        guidanceStations: row.guidance_stations ?? 0,
        coordinators: row.coordinators ?? 0,
        servedEnterprises: row.served_enterprises ?? 0,
        servedTownships: row.served_townships ?? 0,
      };
    };
    return { regionCode: region.code, total: figures(region.code, region.name), children: children.map((child) => figures(child.code, child.name)) };
  }

  private group(pairs: [string, string][]): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const [key, value] of pairs) {
      const list = groups.get(key) ?? [];
      list.push(value);
      groups.set(key, list);
    }
    return groups;
  }

  private async read(manager: EntityManager, id: string): Promise<StudioRecord> {
    const [row] = await manager.query(`select ${COLUMNS} from studio s where s.id = $1`, [id]);
    return fromRow(row);
  }

  private async linkIds(manager: EntityManager, id: string) {
    const [row] = await manager.query(
      `select coalesce((select array_agg(coordinator_id::text order by coordinator_id) from studio_coordinator where studio_id = $1), '{}') as coordinator_ids,
              coalesce((select array_agg(enterprise_id::text order by enterprise_id) from studio_enterprise where studio_id = $1), '{}') as enterprise_ids`,
      [id],
    );
    return { coordinatorIds: row.coordinator_ids as string[], servedEnterpriseIds: row.enterprise_ids as string[] };
  }

  private async replaceLinks(manager: EntityManager, id: string, regionCode: string, coordinatorIds: string[], enterpriseIds: string[]): Promise<void> {
    const province = regionCode.slice(0, 2);
    await manager.query(`delete from studio_coordinator where studio_id = $1`, [id]);
    await manager.query(`delete from studio_enterprise where studio_id = $1`, [id]);
    if (coordinatorIds.length > 0) {
      await manager.query(`insert into studio_coordinator (province_code, studio_id, coordinator_id) select $1, $2, unnest($3::bigint[])`, [province, id, coordinatorIds]);
    }
    if (enterpriseIds.length > 0) {
      await manager.query(`insert into studio_enterprise (province_code, studio_id, enterprise_id) select $1, $2, unnest($3::bigint[])`, [province, id, enterpriseIds]);
    }
  }

  /** The input checked field by field; linked people and enterprises must lie inside the jurisdiction. */
  private async validated(user: SessionUser, input: StudioInput) {
    const name = input.name?.trim();
    if (!name) throw RegistryError.badInput('name', '名称不能为空');
    const region = this.regions.requireWritable(input.regionCode, user);
    if (region.level === 'PROVINCE' || region.level === 'UNIT') throw RegistryError.badInput('regionCode', '请选择县（市、区）或乡镇（街道）');
    if (!isValidIsoDate(input.openedOn)) throw RegistryError.badInput('openedOn', '日期无效');
    if (compareDates(input.openedOn, todayIsoDate()) > 0) throw RegistryError.badInput('openedOn', '设立日期不能晚于今天');
    let hostEnterpriseId: string | null = null;
    let hostPlatformName: string | null = null;
    if (input.hostKind === StudioHostKind.ENTERPRISE) {
      if (!input.hostEnterpriseId) throw RegistryError.badInput('hostEnterpriseId', '请选择依托企业');
      hostEnterpriseId = (await this.visibleIds(user, 'enterprise', 'hostEnterpriseId', [input.hostEnterpriseId]))[0];
    } else {
      hostPlatformName = input.hostPlatformName?.trim() || null;
      if (!hostPlatformName) throw RegistryError.badInput('hostPlatformName', '请填写依托的基层平台名称');
    }
    const coordinatorIds = await this.visibleIds(user, 'coordinator', 'coordinatorIds', input.coordinatorIds ?? []);
    const servedEnterpriseIds = await this.visibleIds(user, 'enterprise', 'servedEnterpriseIds', input.servedEnterpriseIds ?? []);
    return {
      kind: input.kind as StudioKind,
      name,
      hostKind: input.hostKind,
      hostEnterpriseId,
      hostPlatformName,
      regionCode: region.code,
      regionPath: region.path,
      openedOn: input.openedOn,
      status: input.status ?? StudioStatus.ACTIVE,
      description: input.description?.trim() || null,
      coordinatorIds,
      servedEnterpriseIds,
    };
  }

  /** The ids, deduplicated, each an existing row within the scope; any other answers like an unknown id. */
  private async visibleIds(user: SessionUser, table: 'coordinator' | 'enterprise', field: string, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const malformed = unique.find((id) => !isId(id));
    if (malformed !== undefined) throw RegistryError.badInput(field, `${table === 'coordinator' ? '协调员' : '用人单位'} ${malformed} 不存在`);
    if (unique.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `select id::text from ${table} where id = any($1::bigint[]) and ${scopeSql('region_path', '$2')}`,
      [unique, user.scopePath],
    );
    const found = new Set(rows.map((row) => row.id));
    const missing = unique.find((id) => !found.has(id));
    if (missing !== undefined) throw RegistryError.badInput(field, `${table === 'coordinator' ? '协调员' : '用人单位'} ${missing} 不存在`);
    return unique.sort((left, right) => Number(left) - Number(right));
  }
}
