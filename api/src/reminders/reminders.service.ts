import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  chinaIsoDate,
  IMPORT_FAILURE_DAYS,
  PASSWORD_MAX_AGE_DAYS,
  PUBLICITY_ENDING_DAYS,
  reminders,
  todayIsoDate,
  type AwardTier,
  type Reminder,
  type ReminderFacts,
} from '@registry/domain';
import { DataSource } from 'typeorm';
import { CalendarYearsService } from '../awards/calendar-years.service';
import { CampaignsService } from '../awards/campaigns.service';
import { AwardTier as AwardTierEnum } from '../common/enums';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { scopeSql, type SessionUser } from '../common/session-user';

const TIERS: AwardTier[] = ['GOLD', 'SILVER', 'BRONZE'];
const OFFICE_ROLES = new Set(['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE']);

/**
 * Gathers, within the user's jurisdiction, the facts the reminder rules of libs/domain read: a
 * handful of counting queries, run one after the other on the request's connection.
 */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly calendarYears: CalendarYearsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forUser(user: SessionUser, now: Date = new Date()): Promise<Reminder[]> {
    return reminders(await this.facts(user, now));
  }

  async facts(user: SessionUser, now: Date = new Date()): Promise<ReminderFacts> {
    const today = todayIsoDate(now);
    const scope = user.scopePath;
    const office = OFFICE_ROLES.has(user.role);

    const [running] = await this.dataSource.query(
      `select year, submission_start::text as "submissionStart", submission_end::text as "submissionEnd", published_at is not null as published
       from award_campaign where published_at is null order by year desc limit 1`,
    );
    let campaign: ReminderFacts['campaign'] = null;
    let reviewQueue: ReminderFacts['reviewQueue'] = [];
    if (running) {
      const placesLeft: { tier: AwardTier; left: number }[] = [];
      if (office && user.role !== 'PROVINCE_ADMIN') {
        for (const tier of TIERS) {
          const { places, used } = await this.campaigns.quotaUse(this.dataSource.manager, running.year, user.regionCode, tier as AwardTierEnum);
          if (places !== null) placesLeft.push({ tier, left: Math.max(0, places - used) });
        }
      }
      campaign = { year: running.year, submissionStart: running.submissionStart, submissionEnd: running.submissionEnd, published: running.published, placesLeft };
      if (office) {
        const waiting: { tier: AwardTier; count: number }[] = await this.dataSource.query(
          `select n.tier, count(*)::int as count from nomination n
           where n.campaign_year = $1 and n.state = 'UNDER_REVIEW' and n.review_chain[n.current_step + 1] = $2 and ${scopeSql('n.region_path', '$3')}
           group by n.tier`,
          [running.year, user.regionCode, scope],
        );
        reviewQueue = TIERS.map((tier) => ({ tier, count: waiting.find((row) => row.tier === tier)?.count ?? 0 }));
      }
    }

    const [publicity] = await this.dataSource.query(
      `select count(*)::int as count, min(n.publicity_end)::text as "earliestEnd" from nomination n
       where n.state = 'IN_PUBLICITY' and n.publicity_end <= $1::date and ${scopeSql('n.region_path', '$2')}`,
      [addDays(today, PUBLICITY_ENDING_DAYS), scope],
    );
    const [{ objections }] = await this.dataSource.query(
      `select count(*)::int as objections from nomination_objection o join nomination n on n.id = o.nomination_id
       where o.resolved_at is null and n.state = 'IN_PUBLICITY' and ${scopeSql('n.region_path', '$1')}`,
      [scope],
    );
    const [account] = await this.dataSource.query(`select password_changed_at, password_exempt from app_user where id = $1`, [user.id]);
    const exempt = account?.password_exempt && this.config.demoMode;
    const passwordValidUntil = account && !exempt ? addDays(chinaIsoDate(new Date(account.password_changed_at)), PASSWORD_MAX_AGE_DAYS) : null;
    const [{ failed }] = await this.dataSource.query(
      `select count(*)::int as failed from import_job where user_id = $1 and status = 'FAILED' and updated_at > $2::timestamptz - make_interval(days => $3)`,
      [user.id, now.toISOString(), IMPORT_FAILURE_DAYS],
    );

    return {
      today,
      role: user.role,
      campaign,
      publicityEnding: publicity.count > 0 ? { count: publicity.count, earliestEnd: publicity.earliestEnd } : null,
      objectionsOpen: objections,
      reviewQueue,
      passwordValidUntil,
      failedImports: failed,
      previousYearClosed: user.role === 'PROVINCE_ADMIN' ? await this.yearClosed(user, Number(today.slice(0, 4)) - 1) : null,
      nextYearCalendarEntered: user.role === 'PROVINCE_ADMIN' ? await this.calendarYears.nextYearEntered() : true,
    };
  }

  /** Whether the province has closed `year` (年度数据锁定, closed_year); null for a year before closing exists (2021). */
  private async yearClosed(user: SessionUser, year: number): Promise<boolean | null> {
    if (year < 2021) return null;
    const [{ closed }] = await this.dataSource.query(`select exists (select 1 from closed_year where province_code = $1 and year = $2) as closed`, [user.regionCode.slice(0, 2), year]);
    return closed;
  }
}
