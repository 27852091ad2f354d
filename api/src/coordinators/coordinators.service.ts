import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareDates, isValidIsoDate, isWithinScope, maskIdNumber, validateIdNumber, todayIsoDate } from '@registry/domain';
import { DataSource } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { isUniqueViolation } from '../common/database-errors';
import { runAsOwner } from '../auth/request-database';
import { IdNumberVault } from '../common/id-number-vault';
import { assertVersionMatched } from '../common/optimistic-lock';
import { queryPage, resolvePage } from '../common/paging';
import { columnsFor } from '../common/projection';
import { RegistryError } from '../common/registry-error';
import { scopeSql, type SessionUser } from '../common/session-user';
import { escapeLike, SqlConditions } from '../common/sql-conditions';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { RegionsService } from '../regions/regions.service';
import type { RegionEntity } from '../regions/region.entity';
import { CoordinatorRecordsService } from './coordinator-records.service';
import { CoordinatorFilter, CoordinatorOrder, CoordinatorSort } from './dto/coordinator-filter.input';
import {
  CoordinatorAffiliation,
  CoordinatorInput,
  DeactivateCoordinatorInput,
  UpdateCoordinatorInput,
} from './dto/coordinator.input';
import { CoordinatorEntity } from './entities/coordinator.entity';
import { ID_NUMBER_PROBES_PER_DAY, IdNumberProbesService, PROBE_LIMIT_REACHED, REGISTERED_ELSEWHERE } from './id-number-probes.service';

const SORT_COLUMNS: Record<CoordinatorSort, string> = {
  [CoordinatorSort.NAME]: 'name',
  [CoordinatorSort.JOINED]: 'joined_on',
  [CoordinatorSort.REGION]: 'region_path',
  [CoordinatorSort.NEWEST]: 'id',
};

const COLUMN_NAMES = [
  'id', 'name', 'gender', 'birth_date', 'id_number_masked', 'phone', 'category', 'affiliation', 'tripartite_or_grassroots',
  'enterprise_id', 'unit_name', 'region_code', 'region_path', 'post', 'status', 'joined_on', 'left_on', 'assigned_on', 'version', 'created_at', 'updated_at',
];
const COLUMNS = COLUMN_NAMES.map((column) => `c.${column}`).join(', ');

/** The columns each GraphQL field of a coordinator reads (projection.ts); the sub-records need only the id. */
const FIELD_COLUMNS: Record<string, readonly string[]> = {
  __typename: [], id: [], name: ['name'], gender: ['gender'], birthDate: ['birth_date'], age: ['birth_date'], idNumber: ['id_number_masked'],
  phone: ['phone'], category: ['category'], affiliation: ['affiliation'], tripartiteOrGrassroots: ['tripartite_or_grassroots'],
  enterpriseId: ['enterprise_id'], enterprise: ['enterprise_id'], unitName: ['unit_name'], regionCode: ['region_code'], region: ['region_code'],
  post: ['post'], status: ['status'], outsideJurisdiction: [], joinedOn: ['joined_on'], leftOn: ['left_on'], assignments: [], version: ['version'], createdAt: ['created_at'],
  updatedAt: ['updated_at'], certificates: [], educations: [], workPeriods: [], trainings: [], honors: [], disciplinaryRecords: [], workRecords: [],
};

/** What a list request selects of each row and of its employer (null: everything). */
export interface CoordinatorSelection {
  fields: Set<string> | null;
  enterprise: Set<string> | null;
}

/** 三(一): employer staff → 1, 人社部门/基层平台 → 3, otherwise 6 (其他). */
function defaultCategory(affiliation: CoordinatorAffiliation): number {
  if (affiliation === CoordinatorAffiliation.ENTERPRISE) return 1;
  if (affiliation === CoordinatorAffiliation.TRIPARTITE || affiliation === CoordinatorAffiliation.GRASSROOTS) return 3;
  return 6;
}

function defaultAffiliation(tripartiteOrGrassroots: boolean, enterpriseId: string | null, region: RegionEntity): CoordinatorAffiliation {
  if (tripartiteOrGrassroots) return region.level === 'TOWNSHIP' ? CoordinatorAffiliation.GRASSROOTS : CoordinatorAffiliation.TRIPARTITE;
  return enterpriseId ? CoordinatorAffiliation.ENTERPRISE : CoordinatorAffiliation.OTHER;
}

