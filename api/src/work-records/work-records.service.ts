import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaYear, isWithinScope, todayIsoDate } from '@registry/domain';
import { DataSource } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { assertVersionMatched } from '../common/optimistic-lock';
import { queryPage, resolvePage } from '../common/paging';
import { RegistryError } from '../common/registry-error';
import { scopeSql, type SessionUser } from '../common/session-user';
import { escapeLike, SqlConditions } from '../common/sql-conditions';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import type { WorkRecordModel } from '../coordinators/coordinator.model';
import { CoordinatorsService } from '../coordinators/coordinators.service';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { RegionsService } from '../regions/regions.service';
import { CreateWorkRecordInput, UpdateWorkRecordInput, WorkRecordFilter, WorkRecordSort } from './dto/work-record.input';
import { validateWorkRecord } from './work-record-rules';

export const WORK_RECORD_LABEL = '工作记录';

export const WORK_RECORD_COLUMNS = `w.id::text as id, w.coordinator_id::text as coordinator_id, w.kind, w.count, w.recorded_on::text as recorded_on,
  w.date_precision, w.enterprise_id::text as enterprise_id, w.outcome, w.description, w.region_code, w.region_path,
  w.recorded_by::text as recorded_by, w.version, w.created_at, w.updated_at`;

export type WorkRecordRow = WorkRecordModel & { regionPath: string };

export function workRecordFromRow(row: Record<string, any>): WorkRecordRow {
  return {
    id: row.id,
    coordinatorId: row.coordinator_id,
    kind: row.kind,
    count: row.count,
    recordedOn: row.recorded_on,
    precision: row.date_precision,
    enterpriseId: row.enterprise_id,
    outcome: row.outcome,
    description: row.description,
    regionCode: row.region_code,
    regionPath: row.region_path,
    recordedBy: row.recorded_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const ORDER: Record<WorkRecordSort, string> = {
  RECORDED_ON_DESC: 'w.recorded_on desc, w.id desc',
  RECORDED_ON_ASC: 'w.recorded_on asc, w.id asc',
  COUNT_DESC: 'w.count desc, w.id desc',
  COORDINATOR_NAME: 'c.name asc nulls last, w.id asc',
};

const isId = (value: unknown): value is string => typeof value === 'string' && /^\d{1,18}$/.test(value);

/** The date a year is counted at (ADR 0800): 31 December, today for the current year. */
export function yearDate(year: number): string {
  return year === chinaYear() ? todayIsoDate() : `${year}-12-31`;
}

export function checkYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < 2000 || year > chinaYear()) throw RegistryError.badInput(field, `年份应为 2000–${chinaYear()}`);
}

