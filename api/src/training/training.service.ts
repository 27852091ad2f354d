import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareDates, isValidIsoDate, isWithinScope, todayIsoDate, validateCreditCode } from '@registry/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { isUniqueViolation } from '../common/database-errors';
import { assertVersionMatched } from '../common/optimistic-lock';
import { queryPage, resolvePage } from '../common/paging';
import { RegistryError } from '../common/registry-error';
import { scopeSql, type SessionUser } from '../common/session-user';
import { escapeLike, SqlConditions } from '../common/sql-conditions';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { RegionsService } from '../regions/regions.service';
import {
  EnrollParticipantsInput,
  TrainingProviderFilter,
  TrainingProviderInput,
  TrainingResultInput,
  TrainingSessionFilter,
  TrainingSessionInput,
  UpdateTrainingProviderInput,
  UpdateTrainingSessionInput,
} from './dto/training.input';
import { TrainingResult, type TrainingParticipationRecord, type TrainingProviderRecord, type TrainingSessionRecord } from './training.model';
import {
  isId,
  PARTICIPATION_COLUMNS,
  participationFromRow,
  PROVIDER_COLUMNS,
  providerFromRow,
  SESSION_COLUMNS,
  sessionFromRow,
} from './training-rows';

export const PROVIDER_LABEL = '培训机构';
export const SESSION_LABEL = '培训班次';
export const PARTICIPATION_LABEL = '参训记录';
const OCCUPATION = '劳动关系协调员';

type Page = { offset?: number | null; limit?: number | null };

