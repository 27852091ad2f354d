import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AWARD_TIER_LABELS, compareDates, defaultSubmissionWindow, isValidIsoDate, officeLevel } from '@registry/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AwardTier } from '../common/enums';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { RegionsService } from '../regions/regions.service';
import type { AwardCampaignModel, AwardQuotaModel } from './awards.models';
import type { AwardCampaignInput } from './dto/nomination.input';

const CAMPAIGN_COLUMNS = `year, reference_date as "referenceDate", submission_start as "submissionStart", submission_end as "submissionEnd",
  gold_target as "goldTarget", published_at as "publishedAt", decision_document as "decisionDocument", version`;

/** Non-exempt nominations an office has sent up (still alive): what its quota counts. */
export const FORWARDED_BY_OFFICE_SQL = `n.campaign_year = $1 and n.tier = $3 and not n.quota_exempt
  and n.state in ('UNDER_REVIEW', 'NAMED', 'NOT_NAMED')
  and array_position(n.review_chain, $2::varchar) is not null and array_position(n.review_chain, $2::varchar) - 1 < n.current_step`;

// 附件1 default for the demo: the 100 golds split by the units' size; silver 1.5×, bronze 2×.
export const DEMO_GOLD_QUOTA: Record<string, number> = {
  '220100': 25, '220200': 15, '220300': 9, '220400': 5, '220500': 8, '220600': 6,
  '220700': 9, '220800': 7, '222400': 10, '220581': 3, '229900': 3,
};

export type CampaignRow = Omit<AwardCampaignModel, 'quotas'>;

