import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { calendarKnowsYear } from '@registry/domain';
import { DateScalar } from '../common/date.scalar';
import { AwardTier } from '../common/enums';
import type { GraphQLContext } from '../common/loader-registry';
import { PageArgs } from '../common/paging';
import { CurrentUser, EDITOR_ROLES, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { TextArgument } from '../common/input-validation';
import { AwardSettingsService } from './award-settings.service';
import {
  AwardCampaignModel,
  AwardQuotaModel,
  CalendarOverrideModel,
  EligibilityModel,
  EligibilityTableEntryModel,
  EligibilityTablesModel,
  NominationEventModel,
  NominationModel,
  NominationObjectionModel,
  NominationPageModel,
  PublicityWindowModel,
  ReviewQueueModel,
} from './awards.models';
import { CampaignsService, type CampaignRow } from './campaigns.service';
import { EligibilityTableKind } from './dto/award-settings.input';
import { AwardCampaignInput, DecisionInput, NominateInput, NominationState, ObjectionInput } from './dto/nomination.input';
import { EligibilityService } from './eligibility.service';
import { NominationReadsService } from './nomination-reads.service';
import { NominationsService } from './nominations.service';

@Resolver()
export class AwardRulesResolver {
  constructor(
    private readonly eligibilityService: EligibilityService,
    private readonly settings: AwardSettingsService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => EligibilityModel, { description: '四(一) clause by clause for a coordinator in your jurisdiction (else NOT_FOUND)' })
  eligibility(
    @CurrentUser() user: SessionUser,
    @Args('coordinatorId', { type: () => ID }) coordinatorId: string,
    @Args('tier', { type: () => AwardTier }) tier: AwardTier,
    @Args('asOf', { type: () => DateScalar }) asOf: string,
  ) {
    return this.eligibilityService.evaluate(user, coordinatorId, tier, asOf);
  }

  @Query(() => PublicityWindowModel, { description: 'the earliest end so that the publicity spans 5 working days, the start day counted if it is one' })
  async publicityWindow(@Args('start', { type: () => DateScalar }) start: string) {
    const window = await this.settings.publicityWindow(start);
    return { ...window, calendarKnowsYear: calendarKnowsYear(Number(window.end.slice(0, 4))) && calendarKnowsYear(Number(start.slice(0, 4))) };
  }

  @Query(() => [CalendarOverrideModel], { description: 'the administrator override table of the working-day calendar' })
  calendarOverrides() {
    return this.settings.calendarOverrides();
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => CalendarOverrideModel)
  setCalendarOverride(
    @CurrentUser() user: SessionUser,
    @Args('date', { type: () => DateScalar }) date: string,
    @Args('workday') workday: boolean,
    @Args('note', { type: () => String, nullable: true }, new TextArgument('note', 200)) note?: string | null,
  ) {
    return this.settings.setCalendarOverride(user, date, workday, note ?? null);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => Boolean)
  removeCalendarOverride(@CurrentUser() user: SessionUser, @Args('date', { type: () => DateScalar }) date: string) {
    return this.settings.removeCalendarOverride(user, date);
  }

  @Roles(...READER_ROLES)
  @Query(() => EligibilityTablesModel, { description: 'the lists of 四(一)2 in force: the notice defaults plus the administrator changes' })
  async eligibilityTables() {
    const [tables, entries] = await Promise.all([this.settings.eligibilityTables(), this.settings.eligibilityTableEntries()]);
    return { ...tables, entries };
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => [EligibilityTableEntryModel], { description: 'adds an entry, or with excluded: true takes a default out' })
  setEligibilityTableEntry(
    @CurrentUser() user: SessionUser,
    @Args('kind', { type: () => EligibilityTableKind }) kind: EligibilityTableKind,
    @Args('value', new TextArgument('value', 100)) value: string,
    @Args('level', { type: () => Int, nullable: true }) level?: number | null,
    @Args('excluded', { nullable: true, defaultValue: false }) excluded?: boolean,
  ) {
    return this.settings.setEligibilityTableEntry(user, kind, value, level ?? null, excluded ?? false);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => [EligibilityTableEntryModel], { description: 'drops the administrator change: an addition goes, an excluded default returns' })
  resetEligibilityTableEntry(
    @CurrentUser() user: SessionUser,
    @Args('kind', { type: () => EligibilityTableKind }) kind: EligibilityTableKind,
    @Args('value', new TextArgument('value', 100)) value: string,
  ) {
    return this.settings.resetEligibilityTableEntry(user, kind, value);
  }
}

@Resolver(() => AwardCampaignModel)
export class AwardCampaignsResolver {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly nominations: NominationsService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => [AwardCampaignModel])
  awardCampaigns() {
    return this.campaigns.list();
  }

  @Roles(...READER_ROLES)
  @Query(() => AwardCampaignModel, { nullable: true })
  awardCampaign(@Args('year', { type: () => Int }) year: number) {
    return this.campaigns.find(year);
  }

  @ResolveField(() => [AwardQuotaModel])
  quotas(@Parent() campaign: CampaignRow, @CurrentUser() user: SessionUser) {
    return this.campaigns.quotas(campaign.year, user);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => AwardCampaignModel, { description: 'creates or updates a yearly campaign and cells of its quota table (附件1)' })
  saveAwardCampaign(@CurrentUser() user: SessionUser, @Args('input') input: AwardCampaignInput) {
    return this.campaigns.save(user, input);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => AwardCampaignModel, { description: 'publishes the naming decision: certificate numbers for the named, the rest not named' })
  async publishNamingDecision(
    @CurrentUser() user: SessionUser,
    @Args('year', { type: () => Int }) year: number,
    @Args('decisionDocument', { type: () => String, nullable: true }, new TextArgument('decisionDocument', 100)) decisionDocument?: string | null,
  ) {
    await this.nominations.publish(user, year, decisionDocument);
    return this.campaigns.find(year);
  }
}

