import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { evaluateEligibility, isValidIsoDate, type EligibilityFacts, type EligibilityResult } from '@registry/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AwardTier } from '../common/enums';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { CoordinatorsService } from '../coordinators/coordinators.service';
import type { CoordinatorEntity } from '../coordinators/entities/coordinator.entity';
import { AwardSettingsService } from './award-settings.service';

export type Attestation = NonNullable<EligibilityFacts['attestations']>[number];

// 四(一) for a stored coordinator: load the facts (one query per table) and hand them to the
// same libs/domain function the web form calls on its own state.
@Injectable()
export class EligibilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly coordinators: CoordinatorsService,
    private readonly settings: AwardSettingsService,
  ) {}

  async evaluate(user: SessionUser, coordinatorId: string, tier: AwardTier, asOf: string): Promise<EligibilityResult & { tier: AwardTier; asOf: string }> {
    if (!isValidIsoDate(asOf)) throw RegistryError.badInput('asOf', '日期无效');
    const coordinator = await this.coordinators.require(user, coordinatorId);
    const facts = await this.loadFacts(coordinator);
    return { ...evaluateEligibility(facts, tier, asOf, await this.settings.eligibilityTables()), tier, asOf };
  }

  /** For a coordinator already checked to be in scope. */
  async evaluateFor(coordinator: CoordinatorEntity, tier: AwardTier, asOf: string, attestations: Attestation[], manager?: EntityManager): Promise<EligibilityResult> {
    const facts = await this.loadFacts(coordinator, manager);
    return evaluateEligibility({ ...facts, attestations }, tier, asOf, await this.settings.eligibilityTables());
  }

  async loadFacts(coordinator: CoordinatorEntity, manager?: EntityManager): Promise<EligibilityFacts> {
    const run = (sql: string, parameters: unknown[]) => (manager ?? this.dataSource).query(sql, parameters);
    const id = coordinator.id;
    const [certificates, educations, workPeriods, honors, disciplinaryRecords, employerIncidents] = await Promise.all([
      run(`select occupation, level, title, issued_on as "issuedOn" from certificate where coordinator_id = $1 order by issued_on`, [id]),
      run(`select level, major, graduated_on as "graduatedOn" from education where coordinator_id = $1 order by id`, [id]),
      run(`select start_on as start, end_on as "end", occupation from work_period where coordinator_id = $1 order by start_on`, [id]),
      run(`select title, level, awarded_on as "awardedOn" from honor where coordinator_id = $1 order by awarded_on`, [id]),
      run(`select kind, occurred_on as "occurredOn" from disciplinary_record where coordinator_id = $1 order by occurred_on`, [id]),
      coordinator.enterpriseId
        ? run(`select kind, occurred_on as "occurredOn" from enterprise_incident where enterprise_id = $1 order by occurred_on`, [coordinator.enterpriseId])
        : Promise.resolve([]),
    ]);
    return {
      tripartiteOrGrassroots: coordinator.tripartiteOrGrassroots,
      certificates,
      educations,
      workPeriods,
      honors,
      disciplinaryRecords,
      employerIncidents,
    };
  }
}
