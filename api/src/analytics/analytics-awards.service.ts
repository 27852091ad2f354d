import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AwardTier } from '../common/enums';
import { scopeSql, type SessionUser } from '../common/session-user';
import { RegionsService } from '../regions/regions.service';

@ObjectType('AwardTierFigures')
export class AwardTierFiguresModel {
  @Field(() => AwardTier) tier!: AwardTier;
  @Field(() => Int, { description: 'nominations not withdrawn' }) nominees!: number;
  @Field(() => Int) named!: number;
  @Field(() => Int, { description: 'places in the quota table (附件1) of the reporting units in the region' }) quota!: number;
  @Field(() => Int, { description: 'named whose employer is non-public (非公有制)' }) namedNonPublic!: number;
  @Field(() => Int, { description: 'named whose employer is a medium, small or micro enterprise (中小企业)' }) namedSmallMedium!: number;
}

@ObjectType('AwardYearFigures')
export class AwardYearFiguresModel {
  @Field(() => Int) year!: number;
  @Field(() => Int, { nullable: true, description: "the campaign's gold target (100 a year province-wide); null below the province" }) goldTarget!: number | null;
  @Field(() => [AwardTierFiguresModel]) tiers!: AwardTierFiguresModel[];
  @Field(() => Float, { nullable: true, description: 'share of the named from non-public employers (三(二)3)' }) nonPublicShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'share of the named from small and medium enterprises' }) smallMediumShare!: number | null;
}

// Awards figures (三(二)): nominees and named per tier per year against the quota and the
// 100-gold target; the shares count each named person's employer of the campaign year. Nominations are hundreds a year, so one GROUP BY over the indexed table
// answers directly; no roll-up is needed.
@Injectable()
export class AnalyticsAwardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  async figures(user: SessionUser, regionCode: string): Promise<AwardYearFiguresModel[]> {
    const region = this.regions.requireReadable(regionCode, user);
    const counts: { year: number; tier: AwardTier; nominees: number; named: number; named_non_public: number; named_small_medium: number }[] =
      await this.dataSource.query(
        `select n.campaign_year as year, n.tier,
           (count(*) filter (where n.state <> 'WITHDRAWN'))::int as nominees,
           (count(*) filter (where n.state = 'NAMED'))::int as named,
           (count(*) filter (where n.state = 'NAMED' and e.public_owned = false))::int as named_non_public,
           (count(*) filter (where n.state = 'NAMED' and f.size_class in ('MEDIUM', 'SMALL', 'MICRO')))::int as named_small_medium
         from nomination n
         -- the employer of the campaign year (its end, or today) and its size class of that year
         left join lateral (
           select a.enterprise_id from coordinator_assignment a cross join lateral (select least(make_date(n.campaign_year, 12, 31), china_today()) as on_date) d
           where a.coordinator_id = n.coordinator_id
           order by (a.valid_from <= d.on_date) desc, case when a.valid_from <= d.on_date then a.valid_from end desc, a.valid_from limit 1
         ) a on true
         left join enterprise e on e.id = a.enterprise_id
         left join lateral (
           select f.size_class from enterprise_year_figures f where f.enterprise_id = a.enterprise_id
           order by (f.year <= n.campaign_year) desc, case when f.year <= n.campaign_year then -f.year else f.year end limit 1
         ) f on true
         where ${scopeSql('n.region_path', '$1')}
         group by 1, 2`,
        [region.path],
      );
    const quotas: { year: number; tier: AwardTier; places: number }[] = await this.dataSource.query(
      `select q.year, q.tier, sum(q.places)::int as places from award_quota q join region r on r.code = q.region_code
       where ${scopeSql('r.path', '$1')} group by 1, 2`,
      [region.path],
    );
    const campaigns: { year: number; gold_target: number }[] = await this.dataSource.query(`select year, gold_target from award_campaign`);
    const years = [...new Set([...counts.map((row) => row.year), ...quotas.map((row) => row.year), ...campaigns.map((row) => row.year)])].sort();
    const province = region.level === 'PROVINCE';
    return years.map((year) => {
      const tiers = [AwardTier.GOLD, AwardTier.SILVER, AwardTier.BRONZE].map((tier) => {
        const count = counts.find((row) => row.year === year && row.tier === tier);
        return {
          tier,
          nominees: count?.nominees ?? 0,
          named: count?.named ?? 0,
          quota: quotas.find((row) => row.year === year && row.tier === tier)?.places ?? 0,
          namedNonPublic: count?.named_non_public ?? 0,
          namedSmallMedium: count?.named_small_medium ?? 0,
        };
      });
      const named = tiers.reduce((sum, tier) => sum + tier.named, 0);
      return {
        year,
        goldTarget: province ? (campaigns.find((row) => row.year === year)?.gold_target ?? null) : null,
        tiers,
        nonPublicShare: named === 0 ? null : tiers.reduce((sum, tier) => sum + tier.namedNonPublic, 0) / named,
        smallMediumShare: named === 0 ? null : tiers.reduce((sum, tier) => sum + tier.namedSmallMedium, 0) / named,
      };
    });
  }
}
