import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  classifyEnterpriseSize,
  compareDates,
  industrySection,
  isWithinScope,
  isValidIsoDate,
  validateCreditCode, todayIsoDate } from '@registry/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { isUniqueViolation } from '../common/database-errors';
import { assertVersionMatched } from '../common/optimistic-lock';
import { queryPage, resolvePage } from '../common/paging';
import { columnsFor } from '../common/projection';
import { RegistryError } from '../common/registry-error';
import { scopeSql, type SessionUser } from '../common/session-user';
import { escapeLike, SqlConditions } from '../common/sql-conditions';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { RegionsService } from '../regions/regions.service';
import { EnterpriseFilter, EnterpriseOrder, EnterpriseSort } from './dto/enterprise-filter.input';
import { EnterpriseInput, IncidentInput, UpdateEnterpriseInput } from './dto/enterprise.input';
import type { SizeClass } from '../common/enums';
import { EnterpriseIncidentEntity } from './enterprise-incident.entity';
import { EnterpriseEntity } from './enterprise.entity';

const SORT_COLUMNS: Record<EnterpriseSort, string> = {
  [EnterpriseSort.NAME]: 'e.name',
  [EnterpriseSort.EMPLOYEES]: 'e.employees',
  [EnterpriseSort.REVENUE]: 'e.revenue',
  [EnterpriseSort.REGION]: 'e.region_path',
  [EnterpriseSort.NEWEST]: 'e.id',
};

// An enterprise "is covered" when at least one active coordinator works there.
export const COVERED_SQL = `exists (select 1 from coordinator c where c.enterprise_id = e.id and c.status = 'ACTIVE')`;

// Every column fromRow reads. A statement that joins an enterprise to other rows names them
// `enterprise__<column>` (joinedColumns), apart from the other rows' own; the names are built
// once, as a row read by names made on the fly is several times slower.
const ENTERPRISE_COLUMNS = [
  'id', 'credit_code', 'name', 'region_code', 'region_path', 'industry_code', 'industry_section', 'employees', 'revenue',
  'assets', 'public_owned', 'social_organization', 'derived_size_class', 'size_override', 'size_override_reason',
  'size_class', 'registered_on', 'active', 'figures_year', 'status_since', 'version', 'created_at', 'updated_at',
];
/** The columns each GraphQL field of an enterprise reads (projection.ts), for the employer joined to a coordinator list. */
const FIELD_COLUMNS: Record<string, readonly string[]> = {
  __typename: [], id: [], creditCode: ['credit_code'], name: ['name'], regionCode: ['region_code'], region: ['region_code'],
  industryCode: ['industry_code'], industryName: ['industry_code'], industrySection: ['industry_section'], employees: ['employees'],
  revenue: ['revenue'], assets: ['assets'], publicOwned: ['public_owned'], socialOrganization: ['social_organization'],
  sizeClass: ['size_class'], derivedSizeClass: ['derived_size_class'], sizeOverride: ['size_override'], sizeOverrideReason: ['size_override_reason'],
  registeredOn: ['registered_on'], active: ['active'], yearFigures: [], version: ['version'], createdAt: ['created_at'], updatedAt: ['updated_at'],
  incidents: [], coordinatorCount: [], covered: [],
};
const OWN_NAMES: Record<string, string> = Object.fromEntries(ENTERPRISE_COLUMNS.map((column) => [column, column]));
const JOINED_NAMES: Record<string, string> = Object.fromEntries(ENTERPRISE_COLUMNS.map((column) => [column, `enterprise__${column}`]));

