import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AWARD_TIER_LABELS,
  ATTESTATION_CONDUCT,
  ATTESTATION_LOCAL_ROLE,
  ATTESTATION_WORK_RESULTS,
  certificateNumber,
  compareDates,
  competitiveSelectionProblem,
  isValidIsoDate,
  nextNominationState,
  nominationTransitionProblem,
  officeLevel,
  quotaProblem,
  reportingUnitOf,
  reviewChain,
  todayIsoDate,
  type EligibilityResult,
  type NominationAction,
  type OfficeLevel,
} from '@registry/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AwardTier } from '../common/enums';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { CoordinatorsService } from '../coordinators/coordinators.service';
import type { Role } from '../users/user.entity';
import { AwardSettingsService } from './award-settings.service';
import type { NominationModel } from './awards.models';
import { CampaignsService } from './campaigns.service';
import { AwardCertificatesService } from './certificates/award-certificates.service';
import type { DecisionInput, NominateInput, ObjectionInput } from './dto/nomination.input';
import { NominationState } from './dto/nomination.input';
import { EligibilityService, type Attestation } from './eligibility.service';
import { NominationReadsService } from './nomination-reads.service';

const ATTESTATION_KEYS = [ATTESTATION_CONDUCT, ATTESTATION_LOCAL_ROLE, ATTESTATION_WORK_RESULTS];
const OFFICE_ROLE: Record<OfficeLevel, Role> = { COUNTY: 'COUNTY_OFFICE', UNIT: 'CITY_OFFICE', PROVINCE: 'PROVINCE_ADMIN' };

function stateError(state: NominationState, action: NominationAction): RegistryError | null {
  const problem = nominationTransitionProblem(state, action);
  return problem ? RegistryError.badInput('state', problem, { state, action }) : null;
}

function failingClauses(result: EligibilityResult): string {
  return result.conditions.filter((condition) => !condition.met).map((condition) => `${condition.clause} ${condition.reason}`).join('；');
}