export interface CoordinatorAssignmentRow {
  coordinatorId: string;
  enterpriseId: string | null;
  unitName: string | null;
  regionCode: string;
  from: string;
  /** the last day (the day before the next assignment, or before leaving the corps); null: current */
  to: string | null;
}

@Injectable()
export class CoordinatorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly enterprises: EnterprisesService,
    private readonly records: CoordinatorRecordsService,
    private readonly vault: IdNumberVault,
    private readonly audit: AuditService,
    private readonly probes: IdNumberProbesService,
  ) {}

  async list(
    user: SessionUser,
    filter: CoordinatorFilter = {},
    page: { offset?: number | null; limit?: number | null } = {},
    order?: CoordinatorOrder | null,
    selection: CoordinatorSelection = { fields: null, enterprise: null },
  ): Promise<{ total: number; offset: number; limit: number; items: CoordinatorEntity[] }> {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const { where, parameters } = this.filterSql(user, filter);
    const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
    const sort = SORT_COLUMNS[order?.field ?? CoordinatorSort.NAME];
    const columns = columnsFor(selection.fields, FIELD_COLUMNS, COLUMN_NAMES, ['id', sort]);
    const employer = !selection.fields || selection.fields.has('enterprise');
    const { total, rows } = await queryPage(
      this.dataSource,
      {
        columns: columns.map((column) => `c.${column}`).join(', '),
        from: `from coordinator c where ${where}`,
        orderBy: `c.${sort} ${direction}, c.id ${direction}`,
        parameters,
        // Each row's employer comes with the page, so the enterprise field needs no statement of
        // its own. Row-level security hides an employer outside the reader's jurisdiction from
        // this join just as it does from the enterprise loader.
        join: employer
          ? { alias: 'c', columns: this.enterprises.joinedColumns('e', selection.enterprise), from: 'left join enterprise e on e.id = c.enterprise_id' }
          : undefined,
      },
      { offset, limit },
    );
    const items = rows.map((row) => {
      const coordinator = this.fromRow(row);
      return employer ? Object.assign(coordinator, { employer: this.enterprises.fromJoinedRow(row) }) : coordinator;
    });
    return { total, offset, limit, items };
  }

  filterSql(user: SessionUser, filter: CoordinatorFilter): { where: string; parameters: unknown[] } {
    const sql = new SqlConditions().add((p) => scopeSql('c.region_path', p), this.regions.filterPath(user, filter.regionCode));
    if (filter.ids) sql.add((p) => `c.id = any(${p}::bigint[])`, filter.ids);
    if (filter.status) sql.add((p) => `c.status = ${p}`, filter.status);
    if (filter.categories?.length) sql.add((p) => `c.category = any(${p}::smallint[])`, filter.categories);
    if (filter.affiliations?.length) sql.add((p) => `c.affiliation = any(${p}::varchar[])`, filter.affiliations);
    if (filter.enterpriseId) sql.add((p) => `c.enterprise_id = ${p}`, /^\d{1,18}$/.test(filter.enterpriseId) ? filter.enterpriseId : '0');
    if (filter.enterpriseSizeClasses?.length) {
      sql.add((p) => `exists (select 1 from enterprise e where e.id = c.enterprise_id and e.size_class = any(${p}::varchar[]))`, filter.enterpriseSizeClasses);
    }
    if (filter.certificateLevelAtLeast) {
      sql.add((p) => `exists (select 1 from certificate k where k.coordinator_id = c.id and k.level <= ${p})`, filter.certificateLevelAtLeast);
    }
    const search = filter.search?.trim();
    if (search) sql.add((p) => `c.name like '%' || ${p} || '%'`, escapeLike(search));
    if (filter.idNumber) {
      const check = validateIdNumber(filter.idNumber);
      sql.add((p) => `c.id_number_hash = ${p}`, check.valid ? this.vault.hash(check.normalized) : '-');
    }
    return { where: sql.where, parameters: sql.parameters };
  }

  async findOne(user: SessionUser, id: string): Promise<CoordinatorEntity | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const [row] = await this.dataSource.query(`select ${COLUMNS} from coordinator c where c.id = $1`, [id]);
    if (!row || !isWithinScope(row.region_path, user.scopePath)) return null;
    return this.fromRow(row);
  }

  async require(user: SessionUser, id: string): Promise<CoordinatorEntity> {
    const coordinator = await this.findOne(user, id);
    if (!coordinator) throw RegistryError.notFound('协调员', id);
    return coordinator;
  }

  async findMany(ids: readonly string[]): Promise<CoordinatorEntity[]> {
    const rows = await this.dataSource.query(`select ${COLUMNS} from coordinator c where c.id = any($1::bigint[])`, [ids]);
    return rows.map((row: Record<string, unknown>) => this.fromRow(row));
  }

  async create(user: SessionUser, input: CoordinatorInput): Promise<CoordinatorEntity> {
    const name = input.name?.trim();
    if (!name) throw RegistryError.badInput('name', '姓名不能为空');
    const identity = validateIdNumber(input.idNumber ?? '');
    if (!identity.valid) throw RegistryError.badInput('idNumber', identity.reason);
    const region = this.regions.requireWritable(input.regionCode, user);
    const enterpriseId = await this.checkEnterprise(user, input.enterpriseId ?? null);
    this.records.validate(input, identity.birthDate);
    const joinedOn = input.joinedOn ?? earliestStart(input.workPeriods ?? []) ?? todayIsoDate();
    if (!isValidIsoDate(joinedOn)) throw RegistryError.badInput('joinedOn', '日期无效');
    const affiliation = input.affiliation ?? defaultAffiliation(input.tripartiteOrGrassroots, enterpriseId, region);
    const sealed = this.vault.seal(identity.normalized);
    await this.refuseRegisteredElsewhere(user, sealed.hash, maskIdNumber(identity.normalized));

    return this.dataSource.transaction(async (manager) => {
      let id: string;
      try {
        const [row] = await manager.query(
          `insert into coordinator (name, gender, birth_date, id_number_cipher, id_number_key_id, id_number_hash, id_number_masked,
             phone, category, affiliation, tripartite_or_grassroots, enterprise_id, unit_name, region_code, region_path, post,
             status, joined_on)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'ACTIVE', $17) returning id`,
          [
            name, identity.gender, identity.birthDate, sealed.cipher, sealed.keyId, sealed.hash, maskIdNumber(identity.normalized),
            input.phone ?? null, input.category ?? defaultCategory(affiliation), affiliation, input.tripartiteOrGrassroots,
            enterpriseId, input.unitName ?? null, region.code, region.path, input.post ?? null, joinedOn,
          ],
        );
        id = String(row.id);
      } catch (error) {
        if (isUniqueViolation(error)) throw RegistryError.badInput('idNumber', '该身份证号码已登记为协调员');
        throw error;
      }
      const replaced = await this.records.replace(manager, id, input, user);
      await this.audit.record(
        user,
        { action: 'COORDINATOR_CREATE', objectType: 'coordinator', objectId: id, regionPath: region.path, detail: { name, subRecords: replaced } },
        manager,
      );
      const [created] = await manager.query(`select ${COLUMNS} from coordinator c where c.id = $1`, [id]);
      return this.fromRow(created);
    });
  }

  /**
   * A typed number registered in the jurisdiction is a plain duplicate; one registered elsewhere
   * is answered only as "registered, ask the province", within the daily budget (ADR 0712).
   */
  private async refuseRegisteredElsewhere(user: SessionUser, hash: string, masked: string): Promise<void> {
    // as the owner: row-level security hides the foreign row the answer is about
    const [existing] = await runAsOwner(() => this.dataSource.query(`select region_path from coordinator where id_number_hash = $1`, [hash]));
    if (existing && isWithinScope(existing.region_path, user.scopePath)) throw RegistryError.badInput('idNumber', '该身份证号码已登记为协调员');
    const { used, known } = await this.probes.today(user, [hash]);
    if (used >= ID_NUMBER_PROBES_PER_DAY && !known.has(hash)) {
      await this.probes.warnOverLimit(user, 'FORM');
      throw RegistryError.badInput('idNumber', PROBE_LIMIT_REACHED);
    }
    if (existing) {
      await this.probes.record(user, [{ hash, masked }], 'FORM');
      throw RegistryError.badInput('idNumber', REGISTERED_ELSEWHERE);
    }
  }

  async update(user: SessionUser, input: UpdateCoordinatorInput): Promise<CoordinatorEntity> {
    const current = await this.require(user, input.id);
    const region = input.regionCode ? this.regions.requireWritable(input.regionCode, user) : this.regions.find(current.regionCode)!;
    const enterpriseId = input.enterpriseId !== undefined ? await this.checkEnterprise(user, input.enterpriseId) : current.enterpriseId;
    this.records.validate(input, current.birthDate);
    const name = input.name !== undefined ? input.name.trim() : current.name;
    if (!name) throw RegistryError.badInput('name', '姓名不能为空');
    if (input.joinedOn !== undefined && (!isValidIsoDate(input.joinedOn) || (current.leftOn && compareDates(current.leftOn, input.joinedOn) < 0))) {
      throw RegistryError.badInput('joinedOn', '日期无效或晚于离岗日期');
    }
    const tripartiteOrGrassroots = input.tripartiteOrGrassroots ?? current.tripartiteOrGrassroots;
    const affiliation =
      input.affiliation ??
      (input.tripartiteOrGrassroots !== undefined || input.enterpriseId !== undefined || input.regionCode
        ? defaultAffiliation(tripartiteOrGrassroots, enterpriseId, region)
        : (current.affiliation as CoordinatorAffiliation));
    const reassigned =
      enterpriseId !== current.enterpriseId || region.code !== current.regionCode ||
      (input.unitName !== undefined && (input.unitName ?? null) !== (current.unitName ?? null));
    const effectiveFrom = this.effectiveFrom(input.effectiveFrom, current, reassigned);
    const after = {
      name,
      regionCode: region.code,
      regionPath: region.path,
      enterpriseId,
      tripartiteOrGrassroots,
      affiliation,
      category: input.category ?? current.category,
      phone: input.phone !== undefined ? input.phone : current.phone,
      unitName: input.unitName !== undefined ? input.unitName : current.unitName,
      post: input.post !== undefined ? input.post : current.post,
      joinedOn: input.joinedOn ?? current.joinedOn,
    };

    return this.dataSource.transaction(async (manager) => {
      // the assignment's first day is the one given here (see migration EffectiveDatedRegistry)
      if (effectiveFrom) await manager.query(`select set_config('registry.history_stated', 'on', true)`);
      const result = await manager.query(
        `update coordinator set name = $3, region_code = $4, region_path = $5, enterprise_id = $6, tripartite_or_grassroots = $7,
           affiliation = $8, category = $9, phone = $10, unit_name = $11, post = $12, joined_on = $13,
           assigned_on = coalesce($14::date, assigned_on), version = version + 1, updated_at = now()
         where id = $1 and version = $2 returning id`,
        [
          current.id, input.version, after.name, after.regionCode, after.regionPath, after.enterpriseId, after.tripartiteOrGrassroots,
          after.affiliation, after.category, after.phone, after.unitName, after.post, after.joinedOn, effectiveFrom,
        ],
      );
      await assertVersionMatched(manager, result, 'coordinator', current.id, '协调员');
      const replaced = await this.records.replace(manager, current.id, input, user);
      await this.audit.record(
        user,
        {
          action: 'COORDINATOR_UPDATE',
          objectType: 'coordinator',
          objectId: current.id,
          regionPath: after.regionPath,
          detail: {
            changes: changedFields(current as unknown as Record<string, unknown>, after),
            subRecordsReplaced: replaced,
            ...(reassigned ? { assignmentFrom: effectiveFrom } : {}),
          },
        },
        manager,
      );
      const [updated] = await manager.query(`select ${COLUMNS} from coordinator c where c.id = $1`, [current.id]);
      return this.fromRow(updated);
    });
  }

  /**
   * The first day of a new assignment (employer, unit or region): today unless given; not before
   * the current assignment's first day (that day itself corrects the current one), not after today.
   */
  private effectiveFrom(given: string | null | undefined, current: CoordinatorEntity, reassigned: boolean): string | null {
    if (given == null) return reassigned ? todayIsoDate() : null;
    if (!isValidIsoDate(given)) throw RegistryError.badInput('effectiveFrom', '日期无效');
    if (compareDates(given, current.assignedOn) < 0) {
      throw RegistryError.badInput('effectiveFrom', `生效日期早于当前任职的起始日期 ${current.assignedOn}`);
    }
    if (compareDates(given, todayIsoDate()) > 0) throw RegistryError.badInput('effectiveFrom', '生效日期不能晚于今天');
    return reassigned ? given : null;
  }

  /** The assignments of coordinators, oldest first (for the `assignments` field). */
  async assignmentsFor(coordinatorIds: readonly string[]): Promise<CoordinatorAssignmentRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `select a.coordinator_id, a.enterprise_id, a.unit_name, a.region_code, a.valid_from::text as valid_from,
         coalesce(a.valid_to, case when c.left_on is not null then greatest(c.left_on - 1, a.valid_from) end)::text as valid_to
       from coordinator_assignment a join coordinator c on c.id = a.coordinator_id
       where a.coordinator_id = any($1::bigint[]) order by a.coordinator_id, a.valid_from`,
      [coordinatorIds],
    );
    return rows.map((row) => ({
      coordinatorId: String(row.coordinator_id),
      enterpriseId: row.enterprise_id == null ? null : String(row.enterprise_id),
      unitName: row.unit_name as string | null,
      regionCode: row.region_code as string,
      from: row.valid_from as string,
      to: row.valid_to as string | null,
    }));
  }

  /** 离岗: the person leaves the corps; history stays, figures stop counting them from leftOn. */
  async deactivate(user: SessionUser, input: DeactivateCoordinatorInput): Promise<CoordinatorEntity> {
    const current = await this.require(user, input.id);
    const leftOn = input.leftOn ?? todayIsoDate();
    if (!isValidIsoDate(leftOn)) throw RegistryError.badInput('leftOn', '日期无效');
    if (compareDates(leftOn, current.joinedOn) < 0) throw RegistryError.badInput('leftOn', `离岗日期早于入职日期 ${current.joinedOn}`);
    return this.setStatus(user, current, input.version, 'LEFT', leftOn, input.reason ?? null);
  }

  async reactivate(user: SessionUser, id: string, version: number): Promise<CoordinatorEntity> {
    const current = await this.require(user, id);
    return this.setStatus(user, current, version, 'ACTIVE', null, null);
  }

  private async setStatus(
    user: SessionUser,
    current: CoordinatorEntity,
    version: number,
    status: 'ACTIVE' | 'LEFT',
    leftOn: string | null,
    reason: string | null,
  ): Promise<CoordinatorEntity> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.query(
        `update coordinator set status = $3, left_on = $4, version = version + 1, updated_at = now()
         where id = $1 and version = $2 returning id`,
        [current.id, version, status, leftOn],
      );
      await assertVersionMatched(manager, result, 'coordinator', current.id, '协调员');
      await this.audit.record(
        user,
        {
          action: status === 'LEFT' ? 'COORDINATOR_DEACTIVATE' : 'COORDINATOR_REACTIVATE',
          objectType: 'coordinator',
          objectId: current.id,
          regionPath: current.regionPath,
          detail: { leftOn, reason, changes: changedFields({ status: current.status, leftOn: current.leftOn }, { status, leftOn }) },
        },
        manager,
      );
      const [updated] = await manager.query(`select ${COLUMNS} from coordinator c where c.id = $1`, [current.id]);
      return this.fromRow(updated);
    });
  }

  /** The unmasked ID number, for a user with the reveal permission; the caller audits it. */
  async idNumberOf(user: SessionUser, id: string): Promise<{ coordinator: CoordinatorEntity; idNumber: string }> {
    const coordinator = await this.require(user, id);
    const [row] = await this.dataSource.query(`select id_number_cipher, id_number_key_id from coordinator where id = $1`, [id]);
    return { coordinator, idNumber: this.vault.open(row.id_number_cipher, row.id_number_key_id) };
  }

  private async checkEnterprise(user: SessionUser, enterpriseId: string | null): Promise<string | null> {
    if (!enterpriseId) return null;
    const enterprise = await this.enterprises.findOne(user, enterpriseId);
    if (!enterprise) throw RegistryError.badInput('enterpriseId', `用人单位 ${enterpriseId} 不存在`);
    if (!enterprise.active) throw RegistryError.badInput('enterpriseId', `用人单位 ${enterprise.name} 已注销`);
    return enterprise.id;
  }

  private fromRow(row: Record<string, unknown>): CoordinatorEntity {
    return Object.assign(new CoordinatorEntity(), {
      id: String(row.id),
      name: row.name,
      gender: row.gender,
      birthDate: row.birth_date,
      idNumberMasked: row.id_number_masked,
      phone: row.phone,
      category: row.category,
      affiliation: row.affiliation,
      tripartiteOrGrassroots: row.tripartite_or_grassroots,
      enterpriseId: row.enterprise_id == null ? null : String(row.enterprise_id),
      unitName: row.unit_name,
      regionCode: row.region_code,
      regionPath: row.region_path,
      post: row.post,
      status: row.status,
      joinedOn: row.joined_on,
      leftOn: row.left_on,
      assignedOn: row.assigned_on,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
  }
}

function earliestStart(periods: { start: string }[]): string | null {
  return periods.reduce<string | null>((earliest, period) => (!earliest || period.start < earliest ? period.start : earliest), null);
}