type EnterpriseFields = Omit<EnterpriseInput, 'incidents' | 'registeredOn'>;

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  async list(
    user: SessionUser,
    filter: EnterpriseFilter = {},
    page: { offset?: number | null; limit?: number | null } = {},
    order?: EnterpriseOrder | null,
  ): Promise<{ total: number; offset: number; limit: number; items: EnterpriseEntity[] }> {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const { where, parameters } = this.filterSql(user, filter);
    const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
    const sort = SORT_COLUMNS[order?.field ?? EnterpriseSort.NAME];
    const { total, rows } = await queryPage(
      this.dataSource,
      { columns: 'e.*', from: `from enterprise e where ${where}`, orderBy: `${sort} ${direction}, e.id ${direction}`, parameters },
      { offset, limit },
    );
    return { total, offset, limit, items: rows.map((row) => this.fromRow(row)) };
  }

  /** WHERE clause of a filtered, scoped enterprise query (also used by exports and analytics drill-downs). */
  filterSql(user: SessionUser, filter: EnterpriseFilter): { where: string; parameters: unknown[] } {
    const sql = new SqlConditions().add((p) => scopeSql('e.region_path', p), this.regions.filterPath(user, filter.regionCode));
    if (filter.active !== null) sql.add((p) => `e.active = ${p}`, filter.active ?? true);
    if (filter.sizeClasses?.length) sql.add((p) => `e.size_class = any(${p}::varchar[])`, filter.sizeClasses);
    if (filter.industrySection) sql.add((p) => `e.industry_section = ${p}`, filter.industrySection.toUpperCase());
    if (filter.publicOwned != null) sql.add((p) => `e.public_owned = ${p}`, filter.publicOwned);
    if (filter.socialOrganization != null) sql.add((p) => `e.social_organization = ${p}`, filter.socialOrganization);
    if (filter.covered != null) sql.addSql(filter.covered ? COVERED_SQL : `not ${COVERED_SQL}`);
    const search = filter.search?.trim();
    if (search) sql.add((p) => `(e.name like '%' || ${p} || '%' or e.credit_code like upper(${p}) || '%')`, escapeLike(search));
    return { where: sql.where, parameters: sql.parameters };
  }

  async findOne(user: SessionUser, id: string): Promise<EnterpriseEntity | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const enterprise = await this.dataSource.getRepository(EnterpriseEntity).findOneBy({ id });
    // outside the jurisdiction answers like a missing row
    return enterprise && isWithinScope(enterprise.regionPath, user.scopePath) ? enterprise : null;
  }

  async require(user: SessionUser, id: string): Promise<EnterpriseEntity> {
    const enterprise = await this.findOne(user, id);
    if (!enterprise) throw RegistryError.notFound('用人单位', id);
    return enterprise;
  }

  async create(user: SessionUser, input: EnterpriseInput): Promise<EnterpriseEntity> {
    const check = validateCreditCode(input.creditCode ?? '');
    if (!check.valid) throw RegistryError.badInput('creditCode', check.reason);
    const region = this.regions.requireWritable(input.regionCode, user);
    const fields = this.validatedFields(input);
    this.validateIncidents(input.incidents ?? []);
    if (input.registeredOn && !isValidIsoDate(input.registeredOn)) throw RegistryError.badInput('registeredOn', '日期无效');

    return this.dataSource.transaction(async (manager) => {
      const taken = await manager.query(`select id, region_path from enterprise where credit_code = $1`, [check.normalized]);
      if (taken.length > 0) throw RegistryError.badInput('creditCode', `统一社会信用代码 ${check.normalized} 已登记`);
      const repository = manager.getRepository(EnterpriseEntity);
      let saved: EnterpriseEntity;
      try {
        saved = await repository.save(
          repository.create({
            ...fields,
            creditCode: check.normalized,
            regionCode: region.code,
            regionPath: region.path,
            registeredOn: input.registeredOn ?? todayIsoDate(),
            active: true,
            version: 1,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw RegistryError.badInput('creditCode', `统一社会信用代码 ${check.normalized} 已登记`);
        throw error;
      }
      await this.replaceIncidents(manager, saved.id, input.incidents ?? []);
      await this.audit.record(
        user,
        { action: 'ENTERPRISE_CREATE', objectType: 'enterprise', objectId: saved.id, regionPath: region.path, detail: { creditCode: saved.creditCode, name: saved.name } },
        manager,
      );
      return (await manager.getRepository(EnterpriseEntity).findOneByOrFail({ id: saved.id }));
    });
  }

  async update(user: SessionUser, input: UpdateEnterpriseInput): Promise<EnterpriseEntity> {
    const current = await this.require(user, input.id);
    const region = input.regionCode ? this.regions.requireWritable(input.regionCode, user) : null;
    const figuresGiven = [input.employees, input.revenue, input.assets, input.sizeOverride, input.sizeOverrideReason, input.clearSizeOverride].some(
      (value) => value !== undefined,
    );
    const figuresYear = this.checkFiguresYear(input.figuresYear, current);
    // figures of a year before the current figures' go to that year only; the row keeps the latest
    const pastYear = figuresGiven && figuresYear < current.figuresYear;
    const base = pastYear ? await this.figuresOf(current.id, figuresYear) : current;
    const merged: EnterpriseInput = {
      creditCode: current.creditCode,
      name: input.name ?? current.name,
      regionCode: region?.code ?? current.regionCode,
      industryCode: input.industryCode ?? current.industryCode,
      employees: input.employees ?? base.employees,
      revenue: input.revenue ?? base.revenue,
      assets: input.assets !== undefined ? input.assets : base.assets,
      publicOwned: input.publicOwned ?? current.publicOwned,
      socialOrganization: input.socialOrganization ?? current.socialOrganization,
      sizeOverride: input.clearSizeOverride ? null : (input.sizeOverride ?? (base.sizeOverride as EnterpriseInput['sizeOverride'])),
      sizeOverrideReason: input.clearSizeOverride ? null : (input.sizeOverrideReason ?? base.sizeOverrideReason),
    };
    const yearFields = this.validatedFields(merged);
    const fields = pastYear
      ? this.validatedFields({
          ...merged,
          employees: current.employees,
          revenue: current.revenue,
          assets: current.assets,
          sizeOverride: current.sizeOverride as EnterpriseInput['sizeOverride'],
          sizeOverrideReason: current.sizeOverrideReason,
        })
      : yearFields;
    const rowFiguresYear = figuresGiven && !pastYear ? figuresYear : current.figuresYear;
    if (input.incidents) this.validateIncidents(input.incidents);

    return this.dataSource.transaction(async (manager) => {
      // the figures' year is the one given here (see migration EffectiveDatedRegistry)
      await manager.query(`select set_config('registry.history_stated', 'on', true)`);
      const after = { ...fields, regionCode: region?.code ?? current.regionCode, regionPath: region?.path ?? current.regionPath };
      // Optimistic lock: the row changes only if nobody saved since the version the user read.
      const updated = await manager.query(
        `update enterprise set name = $3, region_code = $4, region_path = $5, industry_code = $6, industry_section = $7,
           employees = $8, revenue = $9, assets = $10, public_owned = $11, social_organization = $12,
           derived_size_class = $13, size_override = $14, size_override_reason = $15, figures_year = $16,
           version = version + 1, updated_at = now()
         where id = $1 and version = $2 returning id`,
        [
          current.id, input.version, after.name, after.regionCode, after.regionPath, after.industryCode, after.industrySection,
          after.employees, after.revenue, after.assets, after.publicOwned, after.socialOrganization,
          after.derivedSizeClass, after.sizeOverride, after.sizeOverrideReason, rowFiguresYear,
        ],
      );
      await assertVersionMatched(manager, updated, 'enterprise', current.id, '用人单位');
      if (pastYear) await this.saveYearFigures(manager, current, figuresYear, yearFields);
      if (input.incidents) await this.replaceIncidents(manager, current.id, input.incidents);
      const before = { ...current } as unknown as Record<string, unknown>;
      await this.audit.record(
        user,
        {
          action: 'ENTERPRISE_UPDATE',
          objectType: 'enterprise',
          objectId: current.id,
          regionPath: after.regionPath,
          detail: {
            changes: changedFields(pastYear ? { ...before, ...base } : before, pastYear ? { ...after, ...yearFields } : (after as unknown as Record<string, unknown>)),
            incidentsReplaced: !!input.incidents,
            ...(figuresGiven ? { figuresYear } : {}),
          },
        },
        manager,
      );
      return manager.getRepository(EnterpriseEntity).findOneByOrFail({ id: current.id });
    });
  }

  async setActive(user: SessionUser, id: string, version: number, active: boolean, on?: string | null): Promise<EnterpriseEntity> {
    const current = await this.require(user, id);
    const since = on ?? todayIsoDate();
    if (!isValidIsoDate(since)) throw RegistryError.badInput('on', '日期无效');
    if (compareDates(since, todayIsoDate()) > 0) throw RegistryError.badInput('on', '日期不能晚于今天');
    if (compareDates(since, current.statusSince) < 0) {
      throw RegistryError.badInput('on', `日期早于${current.active ? '本次登记或恢复' : '注销'}日期 ${current.statusSince}`);
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`select set_config('registry.history_stated', 'on', true)`);
      const updated = await manager.query(
        `update enterprise set active = $3, status_since = case when active = $3 then status_since else $4::date end,
           version = version + 1, updated_at = now() where id = $1 and version = $2 returning id`,
        [id, version, active, since],
      );
      await assertVersionMatched(manager, updated, 'enterprise', id, '用人单位');
      await this.audit.record(
        user,
        { action: active ? 'ENTERPRISE_REACTIVATE' : 'ENTERPRISE_DEACTIVATE', objectType: 'enterprise', objectId: id, regionPath: current.regionPath, detail: { on: since } },
        manager,
      );
      return manager.getRepository(EnterpriseEntity).findOneByOrFail({ id });
    });
  }

  /** A year for figures: from the registration year to the current year. */
  private checkFiguresYear(given: number | null | undefined, current: EnterpriseEntity): number {
    const latest = Number(todayIsoDate().slice(0, 4));
    if (given == null) return latest;
    const registered = Number(current.registeredOn.slice(0, 4));
    if (!Number.isInteger(given) || given > latest || given < registered) {
      throw RegistryError.badInput('figuresYear', `统计年度须在登记年度 ${registered} 至 ${latest} 年之间`);
    }
    return given;
  }

  /** The figures that held in a year: that year's, else the latest earlier year's, else the first. */
  private async figuresOf(enterpriseId: string, year: number) {
    const [row] = await this.dataSource.query(
      `select employees, revenue, assets, size_override, size_override_reason from enterprise_year_figures where enterprise_id = $1
       order by year <= $2 desc, case when year <= $2 then -year else year end limit 1`,
      [enterpriseId, year],
    );
    return {
      employees: row.employees as number,
      revenue: Number(row.revenue),
      assets: row.assets == null ? null : Number(row.assets),
      sizeOverride: row.size_override as EnterpriseEntity['sizeOverride'],
      sizeOverrideReason: row.size_override_reason as string | null,
    };
  }

  private async saveYearFigures(manager: EntityManager, enterprise: EnterpriseEntity, year: number, fields: ReturnType<EnterprisesService['validatedFields']>) {
    await manager.query(
      `insert into enterprise_year_figures (enterprise_id, year, province_code, employees, revenue, assets, derived_size_class, size_override,
         size_override_reason, size_class)
       values ($1, $2, left($3, 2), $4, $5, $6, $7::varchar, $8::varchar, $9, coalesce($8::varchar, $7::varchar))
       on conflict (enterprise_id, year) do update set employees = excluded.employees, revenue = excluded.revenue, assets = excluded.assets,
         derived_size_class = excluded.derived_size_class, size_override = excluded.size_override,
         size_override_reason = excluded.size_override_reason, size_class = excluded.size_class`,
      [enterprise.id, year, enterprise.regionCode, fields.employees, fields.revenue, fields.assets, fields.derivedSizeClass, fields.sizeOverride, fields.sizeOverrideReason],
    );
  }

  /** Every year's figures of enterprises, oldest first (for the `yearFigures` field). */
  async yearFiguresFor(enterpriseIds: readonly string[]) {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `select enterprise_id, year, employees, revenue, assets, derived_size_class, size_override, size_override_reason, size_class
       from enterprise_year_figures where enterprise_id = any($1::bigint[]) order by enterprise_id, year`,
      [enterpriseIds],
    );
    return rows.map((row) => ({
      enterpriseId: String(row.enterprise_id),
      year: row.year as number,
      employees: row.employees as number,
      revenue: Number(row.revenue),
      assets: row.assets == null ? null : Number(row.assets),
      derivedSizeClass: row.derived_size_class as SizeClass,
      sizeOverride: row.size_override as SizeClass | null,
      sizeOverrideReason: row.size_override_reason as string | null,
      sizeClass: row.size_class as SizeClass,
    }));
  }

  async incidentsFor(enterpriseIds: readonly string[]): Promise<EnterpriseIncidentEntity[]> {
    return this.dataSource
      .getRepository(EnterpriseIncidentEntity)
      .createQueryBuilder('i')
      .where('i.enterprise_id = any(:ids)', { ids: enterpriseIds })
      .orderBy('i.occurred_on', 'DESC')
      .getMany();
  }

  /** Active coordinators per enterprise, for the `coordinatorCount` field. */
  async activeCoordinatorCounts(enterpriseIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { enterprise_id: string; count: number }[] = await this.dataSource.query(
      `select enterprise_id, count(*)::int as count from coordinator
       where enterprise_id = any($1::bigint[]) and status = 'ACTIVE' group by enterprise_id`,
      [enterpriseIds],
    );
    return new Map(rows.map((row) => [String(row.enterprise_id), row.count]));
  }

  async findMany(ids: readonly string[]): Promise<EnterpriseEntity[]> {
    const rows = await this.dataSource.query(`select * from enterprise where id = any($1::bigint[])`, [ids]);
    return rows.map((row: Record<string, unknown>) => this.fromRow(row));
  }

  /** The select list of a joined `enterprise <alias>`. */
  joinedColumns(alias: string, fields: Set<string> | null = null): string {
    return columnsFor(fields, FIELD_COLUMNS, ENTERPRISE_COLUMNS, ['id'])
      .map((column) => `${alias}.${column} as ${JOINED_NAMES[column]}`)
      .join(', ');
  }

  /** The enterprise joinedColumns() selected, or null when the (left) join found none. */
  fromJoinedRow(row: Record<string, unknown>): EnterpriseEntity | null {
    return row[JOINED_NAMES.id] === null ? null : this.fromRow(row, JOINED_NAMES);
  }

  private validatedFields(input: EnterpriseFields) {
    const name = input.name?.trim();
    if (!name) throw RegistryError.badInput('name', '单位名称不能为空');
    const industry = industrySection(input.industryCode ?? '');
    if (!industry) throw RegistryError.badInput('industryCode', `行业代码 ${input.industryCode} 不是有效的 GB/T 4754-2017 代码`);
    if (!Number.isInteger(input.employees) || input.employees < 0) throw RegistryError.badInput('employees', '从业人员数应为非负整数');
    if (!(input.revenue >= 0)) throw RegistryError.badInput('revenue', '营业收入不能为负数');
    if (input.assets != null && !(input.assets >= 0)) throw RegistryError.badInput('assets', '资产总额不能为负数');
    if (input.sizeOverride && !input.sizeOverrideReason?.trim()) {
      throw RegistryError.badInput('sizeOverrideReason', '调整企业规模时必须填写理由');
    }
    const size = classifyEnterpriseSize({
      industryCode: input.industryCode,
      employees: input.employees,
      revenue: input.revenue,
      assets: input.assets ?? null,
    });
    return {
      name,
      industryCode: input.industryCode.trim().toUpperCase(),
      industrySection: industry.section,
      employees: input.employees,
      revenue: input.revenue,
      assets: input.assets ?? null,
      publicOwned: input.publicOwned,
      socialOrganization: input.socialOrganization ?? false,
      derivedSizeClass: size.sizeClass,
      sizeOverride: input.sizeOverride ?? null,
      sizeOverrideReason: input.sizeOverride ? input.sizeOverrideReason!.trim() : null,
    };
  }

  private validateIncidents(incidents: IncidentInput[]): void {
    const today = todayIsoDate();
    incidents.forEach((incident, index) => {
      if (!incident.kind?.trim()) throw RegistryError.badInput(`incidents[${index}].kind`, '事件类型不能为空');
      if (compareDates(incident.occurredOn, today) > 0) throw RegistryError.badInput(`incidents[${index}].occurredOn`, '发生日期不能晚于今天');
    });
  }

  private async replaceIncidents(manager: EntityManager, enterpriseId: string, incidents: IncidentInput[]): Promise<void> {
    await manager.query(`delete from enterprise_incident where enterprise_id = $1`, [enterpriseId]);
    if (incidents.length === 0) return;
    await manager.query(
      `insert into enterprise_incident (enterprise_id, kind, occurred_on, description)
       select $1, * from unnest($2::varchar[], $3::date[], $4::varchar[])`,
      [enterpriseId, incidents.map((i) => i.kind.trim()), incidents.map((i) => i.occurredOn), incidents.map((i) => i.description ?? null)],
    );
  }

  private fromRow(row: Record<string, unknown>, names = OWN_NAMES): EnterpriseEntity {
    const column = (name: string) => row[names[name]];
    return Object.assign(new EnterpriseEntity(), {
      id: String(column('id')),
      creditCode: column('credit_code') as string,
      name: column('name') as string,
      regionCode: column('region_code') as string,
      regionPath: column('region_path') as string,
      industryCode: column('industry_code') as string,
      industrySection: column('industry_section') as string,
      employees: column('employees') as number,
      revenue: Number(column('revenue')),
      assets: column('assets') == null ? null : Number(column('assets')),
      publicOwned: column('public_owned') as boolean,
      socialOrganization: column('social_organization') as boolean,
      derivedSizeClass: column('derived_size_class') as EnterpriseEntity['sizeClass'],
      sizeOverride: column('size_override') as EnterpriseEntity['sizeOverride'],
      sizeOverrideReason: column('size_override_reason') as string | null,
      sizeClass: column('size_class') as EnterpriseEntity['sizeClass'],
      registeredOn: column('registered_on') as string,
      active: column('active') as boolean,
      figuresYear: column('figures_year') as number,
      statusSince: column('status_since') as string,
      version: column('version') as number,
      createdAt: column('created_at') as Date,
      updatedAt: column('updated_at') as Date,
    });
  }
}