// 四(二): nominate → publicity at the unit → objections → declare → each office reviews, ranks,
// returns or forwards within its quota → the province decides (差额) and publishes → named,
// with certificate numbers. Every transition writes a nomination_event row and an audit row in
// the same transaction; the allowed order comes from the libs/domain state machine.
@Injectable()
export class NominationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly coordinators: CoordinatorsService,
    private readonly eligibility: EligibilityService,
    private readonly settings: AwardSettingsService,
    private readonly campaigns: CampaignsService,
    private readonly reads: NominationReadsService,
    private readonly audit: AuditService,
    private readonly certificates: AwardCertificatesService,
  ) {}

  async nominate(user: SessionUser, input: NominateInput): Promise<NominationModel> {
    const coordinator = await this.coordinators.require(user, input.coordinatorId);
    const year = input.campaignYear ?? (await this.campaigns.latestYear());
    if (!year) throw RegistryError.badInput('campaignYear', '尚未设立评选活动，请省三方办先创建年度评选');
    const campaign = await this.campaigns.require(year);
    if (campaign.publishedAt) throw RegistryError.badInput('campaignYear', `${year} 年度命名决定已发布，不再接受推荐`);
    if (coordinator.status !== 'ACTIVE') throw RegistryError.badInput('coordinatorId', `${coordinator.name} 已离岗，不能推荐`);
    const attestations = this.attestations(user, input.attestations ?? []);
    const result = await this.eligibility.evaluateFor(coordinator, input.tier, campaign.referenceDate, attestations);
    if (!result.eligible) {
      throw RegistryError.badInput('tier', `${coordinator.name} 不符合${AWARD_TIER_LABELS[input.tier]}推荐条件：${failingClauses(result)}`, {
        conditions: result.conditions,
      });
    }
    const tripartiteStaff = coordinator.affiliation === 'TRIPARTITE';
    const chain = reviewChain({ regionCode: coordinator.regionCode, tripartiteStaff });
    const unit = reportingUnitOf(chain[0]) ?? reportingUnitOf(coordinator.regionCode);
    const achievements = input.achievements?.trim() || null;
    if (achievements && achievements.length > 4000) throw RegistryError.badInput('achievements', '主要事迹不超过 4000 字');

    return this.dataSource.transaction(async (manager) => {
      let id: string;
      try {
        const [row] = await manager.query(
          `insert into nomination (campaign_year, coordinator_id, tier, state, region_path, reporting_unit_code, review_chain,
             quota_exempt, eligibility, attestations, achievements, nominated_by)
           values ($1, $2, $3, 'NOMINATED', $4, $5, $6, $7, $8, $9, $10, $11) returning id::text`,
          [
            year, coordinator.id, input.tier, coordinator.regionPath, unit?.code ?? '220000', chain, result.quotaExempt,
            JSON.stringify({ ...result, tier: input.tier, asOf: campaign.referenceDate }), JSON.stringify(attestations), achievements, user.id,
          ],
        );
        id = row.id;
      } catch (error) {
        if ((error as { code?: string }).code === '23505') {
          throw RegistryError.badInput('coordinatorId', `${coordinator.name} 在 ${year} 年度已有推荐（每人每年度限一项）`);
        }
        throw error;
      }
      await this.event(manager, user, id, 'NOMINATE', null, NominationState.NOMINATED, null, null, null);
      await this.audit.record(user, { action: 'NOMINATION_CREATE', objectType: 'nomination', objectId: id, regionPath: coordinator.regionPath, detail: { tier: input.tier, year } }, manager);
      return (await this.reads.findRaw(id, manager))!;
    });
  }

  async startPublicity(user: SessionUser, id: string, start: string): Promise<NominationModel> {
    if (!isValidIsoDate(start)) throw RegistryError.badInput('start', '公示开始日期无效');
    const window = await this.settings.publicityWindow(start);
    return this.step(user, id, 'START_PUBLICITY', async (manager) => {
      await manager.query(`update nomination set publicity_start = $2, publicity_end = $3 where id = $1`, [id, window.start, window.end]);
      return { reason: `公示 ${window.start} 至 ${window.end}（${window.workingDays} 个工作日）` };
    });
  }

  async recordObjection(user: SessionUser, input: ObjectionInput): Promise<NominationModel> {
    const content = input.content?.trim();
    if (!content) throw RegistryError.badInput('content', '异议内容不能为空');
    if (content.length > 2000) throw RegistryError.badInput('content', '异议内容不超过 2000 字');
    const raisedOn = input.raisedOn ?? todayIsoDate();
    if (!isValidIsoDate(raisedOn)) throw RegistryError.badInput('raisedOn', '日期无效');
    return this.dataSource.transaction(async (manager) => {
      const nomination = await this.reads.require(user, input.nominationId, manager, true);
      if (nomination.state !== NominationState.IN_PUBLICITY) throw RegistryError.badInput('state', '仅公示期间可以登记异议');
      if (compareDates(raisedOn, nomination.publicityStart!) < 0) throw RegistryError.badInput('raisedOn', `异议日期早于公示开始日期 ${nomination.publicityStart}`);
      await manager.query(
        `insert into nomination_objection (nomination_id, raised_on, objector, content, recorded_by) values ($1, $2, $3, $4, $5)`,
        [nomination.id, raisedOn, input.objector?.trim() || null, content, user.id],
      );
      await this.event(manager, user, nomination.id, 'OBJECTION', nomination.state, nomination.state, null, null, content.slice(0, 1000));
      await this.audit.record(user, { action: 'NOMINATION_OBJECTION', objectType: 'nomination', objectId: nomination.id, regionPath: nomination.regionPath }, manager);
      return (await this.reads.findRaw(nomination.id, manager))!;
    });
  }

  /** Resolved with a reason; an upheld objection withdraws the nomination. */
  async resolveObjection(user: SessionUser, objectionId: string, upheld: boolean, resolution: string): Promise<NominationModel> {
    const reason = resolution?.trim();
    if (!reason) throw RegistryError.badInput('resolution', '请填写处理意见');
    if (!/^\d{1,18}$/.test(objectionId)) throw RegistryError.notFound('异议', objectionId);
    const [objection] = await this.dataSource.query(`select nomination_id::text as "nominationId", resolved_at from nomination_objection where id = $1`, [objectionId]);
    if (!objection) throw RegistryError.notFound('异议', objectionId);
    return this.dataSource.transaction(async (manager) => {
      const nomination = await this.reads.require(user, objection.nominationId, manager, true).catch(() => {
        throw RegistryError.notFound('异议', objectionId);
      });
      if (objection.resolved_at) throw RegistryError.badInput('objectionId', '该异议已处理');
      await manager.query(
        `update nomination_objection set resolved_at = now(), resolved_by = $2, upheld = $3, resolution = $4 where id = $1`,
        [objectionId, user.id, upheld, reason],
      );
      if (upheld) {
        const problem = stateError(nomination.state, 'WITHDRAW');
        if (problem) throw problem;
        await this.move(manager, user, nomination, 'WITHDRAW', NominationState.WITHDRAWN, nomination.currentStep, `异议成立：${reason}`);
      } else {
        await this.event(manager, user, nomination.id, 'OBJECTION_RESOLVED', nomination.state, nomination.state, null, null, `异议不成立：${reason}`);
      }
      await this.audit.record(user, { action: 'NOMINATION_OBJECTION_RESOLVE', objectType: 'nomination', objectId: nomination.id, regionPath: nomination.regionPath, detail: { upheld } }, manager);
      return (await this.reads.findRaw(nomination.id, manager))!;
    });
  }

  async declare(user: SessionUser, id: string): Promise<NominationModel> {
    return this.step(user, id, 'DECLARE', async (manager, nomination) => {
      const today = todayIsoDate();
      if (!nomination.publicityEnd || compareDates(today, nomination.publicityEnd) <= 0) {
        throw RegistryError.badInput('publicityEnd', `公示期至 ${nomination.publicityEnd} 结束，公示期满后方可申报`);
      }
      if (nomination.openObjections > 0) throw RegistryError.badInput('objections', `还有 ${nomination.openObjections} 条异议未处理，处理后方可申报`);
      await this.recheck(manager, nomination);
      return { toStep: 0, reason: null };
    });
  }

  async forward(user: SessionUser, id: string, reason?: string | null): Promise<NominationModel> {
    return this.dataSource.transaction(async (manager) => {
      const nomination = await this.reads.require(user, id, manager, true);
      // Quota counts are per campaign: the campaign row lock serialises concurrent forwards.
      const campaign = await this.campaigns.require(nomination.campaignYear, manager, true);
      const problem = stateError(nomination.state, 'FORWARD');
      if (problem) throw problem;
      const office = await this.assertReviewer(manager, user, nomination);
      if (officeLevel(office) === 'PROVINCE') throw RegistryError.badInput('state', '省级为终审，请作出命名决定而非上报');
      const quota = await this.campaigns.quotaUse(manager, nomination.campaignYear, office, nomination.tier as AwardTier);
      const quotaIssue = quotaProblem(quota, nomination.quotaExempt, AWARD_TIER_LABELS[nomination.tier as AwardTier]);
      if (quotaIssue) throw RegistryError.badInput('quota', quotaIssue, quota);
      const next = nomination.reviewChain[nomination.currentStep + 1];
      if (officeLevel(next) === 'PROVINCE') {
        if (campaign.publishedAt) throw RegistryError.badInput('campaignYear', `${campaign.year} 年度命名决定已发布，不再接受报送`);
        if (compareDates(todayIsoDate(), campaign.submissionEnd) > 0) {
          throw RegistryError.badInput('submissionEnd', `报送省级截止日期为 ${campaign.submissionEnd}，已逾期；请联系省三方办调整`);
        }
      }
      await this.move(manager, user, nomination, 'FORWARD', NominationState.UNDER_REVIEW, nomination.currentStep + 1, reason?.trim() || null);
      return (await this.reads.findRaw(id, manager))!;
    });
  }

  async returnNomination(user: SessionUser, id: string, reason: string): Promise<NominationModel> {
    const text = reason?.trim();
    if (!text) throw RegistryError.badInput('reason', '退回须说明理由');
    return this.dataSource.transaction(async (manager) => {
      const nomination = await this.reads.require(user, id, manager, true);
      const problem = stateError(nomination.state, 'RETURN');
      if (problem) throw problem;
      await this.assertReviewer(manager, user, nomination, false);
      await manager.query(`delete from nomination_rank where nomination_id = $1`, [id]);
      await manager.query(`update nomination set province_decision = null where id = $1`, [id]);
      await this.move(manager, user, nomination, 'RETURN', NominationState.RETURNED, nomination.currentStep, text);
      return (await this.reads.findRaw(id, manager))!;
    });
  }

  /** Back to the first office after a return; the eligibility is evaluated again. */
  async resubmit(user: SessionUser, id: string, achievements?: string | null, attestationKeys?: string[] | null): Promise<NominationModel> {
    return this.step(user, id, 'RESUBMIT', async (manager, nomination) => {
      if (achievements !== undefined && achievements !== null) {
        await manager.query(`update nomination set achievements = $2 where id = $1`, [id, achievements.trim() || null]);
      }
      if (attestationKeys) {
        await manager.query(`update nomination set attestations = $2 where id = $1`, [id, JSON.stringify(this.attestations(user, attestationKeys))]);
      }
      await this.recheck(manager, nomination);
      return { toStep: 0, reason: '修改后重新申报' };
    });
  }

  async withdraw(user: SessionUser, id: string, reason: string): Promise<NominationModel> {
    const text = reason?.trim();
    if (!text) throw RegistryError.badInput('reason', '撤回须说明理由');
    return this.step(user, id, 'WITHDRAW', async () => ({ reason: text }));
  }

  /** 综合排序: ranks 1..n in the given order, for nominations waiting at the user's office. */
  async rank(user: SessionUser, year: number, tier: AwardTier, ids: string[]): Promise<void> {
    if (new Set(ids).size !== ids.length) throw RegistryError.badInput('nominationIds', '排序中有重复的推荐');
    await this.dataSource.transaction(async (manager) => {
      for (const [index, id] of ids.entries()) {
        const nomination = await this.reads.require(user, id, manager, true);
        if (nomination.campaignYear !== year || nomination.tier !== tier) throw RegistryError.badInput(`nominationIds[${index}]`, '不属于该年度该等级');
        if (nomination.state !== NominationState.UNDER_REVIEW) throw RegistryError.badInput(`nominationIds[${index}]`, `${nomination.coordinatorName} 不在审核中`);
        const office = await this.assertReviewer(manager, user, nomination, false);
        await manager.query(
          `insert into nomination_rank (nomination_id, office_code, rank, ranked_by) values ($1, $2, $3, $4)
           on conflict (nomination_id, office_code) do update set rank = excluded.rank, ranked_by = excluded.ranked_by, ranked_at = now()`,
          [id, office, index + 1, user.id],
        );
      }
      await this.audit.record(user, { action: 'NOMINATION_RANK', objectType: 'nomination', regionPath: user.scopePath, detail: { year, tier, order: ids } }, manager);
    });
  }

  /** The province's decision for a tier: named ones and, by difference, the rest (差额). */
  async decide(user: SessionUser, input: DecisionInput): Promise<NominationModel[]> {
    if (user.role !== 'PROVINCE_ADMIN') throw RegistryError.forbidden('命名决定由省三方办作出');
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.campaigns.require(input.campaignYear, manager, true);
      if (campaign.publishedAt) throw RegistryError.badInput('campaignYear', `${campaign.year} 年度命名决定已发布`);
      const candidates: { id: string; quotaExempt: boolean; nominatedById: string }[] = await manager.query(
        `select id::text, quota_exempt as "quotaExempt", nominated_by::text as "nominatedById" from nomination
         where campaign_year = $1 and tier = $2 and state = 'UNDER_REVIEW' and review_chain[current_step + 1] = '220000' for update`,
        [input.campaignYear, input.tier],
      );
      const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
      for (const [index, id] of input.namedIds.entries()) {
        const candidate = byId.get(id);
        if (!candidate) throw RegistryError.badInput(`namedIds[${index}]`, `推荐 ${id} 不是省级${AWARD_TIER_LABELS[input.tier]}候选人`);
        if (candidate.nominatedById === user.id) throw RegistryError.forbidden('回避：不能对本人推荐的候选人作出命名决定');
      }
      const named = new Set(input.namedIds);
      const regular = candidates.filter((candidate) => !candidate.quotaExempt);
      const regularNamed = regular.filter((candidate) => named.has(candidate.id)).length;
      const label = AWARD_TIER_LABELS[input.tier];
      const competitive = competitiveSelectionProblem(regular.length, regularNamed, label);
      if (competitive) throw RegistryError.badInput('namedIds', competitive, { candidates: regular.length, named: regularNamed });
      if (input.tier === AwardTier.GOLD && regularNamed > campaign.goldTarget) {
        throw RegistryError.badInput('namedIds', `金牌命名 ${regularNamed} 人，超过全省年度目标 ${campaign.goldTarget} 人`);
      }
      for (const candidate of candidates) {
        const decision = named.has(candidate.id) ? 'NAME' : 'NOT_NAME';
        await manager.query(`update nomination set province_decision = $2, updated_at = now() where id = $1`, [candidate.id, decision]);
        await this.event(manager, user, candidate.id, 'DECIDE', NominationState.UNDER_REVIEW, NominationState.UNDER_REVIEW, '220000', '220000', decision === 'NAME' ? '拟命名' : '差额未入选');
      }
      await this.audit.record(user, { action: 'NOMINATION_DECIDE', objectType: 'award_campaign', objectId: String(input.campaignYear), regionPath: user.scopePath, detail: { tier: input.tier, named: input.namedIds, candidates: candidates.length } }, manager);
      const rows = await Promise.all(candidates.map((candidate) => this.reads.findRaw(candidate.id, manager)));
      return rows.filter((row): row is NominationModel => row !== null);
    });
  }

  /** Publishes the naming decision: certificate numbers per tier, everyone else not named. */
  async publish(user: SessionUser, year: number, decisionDocument?: string | null): Promise<number> {
    if (user.role !== 'PROVINCE_ADMIN') throw RegistryError.forbidden('命名决定由省三方办发布');
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.campaigns.require(year, manager, true);
      if (campaign.publishedAt) throw RegistryError.badInput('year', `${year} 年度命名决定已发布`);
      const atProvince: { id: string; tier: AwardTier; decision: string | null; currentStep: number; state: NominationState; regionPath: string; reviewChain: string[] }[] =
        await manager.query(
          `select n.id::text, n.tier, n.province_decision as decision, n.current_step as "currentStep", n.state, n.region_path as "regionPath",
             n.review_chain as "reviewChain"
           from nomination n left join nomination_rank r on r.nomination_id = n.id and r.office_code = '220000'
           where n.campaign_year = $1 and n.state = 'UNDER_REVIEW' and n.review_chain[n.current_step + 1] = '220000'
           order by n.tier, r.rank nulls last, n.id for update of n`,
          [year],
        );
      const undecided = atProvince.filter((row) => !row.decision).length;
      if (undecided > 0) throw RegistryError.badInput('year', `还有 ${undecided} 名省级候选人未作决定，请先对各等级作出命名决定`);
      if (!atProvince.some((row) => row.decision === 'NAME')) throw RegistryError.badInput('year', '没有拟命名的候选人');
      const sequences = new Map<AwardTier, number>();
      const namedOn = todayIsoDate();
      let named = 0;
      const namedIds: string[] = [];
      for (const row of atProvince) {
        const nomination = { id: row.id, state: row.state, currentStep: row.currentStep, regionPath: row.regionPath, reviewChain: row.reviewChain } as NominationModel;
        if (row.decision === 'NAME') {
          const sequence = (sequences.get(row.tier) ?? 0) + 1;
          sequences.set(row.tier, sequence);
          const number = certificateNumber(year, row.tier, sequence);
          await manager.query(`update nomination set certificate_number = $2, named_on = $3 where id = $1`, [row.id, number, namedOn]);
          await this.move(manager, user, nomination, 'NAME', NominationState.NAMED, row.currentStep, `证书编号 ${number}${decisionDocument ? `，${decisionDocument}` : ''}`);
          named += 1;
          namedIds.push(row.id);
        } else {
          await this.move(manager, user, nomination, 'NOT_NAME', NominationState.NOT_NAMED, row.currentStep, '差额评审未入选');
        }
      }
      // the certificates with their verification tokens (the QR code), as the decision names them
      await this.certificates.issue(manager, namedIds, namedOn);
      await manager.query(
        `update award_campaign set published_at = now(), published_by = $2, decision_document = $3, version = version + 1, updated_at = now() where year = $1`,
        [year, user.id, decisionDocument?.trim() || null],
      );
      await this.audit.record(user, { action: 'AWARD_DECISION_PUBLISH', objectType: 'award_campaign', objectId: String(year), regionPath: user.scopePath, detail: { named, decisionDocument } }, manager);
      return named;
    });
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────

  private attestations(user: SessionUser, keys: string[]): Attestation[] {
    const today = todayIsoDate();
    return [...new Set(keys.map((key) => key.trim()))].map((clause, index) => {
      if (!ATTESTATION_KEYS.includes(clause)) throw RegistryError.badInput(`attestations[${index}]`, `未知的确认项 ${clause}（可选：${ATTESTATION_KEYS.join('、')}）`);
      return { clause, attestedBy: user.displayName || user.username, attestedOn: today };
    });
  }

  /** Evaluates again on the stored facts; a declaration needs an eligible verdict and no attestation pending. */
  private async recheck(manager: EntityManager, nomination: NominationModel): Promise<void> {
    const [stored] = await manager.query(`select attestations from nomination where id = $1`, [nomination.id]);
    const coordinator = (await this.coordinators.findMany([nomination.coordinatorId]))[0];
    const campaign = await this.campaigns.require(nomination.campaignYear, manager);
    const result = await this.eligibility.evaluateFor(coordinator, nomination.tier as AwardTier, campaign.referenceDate, stored.attestations, manager);
    if (!result.eligible) throw RegistryError.badInput('eligibility', `不符合推荐条件：${failingClauses(result)}`);
    if (result.pendingAttestations.length > 0) {
      throw RegistryError.badInput('attestations', `推荐单位尚未确认：${result.pendingAttestations.join('、')}`, { pendingAttestations: result.pendingAttestations });
    }
    await manager.query(`update nomination set eligibility = $2, quota_exempt = $3 where id = $1`, [
      nomination.id,
      JSON.stringify({ ...result, tier: nomination.tier, asOf: campaign.referenceDate }),
      result.quotaExempt,
    ]);
  }

  /**
   * The user must be the office the nomination waits at (same region, the role of that level),
   * and for a forward must not be the one who nominated it or sent it here (no self-approval).
   * Outside the user's scope the nomination does not exist (checked by reads.require).
   */
  private async assertReviewer(manager: EntityManager, user: SessionUser, nomination: NominationModel, approving = true): Promise<string> {
    const office = nomination.reviewChain[nomination.currentStep];
    const level = officeLevel(office);
    if (user.regionCode !== office || user.role !== OFFICE_ROLE[level]) {
      throw RegistryError.forbidden(`该推荐当前由 ${nomination.currentOfficeName ?? office} 审核，您不能在此环节操作`);
    }
    if (approving) {
      if (nomination.nominatedById === user.id) throw RegistryError.forbidden('回避：不能审核通过本人提交的推荐');
      const [last] = await manager.query(
        `select actor_id::text as "actorId" from nomination_event where nomination_id = $1 and action in ('DECLARE', 'FORWARD', 'RESUBMIT') order by id desc limit 1`,
        [nomination.id],
      );
      if (last?.actorId === user.id) throw RegistryError.forbidden('回避：不能审核通过本人申报或上报的推荐');
    }
    return office;
  }

  /** A transition done by someone in scope (not an office review step), in one transaction. */
  private async step(
    user: SessionUser,
    id: string,
    action: NominationAction,
    work: (manager: EntityManager, nomination: NominationModel) => Promise<{ toStep?: number; reason: string | null }>,
  ): Promise<NominationModel> {
    return this.dataSource.transaction(async (manager) => {
      const nomination = await this.reads.require(user, id, manager, true);
      const problem = stateError(nomination.state, action);
      if (problem) throw problem;
      const outcome = await work(manager, nomination);
      await this.move(manager, user, nomination, action, nextNominationState(nomination.state, action) as NominationState, outcome.toStep ?? nomination.currentStep, outcome.reason);
      return (await this.reads.findRaw(id, manager))!;
    });
  }

  private async move(
    manager: EntityManager,
    user: SessionUser,
    nomination: Pick<NominationModel, 'id' | 'state' | 'currentStep' | 'regionPath' | 'reviewChain'>,
    action: NominationAction,
    to: NominationState,
    toStep: number,
    reason: string | null,
  ): Promise<void> {
    const fromOffice = nomination.state === NominationState.UNDER_REVIEW ? nomination.reviewChain[nomination.currentStep] : null;
    const toOffice = to === NominationState.UNDER_REVIEW ? nomination.reviewChain[toStep] : null;
    await manager.query(`update nomination set state = $2, current_step = $3, version = version + 1, updated_at = now() where id = $1`, [nomination.id, to, toStep]);
    await this.event(manager, user, nomination.id, action, nomination.state, to, fromOffice, toOffice, reason);
    await this.audit.record(
      user,
      { action: `NOMINATION_${action}`, objectType: 'nomination', objectId: nomination.id, regionPath: nomination.regionPath, detail: { from: nomination.state, to, fromOffice, toOffice, reason } },
      manager,
    );
  }

  private async event(
    manager: EntityManager,
    user: SessionUser,
    id: string,
    action: string,
    from: NominationState | null,
    to: NominationState,
    fromOffice: string | null,
    toOffice: string | null,
    reason: string | null,
  ): Promise<void> {
    await manager.query(
      `insert into nomination_event (nomination_id, actor_id, actor_username, action, from_state, to_state, from_office, to_office, reason)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, user.id, user.username, action, from, to, fromOffice, toOffice, reason],
    );
  }
}