@Injectable()
export class TrainingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  // ---- providers (培训机构)

  async providers(user: SessionUser, filter: TrainingProviderFilter = {}, page: Page = {}) {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    // without a region: the jurisdiction's own providers and those registered above it
    const sql = filter.regionCode
      ? new SqlConditions().add((p) => scopeSql('p.region_path', p), this.regions.filterPath(user, filter.regionCode))
      : new SqlConditions().add((p) => `(${scopeSql('p.region_path', p)} or (${p} >= p.region_path and ${p} < p.region_path || '~'))`, user.scopePath);
    if (filter.qualified != null) sql.add((p) => `p.qualified = ${p}`, filter.qualified);
    const search = filter.search?.trim();
    if (search) sql.add((p) => `(p.name like '%' || ${p} || '%' or p.credit_code like upper(${p}) || '%')`, escapeLike(search));
    const { total, rows } = await queryPage(
      this.dataSource,
      { columns: PROVIDER_COLUMNS, from: `from training_provider p where ${sql.where}`, orderBy: 'p.name asc, p.id asc', parameters: sql.parameters },
      { offset, limit },
    );
    return { total, offset, limit, items: rows.map(providerFromRow) };
  }

  async provider(user: SessionUser, id: string): Promise<TrainingProviderRecord | null> {
    if (!isId(id)) return null;
    const [row] = await this.dataSource.query(`select ${PROVIDER_COLUMNS} from training_provider p where p.id = $1`, [id]);
    return row && (isWithinScope(row.region_path, user.scopePath) || isWithinScope(user.scopePath, row.region_path)) ? providerFromRow(row) : null;
  }

  /** Providers by id without a scope check (a session's provider may be registered above the reader's office). */
  async providersByIds(ids: readonly string[]): Promise<TrainingProviderRecord[]> {
    const rows = await this.dataSource.query(`select ${PROVIDER_COLUMNS} from training_provider p where p.id = any($1::bigint[])`, [ids]);
    return rows.map(providerFromRow);
  }

  async createProvider(user: SessionUser, input: TrainingProviderInput): Promise<TrainingProviderRecord> {
    const fields = this.providerFields(user, input);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await this.uniqueCreditCode(fields.creditCode, () =>
        manager.query(
          `insert into training_provider (province_code, name, credit_code, qualified, qualification_note, region_code, region_path, active)
           values ($1, $2, $3, $4, $5, $6, $7, $8) returning id::text`,
          [fields.regionCode.slice(0, 2), fields.name, fields.creditCode, fields.qualified, fields.qualificationNote, fields.regionCode, fields.regionPath, fields.active],
        ),
      );
      await this.audit.record(user, { action: 'TRAINING_PROVIDER_CREATE', objectType: 'training_provider', objectId: row.id, regionPath: fields.regionPath, detail: { name: fields.name, creditCode: fields.creditCode } }, manager);
      return this.readProvider(manager, row.id);
    });
  }

  async updateProvider(user: SessionUser, input: UpdateTrainingProviderInput): Promise<TrainingProviderRecord> {
    const current = await this.provider(user, input.id);
    // one registered above the office is read-only to it
    if (!current || !isWithinScope(current.regionPath, user.scopePath)) throw RegistryError.notFound(PROVIDER_LABEL, input.id);
    const fields = this.providerFields(user, input);
    return this.dataSource.transaction(async (manager) => {
      const updated = await this.uniqueCreditCode(fields.creditCode, () =>
        manager.query(
          `update training_provider set name = $3, credit_code = $4, qualified = $5, qualification_note = $6, region_code = $7, region_path = $8,
             province_code = $9, active = $10, version = version + 1, updated_at = now()
           where id = $1 and version = $2 returning id`,
          [current.id, input.version, fields.name, fields.creditCode, fields.qualified, fields.qualificationNote, fields.regionCode, fields.regionPath, fields.regionCode.slice(0, 2), fields.active],
        ),
      );
      await assertVersionMatched(manager, updated, 'training_provider', current.id, PROVIDER_LABEL);
      const { regionPath: _after, ...after } = fields;
      await this.audit.record(
        user,
        { action: 'TRAINING_PROVIDER_UPDATE', objectType: 'training_provider', objectId: current.id, regionPath: fields.regionPath, detail: { changes: changedFields(current as never, after as never) } },
        manager,
      );
      return this.readProvider(manager, current.id);
    });
  }

  // ---- sessions (培训班次)

  async sessions(user: SessionUser, filter: TrainingSessionFilter = {}, page: Page = {}) {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const sql = new SqlConditions().add((p) => scopeSql('s.region_path', p), this.regions.filterPath(user, filter.regionCode));
    if (filter.providerId) sql.add((p) => `s.provider_id = ${p}`, isId(filter.providerId) ? filter.providerId : '0');
    if (filter.year) sql.add((p) => `s.starts_on >= make_date(${p}, 1, 1) and s.starts_on < make_date(${p} + 1, 1, 1)`, filter.year);
    const search = filter.search?.trim();
    if (search) sql.add((p) => `s.title like '%' || ${p} || '%'`, escapeLike(search));
    const { total, rows } = await queryPage(
      this.dataSource,
      { columns: SESSION_COLUMNS, from: `from training_session s where ${sql.where}`, orderBy: 's.starts_on desc, s.id desc', parameters: sql.parameters },
      { offset, limit },
    );
    return { total, offset, limit, items: rows.map(sessionFromRow) };
  }

  async session(user: SessionUser, id: string): Promise<TrainingSessionRecord | null> {
    if (!isId(id)) return null;
    const [row] = await this.dataSource.query(`select ${SESSION_COLUMNS} from training_session s where s.id = $1`, [id]);
    return row && isWithinScope(row.region_path, user.scopePath) ? sessionFromRow(row) : null;
  }

  async sessionsByIds(user: SessionUser, ids: readonly string[]): Promise<TrainingSessionRecord[]> {
    const rows = await this.dataSource.query(`select ${SESSION_COLUMNS} from training_session s where s.id = any($1::bigint[])`, [ids]);
    return rows.map(sessionFromRow).filter((row: TrainingSessionRecord) => isWithinScope(row.regionPath, user.scopePath));
  }

  async createSession(user: SessionUser, input: TrainingSessionInput): Promise<TrainingSessionRecord> {
    const fields = await this.sessionFields(user, input);
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `insert into training_session (province_code, provider_id, title, starts_on, ends_on, hours, mode, target_level, region_code, region_path)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id::text`,
        [fields.regionCode.slice(0, 2), fields.providerId, fields.title, fields.startsOn, fields.endsOn, fields.hours, fields.mode, fields.targetLevel, fields.regionCode, fields.regionPath],
      );
      await this.audit.record(user, { action: 'TRAINING_SESSION_CREATE', objectType: 'training_session', objectId: row.id, regionPath: fields.regionPath, detail: { title: fields.title } }, manager);
      return this.readSession(manager, row.id);
    });
  }

  async updateSession(user: SessionUser, input: UpdateTrainingSessionInput): Promise<TrainingSessionRecord> {
    const current = await this.session(user, input.id);
    if (!current) throw RegistryError.notFound(SESSION_LABEL, input.id);
    const fields = await this.sessionFields(user, input);
    return this.dataSource.transaction(async (manager) => {
      const updated = await manager.query(
        `update training_session set provider_id = $3, title = $4, starts_on = $5, ends_on = $6, hours = $7, mode = $8, target_level = $9,
           region_code = $10, region_path = $11, province_code = $12, version = version + 1, updated_at = now()
         where id = $1 and version = $2 returning id`,
        [current.id, input.version, fields.providerId, fields.title, fields.startsOn, fields.endsOn, fields.hours, fields.mode, fields.targetLevel, fields.regionCode, fields.regionPath, fields.regionCode.slice(0, 2)],
      );
      await assertVersionMatched(manager, updated, 'training_session', current.id, SESSION_LABEL);
      const { regionPath: _after, ...after } = fields;
      await this.audit.record(
        user,
        { action: 'TRAINING_SESSION_UPDATE', objectType: 'training_session', objectId: current.id, regionPath: fields.regionPath, detail: { changes: changedFields(current as never, after as never) } },
        manager,
      );
      return this.readSession(manager, current.id);
    });
  }

  // ---- participations and results

  async participantsOf(sessionIds: readonly string[]): Promise<TrainingParticipationRecord[]> {
    const rows = await this.dataSource.query(
      `select ${PARTICIPATION_COLUMNS} from training_participation t join coordinator c on c.id = t.coordinator_id
       where t.session_id = any($1::bigint[]) order by c.name, t.id`,
      [sessionIds],
    );
    return rows.map(participationFromRow);
  }

  async participationsOfCoordinators(coordinatorIds: readonly string[]): Promise<TrainingParticipationRecord[]> {
    const rows = await this.dataSource.query(
      `select ${PARTICIPATION_COLUMNS} from training_participation t where t.coordinator_id = any($1::bigint[]) order by t.completed_on desc nulls first, t.id desc`,
      [coordinatorIds],
    );
    return rows.map(participationFromRow);
  }

  async participationsByIds(ids: readonly string[]): Promise<TrainingParticipationRecord[]> {
    const rows = await this.dataSource.query(`select ${PARTICIPATION_COLUMNS} from training_participation t where t.id = any($1::bigint[])`, [ids]);
    return rows.map(participationFromRow);
  }

  async participation(user: SessionUser, id: string): Promise<TrainingParticipationRecord | null> {
    if (!isId(id)) return null;
    const [row] = await this.dataSource.query(`select ${PARTICIPATION_COLUMNS} from training_participation t where t.id = $1`, [id]);
    return row && isWithinScope(row.region_path, user.scopePath) ? participationFromRow(row) : null;
  }

  /** Enrols people of the jurisdiction in a session of the jurisdiction; people already enrolled stay as they are. */
  async enroll(user: SessionUser, input: EnrollParticipantsInput): Promise<TrainingParticipationRecord[]> {
    const session = await this.session(user, input.sessionId);
    if (!session) throw RegistryError.notFound(SESSION_LABEL, input.sessionId);
    const ids = [...new Set(input.coordinatorIds)];
    const bad = ids.find((id) => !isId(id));
    if (bad !== undefined) throw RegistryError.badInput('coordinatorIds', `协调员 ${bad} 不存在`);
    const people: { id: string; region_code: string; region_path: string }[] = await this.dataSource.query(
      `select id::text, region_code, region_path from coordinator where id = any($1::bigint[]) and ${scopeSql('region_path', '$2')}`,
      [ids, user.scopePath],
    );
    const missing = ids.find((id) => !people.some((person) => person.id === id));
    if (missing !== undefined) throw RegistryError.badInput('coordinatorIds', `协调员 ${missing} 不存在`);
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `insert into training_participation (province_code, session_id, coordinator_id, hours, region_code, region_path)
         select left(region_code, 2), $1, id, $2, region_code, region_path from unnest($3::bigint[], $4::varchar[], $5::varchar[]) as p(id, region_code, region_path)
         on conflict (province_code, session_id, coordinator_id) do nothing returning id::text`,
        [session.id, session.hours, people.map((p) => p.id), people.map((p) => p.region_code), people.map((p) => p.region_path)],
      );
      await this.audit.record(
        user,
        { action: 'TRAINING_ENROLL', objectType: 'training_session', objectId: session.id, regionPath: session.regionPath, detail: { coordinatorIds: people.map((p) => p.id), enrolled: inserted.length } },
        manager,
      );
      const rows = await manager.query(`select ${PARTICIPATION_COLUMNS} from training_participation t where t.session_id = $1 and t.coordinator_id = any($2::bigint[])`, [session.id, ids]);
      return rows.map(participationFromRow);
    });
  }

  /**
   * Records a result. A PASSED result with a level writes (or rewrites) the skill-level
   * certificate among the person's certificates, issued by the provider on the completion day.
   */
  async recordResult(user: SessionUser, input: TrainingResultInput): Promise<TrainingParticipationRecord> {
    const current = await this.participation(user, input.id);
    if (!current) throw RegistryError.notFound(PARTICIPATION_LABEL, input.id);
    const [session] = await this.dataSource.query(
      `select s.ends_on, s.starts_on, s.hours, p.name as provider from training_session s join training_provider p on p.id = s.provider_id where s.id = $1`,
      [current.sessionId],
    );
    const enrolled = input.result === TrainingResult.ENROLLED;
    const completedOn = enrolled ? null : (input.completedOn ?? session.ends_on);
    if (completedOn && !isValidIsoDate(completedOn)) throw RegistryError.badInput('completedOn', '日期无效');
    if (completedOn && compareDates(completedOn, session.starts_on) < 0) throw RegistryError.badInput('completedOn', '结业日期不能早于开班日期');
    if (completedOn && compareDates(completedOn, todayIsoDate()) > 0) throw RegistryError.badInput('completedOn', '结业日期不能晚于今天');
    const certified = input.result === TrainingResult.PASSED && input.certificateLevel != null;
    if (input.certificateLevel != null && input.result !== TrainingResult.PASSED) throw RegistryError.badInput('certificateLevel', '只有合格的参训人员才能取得等级证书');
    if (certified && !input.certificateNumber?.trim()) throw RegistryError.badInput('certificateNumber', '请填写证书编号');
    const hours = enrolled ? Number(session.hours) : (input.hours ?? Number(session.hours));
    return this.dataSource.transaction(async (manager) => {
      const [old] = await manager.query(`select certificate_id::text from training_participation where id = $1`, [current.id]);
      let certificateId: string | null = null;
      if (certified) {
        const [certificate] = await manager.query(
          `insert into certificate (coordinator_id, occupation, level, certificate_number, issuer, issued_on) values ($1, $2, $3, $4, $5, $6) returning id::text`,
          [current.coordinatorId, OCCUPATION, input.certificateLevel, input.certificateNumber!.trim(), session.provider, completedOn],
        );
        certificateId = certificate.id;
      }
      const updated = await manager.query(
        `update training_participation set result = $3, completed_on = $4, hours = $5, certificate_level = $6, certificate_number = $7,
           certificate_id = $8, version = version + 1
         where id = $1 and version = $2 returning id`,
        [current.id, input.version, input.result, completedOn, hours, certified ? input.certificateLevel : null, certified ? input.certificateNumber!.trim() : null, certificateId],
      );
      await assertVersionMatched(manager, updated, 'training_participation', current.id, PARTICIPATION_LABEL);
      if (old?.certificate_id) await manager.query(`delete from certificate where id = $1`, [old.certificate_id]);
      await this.audit.record(
        user,
        {
          action: 'TRAINING_RESULT',
          objectType: 'training_participation',
          objectId: current.id,
          regionPath: current.regionPath,
          detail: { coordinatorId: current.coordinatorId, result: input.result, certificateLevel: certified ? input.certificateLevel : null },
        },
        manager,
      );
      const [row] = await manager.query(`select ${PARTICIPATION_COLUMNS} from training_participation t where t.id = $1`, [current.id]);
      return participationFromRow(row);
    });
  }

  // ---- helpers

  private providerFields(user: SessionUser, input: TrainingProviderInput) {
    const name = input.name?.trim();
    if (!name) throw RegistryError.badInput('name', '名称不能为空');
    const check = validateCreditCode(input.creditCode ?? '');
    if (!check.valid) throw RegistryError.badInput('creditCode', check.reason);
    const region = this.regions.requireWritable(input.regionCode, user);
    return {
      name,
      creditCode: check.normalized,
      qualified: input.qualified,
      qualificationNote: input.qualificationNote?.trim() || null,
      regionCode: region.code,
      regionPath: region.path,
      active: input.active ?? true,
    };
  }

  private async sessionFields(user: SessionUser, input: TrainingSessionInput) {
    const title = input.title?.trim();
    if (!title) throw RegistryError.badInput('title', '名称不能为空');
    const region = this.regions.requireWritable(input.regionCode, user);
    if (!isId(input.providerId)) throw RegistryError.badInput('providerId', `培训机构 ${input.providerId} 不存在`);
    // a provider registered in the jurisdiction or above it (a provincial institution runs county sessions)
    const [provider] = await this.dataSource.query(`select region_path from training_provider where id = $1 and active`, [input.providerId]);
    if (!provider || !(isWithinScope(provider.region_path, user.scopePath) || isWithinScope(user.scopePath, provider.region_path))) {
      throw RegistryError.badInput('providerId', `培训机构 ${input.providerId} 不存在`);
    }
    if (!isValidIsoDate(input.startsOn)) throw RegistryError.badInput('startsOn', '日期无效');
    if (!isValidIsoDate(input.endsOn)) throw RegistryError.badInput('endsOn', '日期无效');
    if (compareDates(input.endsOn, input.startsOn) < 0) throw RegistryError.badInput('endsOn', '结束日期不能早于开始日期');
    return {
      providerId: input.providerId,
      title,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      hours: input.hours,
      mode: input.mode,
      targetLevel: input.targetLevel ?? null,
      regionCode: region.code,
      regionPath: region.path,
    };
  }

  private async uniqueCreditCode<T>(creditCode: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw RegistryError.badInput('creditCode', `统一社会信用代码 ${creditCode} 已登记为培训机构`);
      throw error;
    }
  }

  private async readProvider(manager: EntityManager, id: string) {
    const [row] = await manager.query(`select ${PROVIDER_COLUMNS} from training_provider p where p.id = $1`, [id]);
    return providerFromRow(row);
  }

  private async readSession(manager: EntityManager, id: string) {
    const [row] = await manager.query(`select ${SESSION_COLUMNS} from training_session s where s.id = $1`, [id]);
    return sessionFromRow(row);
  }
}