// 六(三) 工作情况: dated work records, entered by the office of the coordinator (whose region
// scopes the writes) and counted where the coordinator was on the record's date (the trigger of
// migration WorkRecords). docs/decisions/0910-work-records.md.
@Injectable()
export class WorkRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly coordinators: CoordinatorsService,
    private readonly enterprises: EnterprisesService,
    private readonly audit: AuditService,
  ) {}

  /** Within the scope: counted in it, or of a coordinator in it now. */
  private scopeCondition(sql: SqlConditions, user: SessionUser): void {
    sql.add((p) => `(${scopeSql('w.region_path', p)} or exists (select 1 from coordinator s where s.id = w.coordinator_id and ${scopeSql('s.region_path', p)}))`, user.scopePath);
  }

  /** The filter as SQL over `work_record w` (left joined `coordinator c`, `enterprise e`); shared by the list and its export. */
  filterSql(user: SessionUser, filter: WorkRecordFilter = {}): { where: string; parameters: unknown[] } {
    const sql = new SqlConditions();
    this.scopeCondition(sql, user);
    if (filter.year != null) {
      checkYear(filter.year);
      const asOf = yearDate(filter.year);
      if (filter.regionCode) {
        const region = this.regions.requireReadable(filter.regionCode, user);
        sql.add((p) => `w.region_code = any(${p}::varchar[])`, this.regions.codesWithinOn(region.code, asOf));
      }
      sql.add((p) => `w.recorded_on >= make_date(${p}, 1, 1)`, filter.year);
      sql.add((p) => `w.recorded_on <= ${p}::date`, asOf);
    } else if (filter.regionCode) {
      sql.add((p) => scopeSql('w.region_path', p), this.regions.requireReadable(filter.regionCode, user).path);
    }
    if (filter.kinds?.length) sql.add((p) => `w.kind = any(${p}::varchar[])`, filter.kinds);
    if (filter.outcome) sql.add((p) => `w.outcome = ${p}`, filter.outcome);
    if (filter.coordinatorId) sql.add((p) => `w.coordinator_id = ${p}`, isId(filter.coordinatorId) ? filter.coordinatorId : '0');
    if (filter.enterpriseId) sql.add((p) => `w.enterprise_id = ${p}`, isId(filter.enterpriseId) ? filter.enterpriseId : '0');
    const search = filter.search?.trim();
    if (search) sql.add((p) => `(c.name like '%' || ${p} || '%' or e.name like '%' || ${p} || '%' or w.description like '%' || ${p} || '%')`, escapeLike(search));
    return { where: sql.where, parameters: sql.parameters };
  }

  async list(user: SessionUser, filter: WorkRecordFilter = {}, page: { offset?: number | null; limit?: number | null } = {}) {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const { where, parameters } = this.filterSql(user, filter);
    const { total, rows } = await queryPage(
      this.dataSource,
      {
        columns: `${WORK_RECORD_COLUMNS}, c.name as coordinator_name`,
        from: `from work_record w left join coordinator c on c.id = w.coordinator_id left join enterprise e on e.id = w.enterprise_id where ${where}`,
        orderBy: ORDER[filter.sort ?? WorkRecordSort.RECORDED_ON_DESC],
        parameters,
      },
      { offset, limit },
    );
    return { total, offset, limit, items: rows.map(workRecordFromRow) };
  }

  async findOne(user: SessionUser, id: string): Promise<WorkRecordRow | null> {
    if (!isId(id)) return null;
    const sql = new SqlConditions().add((p) => `w.id = ${p}`, id);
    this.scopeCondition(sql, user);
    const [row] = await this.dataSource.query(`select ${WORK_RECORD_COLUMNS} from work_record w where ${sql.where}`, sql.parameters);
    return row ? workRecordFromRow(row) : null;
  }

  /** A record the user may change: one of a coordinator in the jurisdiction now. */
  private async requireWritable(user: SessionUser, id: string): Promise<WorkRecordRow> {
    const record = await this.findOne(user, id);
    if (!record || !(await this.coordinators.findOne(user, record.coordinatorId))) throw RegistryError.notFound(WORK_RECORD_LABEL, id);
    return record;
  }

  private async checkedFields(user: SessionUser, input: CreateWorkRecordInput | UpdateWorkRecordInput) {
    const recordedOn = validateWorkRecord(input);
    let enterpriseId: string | null = null;
    if (input.enterpriseId) {
      const enterprise = await this.enterprises.findOne(user, input.enterpriseId);
      if (!enterprise) throw RegistryError.badInput('enterpriseId', `用人单位 ${input.enterpriseId} 不存在`);
      enterpriseId = enterprise.id;
    }
    const description = input.description?.trim() || null;
    return { kind: input.kind, count: input.count ?? 1, recordedOn, precision: input.precision ?? 'DAY', enterpriseId, outcome: input.outcome ?? null, description };
  }

  async create(user: SessionUser, input: CreateWorkRecordInput): Promise<WorkRecordRow> {
    const coordinator = await this.coordinators.findOne(user, input.coordinatorId);
    if (!coordinator) throw RegistryError.badInput('coordinatorId', `协调员 ${input.coordinatorId} 不存在`);
    const fields = await this.checkedFields(user, input);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `insert into work_record (coordinator_id, kind, count, recorded_on, date_precision, enterprise_id, outcome, description, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${WORK_RECORD_COLUMNS.replace(/\bw\./g, '')}`,
        [coordinator.id, fields.kind, fields.count, fields.recordedOn, fields.precision, fields.enterpriseId, fields.outcome, fields.description, user.id],
      );
      const record = workRecordFromRow(row);
      await this.audit.record(
        user,
        {
          action: 'WORK_RECORD_CREATE',
          objectType: 'work_record',
          objectId: record.id,
          regionPath: record.regionPath,
          detail: { coordinatorId: coordinator.id, name: coordinator.name, kind: fields.kind, count: fields.count, recordedOn: fields.recordedOn },
        },
        manager,
      );
      return record;
    });
  }

  async update(user: SessionUser, input: UpdateWorkRecordInput): Promise<WorkRecordRow> {
    const current = await this.requireWritable(user, input.id);
    const fields = await this.checkedFields(user, input);
    return this.dataSource.transaction(async (manager) => {
      const updated = await manager.query(
        `update work_record set kind = $3, count = $4, recorded_on = $5, date_precision = $6, enterprise_id = $7, outcome = $8, description = $9,
           version = version + 1, updated_at = now()
         where id = $1 and version = $2 returning id`,
        [current.id, input.version, fields.kind, fields.count, fields.recordedOn, fields.precision, fields.enterpriseId, fields.outcome, fields.description],
      );
      await assertVersionMatched(manager, updated, 'work_record', current.id, WORK_RECORD_LABEL);
      const [row] = await manager.query(`select ${WORK_RECORD_COLUMNS} from work_record w where w.id = $1`, [current.id]);
      const record = workRecordFromRow(row);
      const before = { kind: current.kind, count: current.count, recordedOn: current.recordedOn, precision: current.precision, enterpriseId: current.enterpriseId, outcome: current.outcome, description: current.description };
      await this.audit.record(
        user,
        { action: 'WORK_RECORD_UPDATE', objectType: 'work_record', objectId: current.id, regionPath: record.regionPath, detail: { changes: changedFields(before as never, fields as never) } },
        manager,
      );
      return record;
    });
  }

  async remove(user: SessionUser, id: string, version: number): Promise<string> {
    const current = await this.requireWritable(user, id);
    return this.dataSource.transaction(async (manager) => {
      const deleted = await manager.query(`delete from work_record where id = $1 and version = $2 returning id`, [current.id, version]);
      await assertVersionMatched(manager, deleted, 'work_record', current.id, WORK_RECORD_LABEL);
      await this.audit.record(
        user,
        {
          action: 'WORK_RECORD_DELETE',
          objectType: 'work_record',
          objectId: current.id,
          regionPath: current.regionPath,
          detail: { coordinatorId: current.coordinatorId, kind: current.kind, count: current.count, recordedOn: current.recordedOn },
        },
        manager,
      );
      return current.id;
    });
  }

  /** Display names of the accounts that recorded (batched); only accounts within the scope or above it are named. */
  async recorderNames(user: SessionUser, ids: readonly string[]): Promise<Map<string, string>> {
    const rows: { id: string; display_name: string; region_path: string }[] = await this.dataSource.query(
      `select id::text, display_name, region_path from app_user where id = any($1::bigint[])`,
      [ids],
    );
    return new Map(rows.filter((row) => isWithinScope(row.region_path, user.scopePath) || isWithinScope(user.scopePath, row.region_path)).map((row) => [row.id, row.display_name]));
  }
}