@Resolver(() => NominationModel)
export class NominationsResolver {
  constructor(
    private readonly workflow: NominationsService,
    private readonly reads: NominationReadsService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => NominationPageModel)
  nominations(
    @CurrentUser() user: SessionUser,
    @Args() page: PageArgs,
    @Args('campaignYear', { type: () => Int, nullable: true }) campaignYear?: number | null,
    @Args('tier', { type: () => AwardTier, nullable: true }) tier?: AwardTier | null,
    @Args('states', { type: () => [NominationState], nullable: true }) states?: NominationState[] | null,
    @Args('regionCode', { type: () => String, nullable: true }) regionCode?: string | null,
  ) {
    return this.reads.list(user, { campaignYear, tier, states, regionCode }, page);
  }

  @Roles(...READER_ROLES)
  @Query(() => NominationModel, { nullable: true, description: 'null when it does not exist or lies outside your jurisdiction' })
  nomination(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string) {
    return this.reads.findOne(user, id);
  }

  @Roles(...EDITOR_ROLES)
  @Query(() => ReviewQueueModel, { description: 'nominations waiting at your office for a tier, ranked, with quota used and left' })
  reviewQueue(
    @CurrentUser() user: SessionUser,
    @Args('campaignYear', { type: () => Int }) campaignYear: number,
    @Args('tier', { type: () => AwardTier }) tier: AwardTier,
  ) {
    return this.reads.queue(user, campaignYear, tier);
  }

  @ResolveField(() => [NominationEventModel])
  events(@Parent() nomination: NominationModel, @Context() context: GraphQLContext) {
    return context.loaders.get('nominationEvents', (ids) => this.reads.eventsOf(ids)).load(nomination.id);
  }

  @ResolveField(() => [NominationObjectionModel])
  objections(@Parent() nomination: NominationModel, @Context() context: GraphQLContext) {
    return context.loaders.get('nominationObjections', (ids) => this.reads.objectionsOf(ids)).load(nomination.id);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => NominationModel, { description: '自荐/推荐 a coordinator for a tier; the eligibility verdict is stored with it' })
  nominate(@CurrentUser() user: SessionUser, @Args('input') input: NominateInput) {
    return this.workflow.nominate(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => NominationModel, { description: 'starts the publicity at the unit; the end is the fifth working day' })
  startPublicity(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('start', { type: () => DateScalar }) start: string,
  ) {
    return this.workflow.startPublicity(user, id, start);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => NominationModel)
  recordObjection(@CurrentUser() user: SessionUser, @Args('input') input: ObjectionInput) {
    return this.workflow.recordObjection(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => NominationModel, { description: 'upheld: the nomination is withdrawn; otherwise it goes on' })
  resolveObjection(
    @CurrentUser() user: SessionUser,
    @Args('objectionId', { type: () => ID }) objectionId: string,
    @Args('upheld') upheld: boolean,
    @Args('resolution', new TextArgument('resolution', 1000)) resolution: string,
  ) {
    return this.workflow.resolveObjection(user, objectionId, upheld, resolution);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => NominationModel, { description: '申报 to the first office, after the publicity ended with no open objection' })
  declareNomination(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string) {
    return this.workflow.declare(user, id);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => NominationModel, { description: 'the office it waits at forwards it to the next level, within its quota' })
  forwardNomination(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }, new TextArgument('reason', 1000)) reason?: string | null,
  ) {
    return this.workflow.forward(user, id, reason);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => NominationModel, { description: 'back to the nominator with a reason' })
  returnNomination(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('reason', new TextArgument('reason', 1000)) reason: string) {
    return this.workflow.returnNomination(user, id, reason);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => NominationModel)
  resubmitNomination(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('achievements', { type: () => String, nullable: true }, new TextArgument('achievements', 4000)) achievements?: string | null,
    @Args('attestations', { type: () => [String], nullable: true }, new TextArgument('attestations', 100)) attestations?: string[] | null,
  ) {
    return this.workflow.resubmit(user, id, achievements, attestations);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => NominationModel)
  withdrawNomination(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('reason', new TextArgument('reason', 1000)) reason: string) {
    return this.workflow.withdraw(user, id, reason);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => ReviewQueueModel, { description: '综合排序 of the nominations waiting at your office: ranks 1..n in this order' })
  async rankNominations(
    @CurrentUser() user: SessionUser,
    @Args('campaignYear', { type: () => Int }) campaignYear: number,
    @Args('tier', { type: () => AwardTier }) tier: AwardTier,
    @Args('nominationIds', { type: () => [ID] }) nominationIds: string[],
  ) {
    await this.workflow.rank(user, campaignYear, tier, nominationIds);
    return this.reads.queue(user, campaignYear, tier);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => [NominationModel], { description: 'the province names some of the candidates of a tier (差额: fewer than the candidates)' })
  decideNominations(@CurrentUser() user: SessionUser, @Args('input') input: DecisionInput) {
    return this.workflow.decide(user, input);
  }
}