@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CampaignRow[]> {
    return this.dataSource.query(`select ${CAMPAIGN_COLUMNS} from award_campaign order by year desc`);
  }

  async find(year: number, manager?: EntityManager): Promise<CampaignRow | null> {
    const [row] = await (manager ?? this.dataSource).query(`select ${CAMPAIGN_COLUMNS} from award_campaign where year = $1`, [year]);
    return row ?? null;
  }

  async require(year: number, manager?: EntityManager, lock = false): Promise<CampaignRow> {
    const [row] = await (manager ?? this.dataSource).query(
      `select ${CAMPAIGN_COLUMNS} from award_campaign where year = $1${lock ? ' for update' : ''}`,
      [year],
    );
    if (!row) throw RegistryError.badInput('campaignYear', `${year} 年度评选活动不存在`);
    return row;
  }

  async latestYear(): Promise<number | null> {
    const [row] = await this.dataSource.query(`select max(year) as year from award_campaign`);
    return row?.year ?? null;
  }

  /** 附件1 with what each office has used; a user below the province sees its own units. */
  async quotas(year: number, user?: SessionUser): Promise<AwardQuotaModel[]> {
    const rows: { regionCode: string; tier: AwardTier; places: number; used: number }[] = await this.dataSource.query(
      `select q.region_code as "regionCode", q.tier, q.places,
         (select count(*)::int from nomination n where n.campaign_year = q.year and n.tier = q.tier and not n.quota_exempt
            and n.state in ('UNDER_REVIEW', 'NAMED', 'NOT_NAMED')
            and array_position(n.review_chain, q.region_code) - 1 < n.current_step) as used
       from award_quota q where q.year = $1 order by q.region_code, q.tier`,
      [year],
    );
    return rows
      .map((row) => ({ ...row, regionName: this.regions.find(row.regionCode)?.name ?? row.regionCode }))
      .filter((row) => !user || this.regions.isVisible(this.regions.find(row.regionCode)!, user));
  }

  /** Places of an office for a tier: null when the office has no quota (a county with none set). */
  async quotaUse(manager: EntityManager, year: number, officeCode: string, tier: AwardTier): Promise<{ places: number | null; used: number }> {
    const [quota] = await manager.query(`select places from award_quota where year = $1 and region_code = $2 and tier = $3`, [year, officeCode, tier]);
    const [{ used }] = await manager.query(`select count(*)::int as used from nomination n where ${FORWARDED_BY_OFFICE_SQL}`, [year, officeCode, tier]);
    // 附件1 allots places to the reporting units: a unit without a row has none.
    const places = quota ? Number(quota.places) : officeLevel(officeCode) === 'UNIT' ? 0 : null;
    return { places, used };
  }

  async save(user: SessionUser, input: AwardCampaignInput): Promise<CampaignRow> {
    const year = input.year;
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw RegistryError.badInput('year', '年度应在 2000–2100 之间');
    const current = await this.find(year);
    const defaults = defaultSubmissionWindow(year);
    const submissionStart = input.submissionStart ?? current?.submissionStart ?? defaults.start;
    const submissionEnd = input.submissionEnd ?? current?.submissionEnd ?? defaults.end;
    const referenceDate = input.referenceDate ?? current?.referenceDate ?? submissionEnd;
    const goldTarget = input.goldTarget ?? current?.goldTarget ?? 100;
    for (const [field, value] of Object.entries({ submissionStart, submissionEnd, referenceDate })) {
      if (!isValidIsoDate(value)) throw RegistryError.badInput(field, '日期无效');
    }
    if (compareDates(submissionEnd, submissionStart) < 0) throw RegistryError.badInput('submissionEnd', '报送截止日期早于开始日期');
    if (!Number.isInteger(goldTarget) || goldTarget < 0) throw RegistryError.badInput('goldTarget', '金牌总数应为非负整数');
    for (const [index, quota] of (input.quotas ?? []).entries()) {
      const region = this.regions.find(quota.regionCode);
      if (!region || region.level === 'PROVINCE' || region.level === 'TOWNSHIP') {
        throw RegistryError.badInput(`quotas[${index}].regionCode`, `${quota.regionCode} 不是推荐单位（市州、梅河口市、长白山管委会或县市区）`);
      }
      if (!Number.isInteger(quota.places) || quota.places < 0) throw RegistryError.badInput(`quotas[${index}].places`, '名额应为非负整数');
    }
    if (current && current.publishedAt) throw RegistryError.badInput('year', `${year} 年度命名决定已发布，不能再修改`);
    if (current && input.version == null) throw RegistryError.badInput('version', `${year} 年度评选活动已存在，修改时须提供版本号`);

    await this.dataSource.transaction(async (manager) => {
      if (current) {
        const result = await manager.query(
          `update award_campaign set reference_date = $3, submission_start = $4, submission_end = $5, gold_target = $6,
             version = version + 1, updated_at = now() where year = $1 and version = $2 returning year`,
          [year, input.version, referenceDate, submissionStart, submissionEnd, goldTarget],
        );
        const rows = Array.isArray(result[0]) ? result[0] : result;
        if (rows.length === 0) throw RegistryError.conflict('评选活动', String(year), current.version);
      } else {
        await manager.query(
          `insert into award_campaign (year, reference_date, submission_start, submission_end, gold_target) values ($1, $2, $3, $4, $5)`,
          [year, referenceDate, submissionStart, submissionEnd, goldTarget],
        );
      }
      for (const quota of input.quotas ?? []) {
        await manager.query(
          `insert into award_quota (year, region_code, tier, places) values ($1, $2, $3, $4)
           on conflict (year, region_code, tier) do update set places = excluded.places`,
          [year, quota.regionCode, quota.tier, quota.places],
        );
      }
      await this.audit.record(
        user,
        {
          action: current ? 'AWARD_CAMPAIGN_UPDATE' : 'AWARD_CAMPAIGN_CREATE',
          objectType: 'award_campaign',
          objectId: String(year),
          regionPath: user.scopePath,
          detail: { referenceDate, submissionStart, submissionEnd, goldTarget, quotas: input.quotas ?? [] },
        },
        manager,
      );
    });
    return (await this.find(year))!;
  }

  /** The demo campaign of the current year with the default 附件1 (only when none exists). */
  async seedDemoCampaign(year: number, today: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [existing] = await manager.query(`select 1 from award_campaign where year = $1`, [year]);
      if (existing) return false;
      const window = defaultSubmissionWindow(year);
      // A demo started after the default window still has something to submit into.
      const end = compareDates(today, window.end) > 0 ? `${year}-12-31` : window.end;
      await manager.query(
        `insert into award_campaign (year, reference_date, submission_start, submission_end, gold_target) values ($1, $2, $3, $4, 100)`,
        [year, window.end, window.start, end],
      );
      for (const [code, gold] of Object.entries(DEMO_GOLD_QUOTA)) {
        if (!this.regions.find(code)) continue;
        await manager.query(
          `insert into award_quota (year, region_code, tier, places) values ($1, $2, 'GOLD', $3), ($1, $2, 'SILVER', $4), ($1, $2, 'BRONZE', $5)`,
          [year, code, gold, Math.ceil(gold * 1.5), gold * 2],
        );
      }
      return true;
    });
  }
}

export function tierLabel(tier: AwardTier): string {
  return AWARD_TIER_LABELS[tier];
}
