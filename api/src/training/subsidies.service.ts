import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareDates, isValidIsoDate, isWithinScope, todayIsoDate } from '@registry/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../common/database-errors';
import { assertVersionMatched } from '../common/optimistic-lock';
import { queryPage, resolvePage } from '../common/paging';
import { RegistryError } from '../common/registry-error';
import { scopeSql, type SessionUser } from '../common/session-user';
import { SqlConditions } from '../common/sql-conditions';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { RegionsService } from '../regions/regions.service';
import { SubsidyClaimFilter, SubsidyClaimInput, SubsidyDecisionInput } from './dto/training.input';
import { SubsidyClaimState, type SubsidyClaimRecord } from './training.model';
import { CLAIM_COLUMNS, claimFromRow, isId } from './training-rows';

export const CLAIM_LABEL = '补贴申请';

// 五(二)(三): 职业培训补贴, 生活费补贴 and 技能提升补贴 as claims: applied, then granted or refused
// (with a reason), each step versioned and audited. A claim belongs to the person's region.
@Injectable()
export class SubsidiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  async list(user: SessionUser, filter: SubsidyClaimFilter = {}, page: { offset?: number | null; limit?: number | null } = {}) {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const sql = new SqlConditions().add((p) => scopeSql('k.region_path', p), this.regions.filterPath(user, filter.regionCode));
    if (filter.kind) sql.add((p) => `k.kind = ${p}`, filter.kind);
    if (filter.state) sql.add((p) => `k.state = ${p}`, filter.state);
    if (filter.year) sql.add((p) => `k.applied_on >= make_date(${p}, 1, 1) and k.applied_on < make_date(${p} + 1, 1, 1)`, filter.year);
    if (filter.coordinatorId) sql.add((p) => `k.coordinator_id = ${p}`, isId(filter.coordinatorId) ? filter.coordinatorId : '0');
    const { total, rows } = await queryPage(
      this.dataSource,
      { columns: CLAIM_COLUMNS, from: `from subsidy_claim k where ${sql.where}`, orderBy: 'k.applied_on desc, k.id desc', parameters: sql.parameters },
      { offset, limit },
    );
    return { total, offset, limit, items: rows.map(claimFromRow) };
  }

  async findOne(user: SessionUser, id: string): Promise<SubsidyClaimRecord | null> {
    if (!isId(id)) return null;
    const [row] = await this.dataSource.query(`select ${CLAIM_COLUMNS} from subsidy_claim k where k.id = $1`, [id]);
    return row && isWithinScope(row.region_path, user.scopePath) ? claimFromRow(row) : null;
  }

  async apply(user: SessionUser, input: SubsidyClaimInput): Promise<SubsidyClaimRecord> {
    if (!isValidIsoDate(input.appliedOn)) throw RegistryError.badInput('appliedOn', '日期无效');
    if (compareDates(input.appliedOn, todayIsoDate()) > 0) throw RegistryError.badInput('appliedOn', '申请日期不能晚于今天');
    const [person] = isId(input.coordinatorId)
      ? await this.dataSource.query(`select id::text, region_code, region_path from coordinator where id = $1 and ${scopeSql('region_path', '$2')}`, [input.coordinatorId, user.scopePath])
      : [];
    if (!person) throw RegistryError.badInput('coordinatorId', `协调员 ${input.coordinatorId} 不存在`);
    let participationId: string | null = null;
    if (input.participationId) {
      const [participation] = isId(input.participationId)
        ? await this.dataSource.query(`select id::text, coordinator_id::text, result from training_participation where id = $1`, [input.participationId])
        : [];
      if (!participation || participation.coordinator_id !== person.id) throw RegistryError.badInput('participationId', `参训记录 ${input.participationId} 不存在`);
      // 五(二): the training subsidy is for a training passed
      if (input.kind !== 'SKILL_UPGRADE' && participation.result !== 'PASSED' && participation.result !== 'ATTENDED') {
        throw RegistryError.badInput('participationId', '培训尚未合格，不能申请培训补贴');
      }
      participationId = participation.id;
    }
    return this.dataSource.transaction(async (manager) => {
      let row: { id: string };
      try {
        [row] = await manager.query(
          `insert into subsidy_claim (province_code, coordinator_id, participation_id, kind, amount, applied_on, region_code, region_path)
           values ($1, $2, $3, $4, $5, $6, $7, $8) returning id::text`,
          [person.region_code.slice(0, 2), person.id, participationId, input.kind, input.amount, input.appliedOn, person.region_code, person.region_path],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw RegistryError.badInput('kind', '这次培训已申请过该项补贴');
        throw error;
      }
      await this.audit.record(
        user,
        { action: 'SUBSIDY_APPLY', objectType: 'subsidy_claim', objectId: row.id, regionPath: person.region_path, detail: { coordinatorId: person.id, kind: input.kind, amount: input.amount } },
        manager,
      );
      const [saved] = await manager.query(`select ${CLAIM_COLUMNS} from subsidy_claim k where k.id = $1`, [row.id]);
      return claimFromRow(saved);
    });
  }

  async decide(user: SessionUser, input: SubsidyDecisionInput): Promise<SubsidyClaimRecord> {
    const current = await this.findOne(user, input.id);
    if (!current) throw RegistryError.notFound(CLAIM_LABEL, input.id);
    if (current.state !== SubsidyClaimState.APPLIED) throw RegistryError.badInput('id', '该申请已处理');
    if (!isValidIsoDate(input.decidedOn)) throw RegistryError.badInput('decidedOn', '日期无效');
    if (compareDates(input.decidedOn, current.appliedOn) < 0) throw RegistryError.badInput('decidedOn', '处理日期不能早于申请日期');
    if (compareDates(input.decidedOn, todayIsoDate()) > 0) throw RegistryError.badInput('decidedOn', '处理日期不能晚于今天');
    const note = input.note?.trim() || null;
    if (!input.granted && !note) throw RegistryError.badInput('note', '不予发放时必须填写理由');
    const state = input.granted ? SubsidyClaimState.GRANTED : SubsidyClaimState.REFUSED;
    return this.dataSource.transaction(async (manager) => {
      const updated = await manager.query(
        `update subsidy_claim set state = $3, decided_on = $4, decision_note = $5, version = version + 1, updated_at = now()
         where id = $1 and version = $2 returning id`,
        [current.id, input.version, state, input.decidedOn, note],
      );
      await assertVersionMatched(manager, updated, 'subsidy_claim', current.id, CLAIM_LABEL);
      await this.audit.record(
        user,
        { action: input.granted ? 'SUBSIDY_GRANT' : 'SUBSIDY_REFUSE', objectType: 'subsidy_claim', objectId: current.id, regionPath: current.regionPath, detail: { amount: current.amount, note } },
        manager,
      );
      const [saved] = await manager.query(`select ${CLAIM_COLUMNS} from subsidy_claim k where k.id = $1`, [current.id]);
      return claimFromRow(saved);
    });
  }
}
