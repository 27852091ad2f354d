import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isWithinScope, officeLevel } from '@registry/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AwardTier } from '../common/enums';
import { queryPage, resolvePage } from '../common/paging';
import { SqlConditions } from '../common/sql-conditions';
import { RegistryError } from '../common/registry-error';
import { scopeSql, type SessionUser } from '../common/session-user';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { RegionsService } from '../regions/regions.service';
import type { NominationEventModel, NominationModel, NominationObjectionModel, ReviewQueueModel } from './awards.models';
import { CampaignsService } from './campaigns.service';
import { NominationState } from './dto/nomination.input';

const NOMINATION_COLUMNS = `n.id::text as id, n.campaign_year as "campaignYear", n.coordinator_id::text as "coordinatorId",
  c.name as "coordinatorName", c.gender, c.unit_name as "unitName", c.region_code as "regionCode", n.tier, n.state,
  n.reporting_unit_code as "reportingUnitCode", n.review_chain as "reviewChain", n.current_step as "currentStep",
  n.quota_exempt as "quotaExempt", n.eligibility, n.achievements, n.publicity_start as "publicityStart",
  n.publicity_end as "publicityEnd", n.province_decision as "provinceDecision", n.certificate_number as "certificateNumber",
  n.named_on as "namedOn", u.username as "nominatedBy", n.nominated_by::text as "nominatedById",
  u.display_name as "nominatedByName", (select ur.name from region ur where ur.code = u.region_code) as "nominatedByRegion", n.region_path as "regionPath",
  n.version, n.created_at as "createdAt",
  r.rank,
  (select count(*)::int from nomination_objection o where o.nomination_id = n.id and o.resolved_at is null) as "openObjections"`;

const NOMINATION_FROM = `nomination n
  join coordinator c on c.id = n.coordinator_id
  join app_user u on u.id = n.nominated_by
  left join nomination_rank r on r.nomination_id = n.id and r.office_code = n.review_chain[n.current_step + 1]`;

export interface NominationFilter {
  campaignYear?: number | null;
  tier?: AwardTier | null;
  states?: NominationState[] | null;
  regionCode?: string | null;
}

@Injectable()
export class NominationReadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly campaigns: CampaignsService,
  ) {}

  fromRow(row: Record<string, any>): NominationModel {
    const chain: string[] = row.reviewChain;
    const underReview = row.state === NominationState.UNDER_REVIEW;
    const currentOfficeCode = underReview ? chain[row.currentStep] ?? null : null;
    return {
      ...row,
      reviewChain: chain,
      currentOfficeCode,
      currentOfficeName: currentOfficeCode ? (this.regions.find(currentOfficeCode)?.name ?? currentOfficeCode) : null,
      rank: underReview && row.rank != null ? Number(row.rank) : null,
    } as NominationModel;
  }

  async findRaw(id: string, manager?: EntityManager, lock = false): Promise<NominationModel | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const [row] = await (manager ?? this.dataSource).query(
      `select ${NOMINATION_COLUMNS} from ${NOMINATION_FROM} where n.id = $1${lock ? ' for update of n' : ''}`,
      [id],
    );
    return row ? this.fromRow(row) : null;
  }

  async findOne(user: SessionUser, id: string): Promise<NominationModel | null> {
    const nomination = await this.findRaw(id);
    return nomination && isWithinScope(nomination.regionPath, user.scopePath) ? nomination : null;
  }

  async require(user: SessionUser, id: string, manager?: EntityManager, lock = false): Promise<NominationModel> {
    const nomination = await this.findRaw(id, manager, lock);
    if (!nomination || !isWithinScope(nomination.regionPath, user.scopePath)) throw RegistryError.notFound('推荐', id);
    return nomination;
  }

  /** WHERE clause of the scoped nominations list (also used by the nominations export). */
  filterSql(
    user: SessionUser,
    filter: Pick<NominationFilter, 'regionCode' | 'campaignYear' | 'tier' | 'states'>,
  ): { where: string; parameters: unknown[] } {
    const sql = new SqlConditions().add((p) => scopeSql('n.region_path', p), this.regions.filterPath(user, filter.regionCode));
    if (filter.campaignYear != null) sql.add((p) => `n.campaign_year = ${p}`, filter.campaignYear);
    if (filter.tier != null) sql.add((p) => `n.tier = ${p}`, filter.tier);
    if (filter.states?.length) sql.add((p) => `n.state = any(${p}::varchar[])`, filter.states);
    return { where: sql.where, parameters: sql.parameters };
  }

  async list(user: SessionUser, filter: NominationFilter, page: { offset?: number | null; limit?: number | null }) {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const { where, parameters } = this.filterSql(user, filter);
    const { total, rows } = await queryPage(
      this.dataSource,
      { columns: NOMINATION_COLUMNS, from: `from ${NOMINATION_FROM} where ${where}`, orderBy: 'n.campaign_year desc, n.id', parameters },
      { offset, limit },
    );
    return { total, offset, limit, items: rows.map((row: Record<string, unknown>) => this.fromRow(row)) };
  }

  /** What waits at the user's own office for a tier, in ranking order, with quota used/left. */
  async queue(user: SessionUser, year: number, tier: AwardTier): Promise<ReviewQueueModel> {
    const officeCode = user.regionCode;
    const rows = await this.dataSource.query(
      `select ${NOMINATION_COLUMNS} from ${NOMINATION_FROM}
       where n.campaign_year = $1 and n.tier = $2 and n.state = 'UNDER_REVIEW' and n.review_chain[n.current_step + 1] = $3
         and ${scopeSql('n.region_path', '$4')}
       order by r.rank nulls last, n.id`,
      [year, tier, officeCode, user.scopePath],
    );
    const quota = await this.campaigns.quotaUse(this.dataSource.manager, year, officeCode, tier);
    const level = officeLevel(officeCode);
    return {
      officeCode,
      officeName: this.regions.find(officeCode)?.name ?? officeCode,
      level,
      tier,
      places: level === 'PROVINCE' ? null : quota.places,
      used: quota.used,
      left: level === 'PROVINCE' || quota.places === null ? null : Math.max(0, quota.places - quota.used),
      items: rows.map((row: Record<string, unknown>) => this.fromRow(row)),
    };
  }

  async eventsOf(ids: readonly string[]): Promise<NominationEventModel[][]> {
    const rows = await this.dataSource.query(
      `select id::text, nomination_id::text as "nominationId", at, actor_username as "actorUsername", action,
         from_state as "fromState", to_state as "toState", from_office as "fromOffice", to_office as "toOffice", reason
       from nomination_event e where nomination_id = any($1::bigint[]) order by e.id`,
      [ids],
    );
    return ids.map((id) => rows.filter((row: { nominationId: string }) => row.nominationId === id));
  }

  async objectionsOf(ids: readonly string[]): Promise<NominationObjectionModel[][]> {
    const rows = await this.dataSource.query(
      `select id::text, nomination_id::text as "nominationId", raised_on as "raisedOn", objector, content,
         recorded_at as "recordedAt", resolved_at as "resolvedAt", upheld, resolution
       from nomination_objection o where nomination_id = any($1::bigint[]) order by o.id`,
      [ids],
    );
    return ids.map((id) => rows.filter((row: { nominationId: string }) => row.nominationId === id));
  }
}
