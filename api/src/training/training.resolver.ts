import { Args, Context, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { todayIsoDate } from '@registry/domain';
import type { GraphQLContext } from '../common/loader-registry';
import { groupByKey } from '../common/loader-registry';
import { PageArgs } from '../common/paging';
import { CurrentUser, EDITOR_ROLES, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { CoordinatorModel } from '../coordinators/coordinator.model';
import { CoordinatorsService } from '../coordinators/coordinators.service';
import type { CoordinatorEntity } from '../coordinators/entities/coordinator.entity';
import { RegionModel } from '../regions/region.model';
import { RegionsService } from '../regions/regions.service';
import {
  EnrollParticipantsInput,
  SubsidyClaimFilter,
  SubsidyClaimInput,
  SubsidyDecisionInput,
  TrainingProviderFilter,
  TrainingProviderInput,
  TrainingResultInput,
  TrainingSessionFilter,
  TrainingSessionInput,
  UpdateTrainingProviderInput,
  UpdateTrainingSessionInput,
} from './dto/training.input';
import { SubsidiesService } from './subsidies.service';
import { TrainingFiguresService } from './training-figures.service';
import {
  CoordinatorTrainingHoursPageModel,
  SubsidyClaimModel,
  SubsidyClaimPageModel,
  TrainingFiguresModel,
  TrainingParticipationModel,
  TrainingProviderModel,
  TrainingProviderPageModel,
  TrainingResult,
  TrainingSessionModel,
  TrainingSessionPageModel,
  type SubsidyClaimRecord,
  type TrainingParticipationRecord,
  type TrainingProviderRecord,
  type TrainingSessionRecord,
} from './training.model';
import { TrainingService } from './training.service';

const currentYear = () => Number(todayIsoDate().slice(0, 4));

function byId<T extends { id: string }>(keys: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => map.get(key) ?? null);
}

/** The coordinator of a participation or claim, batched per request (null when outside the scope). */
function coordinatorLoader(context: GraphQLContext, coordinators: CoordinatorsService) {
  return context.loaders.get('training.coordinator', async (keys) => byId(keys, await coordinators.findMany(keys)));
}

@Resolver(() => TrainingProviderModel)
export class TrainingProvidersResolver {
  constructor(
    private readonly trainingService: TrainingService,
    private readonly regionService: RegionsService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => TrainingProviderPageModel, { description: '培训机构 of the jurisdiction and those registered above it' })
  trainingProviders(@CurrentUser() user: SessionUser, @Args() page: PageArgs, @Args('filter', { type: () => TrainingProviderFilter, nullable: true }) filter?: TrainingProviderFilter) {
    return this.trainingService.providers(user, filter ?? {}, page);
  }

  @Roles(...READER_ROLES)
  @Query(() => TrainingProviderModel, { nullable: true })
  trainingProvider(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string) {
    return this.trainingService.provider(user, id);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => TrainingProviderModel)
  createTrainingProvider(@CurrentUser() user: SessionUser, @Args('input') input: TrainingProviderInput) {
    return this.trainingService.createProvider(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => TrainingProviderModel)
  updateTrainingProvider(@CurrentUser() user: SessionUser, @Args('input') input: UpdateTrainingProviderInput) {
    return this.trainingService.updateProvider(user, input);
  }

  @ResolveField(() => RegionModel, { nullable: true })
  region(@Parent() provider: TrainingProviderRecord) {
    return this.regionService.find(provider.regionCode) ?? null;
  }
}

@Resolver(() => TrainingSessionModel)
export class TrainingSessionsResolver {
  constructor(
    private readonly trainingService: TrainingService,
    private readonly regionService: RegionsService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => TrainingSessionPageModel, { description: 'courses and sessions run in the jurisdiction, newest first' })
  trainingSessions(@CurrentUser() user: SessionUser, @Args() page: PageArgs, @Args('filter', { type: () => TrainingSessionFilter, nullable: true }) filter?: TrainingSessionFilter) {
    return this.trainingService.sessions(user, filter ?? {}, page);
  }

  @Roles(...READER_ROLES)
  @Query(() => TrainingSessionModel, { nullable: true, description: 'null when it does not exist or lies outside your jurisdiction' })
  trainingSession(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string) {
    return this.trainingService.session(user, id);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => TrainingSessionModel)
  createTrainingSession(@CurrentUser() user: SessionUser, @Args('input') input: TrainingSessionInput) {
    return this.trainingService.createSession(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => TrainingSessionModel)
  updateTrainingSession(@CurrentUser() user: SessionUser, @Args('input') input: UpdateTrainingSessionInput) {
    return this.trainingService.updateSession(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => [TrainingParticipationModel], { description: 'enrols coordinators of the jurisdiction; those already enrolled stay as they are' })
  enrollTrainingParticipants(@CurrentUser() user: SessionUser, @Args('input') input: EnrollParticipantsInput) {
    return this.trainingService.enroll(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => TrainingParticipationModel, { description: 'a PASSED result with a level writes the skill-level certificate among the person’s certificates' })
  recordTrainingResult(@CurrentUser() user: SessionUser, @Args('input') input: TrainingResultInput) {
    return this.trainingService.recordResult(user, input);
  }

  @ResolveField(() => TrainingProviderModel, { nullable: true })
  provider(@Parent() session: TrainingSessionRecord, @Context() context: GraphQLContext) {
    return context.loaders.get('training.provider', async (keys) => byId(keys, await this.trainingService.providersByIds(keys))).load(session.providerId);
  }

  @ResolveField(() => RegionModel, { nullable: true })
  region(@Parent() session: TrainingSessionRecord) {
    return this.regionService.find(session.regionCode) ?? null;
  }

  @ResolveField(() => [TrainingParticipationModel])
  participants(@Parent() session: TrainingSessionRecord, @Context() context: GraphQLContext) {
    return this.participantLoader(context).load(session.id);
  }

  @ResolveField(() => Int)
  async participantCount(@Parent() session: TrainingSessionRecord, @Context() context: GraphQLContext) {
    return (await this.participantLoader(context).load(session.id)).length;
  }

  @ResolveField(() => Int, { description: 'participants who passed' })
  async passedCount(@Parent() session: TrainingSessionRecord, @Context() context: GraphQLContext) {
    return (await this.participantLoader(context).load(session.id)).filter((row) => row.result === TrainingResult.PASSED).length;
  }

  private participantLoader(context: GraphQLContext) {
    return context.loaders.get('training.participants', async (ids) => groupByKey(ids, await this.trainingService.participantsOf(ids), (row) => row.sessionId));
  }
}

@Resolver(() => TrainingParticipationModel)
export class TrainingParticipationsResolver {
  constructor(
    private readonly trainingService: TrainingService,
    private readonly coordinatorService: CoordinatorsService,
  ) {}

  @ResolveField(() => CoordinatorModel, { nullable: true })
  coordinator(@Parent() participation: TrainingParticipationRecord, @Context() context: GraphQLContext) {
    return coordinatorLoader(context, this.coordinatorService).load(participation.coordinatorId);
  }

  @ResolveField(() => TrainingSessionModel, { nullable: true, description: 'null when the session is run outside your jurisdiction' })
  session(@Parent() participation: TrainingParticipationRecord, @Context() context: GraphQLContext) {
    const user = context.req.user!;
    return context.loaders.get('training.session', async (keys) => byId(keys, await this.trainingService.sessionsByIds(user, keys))).load(participation.sessionId);
  }
}

@Resolver(() => SubsidyClaimModel)
export class SubsidyClaimsResolver {
  constructor(
    private readonly subsidies: SubsidiesService,
    private readonly trainingService: TrainingService,
    private readonly coordinatorService: CoordinatorsService,
    private readonly regionService: RegionsService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => SubsidyClaimPageModel, { description: 'subsidy claims of people in the jurisdiction, newest first' })
  subsidyClaims(@CurrentUser() user: SessionUser, @Args() page: PageArgs, @Args('filter', { type: () => SubsidyClaimFilter, nullable: true }) filter?: SubsidyClaimFilter) {
    return this.subsidies.list(user, filter ?? {}, page);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => SubsidyClaimModel)
  applySubsidy(@CurrentUser() user: SessionUser, @Args('input') input: SubsidyClaimInput) {
    return this.subsidies.apply(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => SubsidyClaimModel, { description: 'grants or refuses (with a reason) a claim still APPLIED' })
  decideSubsidy(@CurrentUser() user: SessionUser, @Args('input') input: SubsidyDecisionInput) {
    return this.subsidies.decide(user, input);
  }

  @ResolveField(() => RegionModel, { nullable: true, description: "the person's region when applied" })
  region(@Parent() claim: SubsidyClaimRecord) {
    return this.regionService.find(claim.regionCode) ?? null;
  }

  @ResolveField(() => CoordinatorModel, { nullable: true })
  coordinator(@Parent() claim: SubsidyClaimRecord, @Context() context: GraphQLContext) {
    return coordinatorLoader(context, this.coordinatorService).load(claim.coordinatorId);
  }

  @ResolveField(() => TrainingParticipationModel, { nullable: true })
  participation(@Parent() claim: SubsidyClaimRecord, @Context() context: GraphQLContext) {
    if (!claim.participationId) return null;
    return context.loaders.get('training.participation', async (keys) => byId(keys, await this.trainingService.participationsByIds(keys))).load(claim.participationId);
  }
}

@Resolver(() => TrainingFiguresModel)
export class TrainingFiguresResolver {
  constructor(private readonly figuresService: TrainingFiguresService) {}

  @Roles(...READER_ROLES)
  @Query(() => TrainingFiguresModel, { description: '五 and 六(二): people trained and certified per level per year, subsidies per kind and region, the priority group' })
  trainingFigures(
    @CurrentUser() user: SessionUser,
    @Args('regionCode', { type: () => String, nullable: true }) regionCode?: string,
    @Args('fromYear', { type: () => Int, nullable: true }) fromYear?: number,
    @Args('toYear', { type: () => Int, nullable: true }) toYear?: number,
    @Args('minIncidents', { type: () => Int, nullable: true, defaultValue: 1, description: 'recorded major incidents (群体性、突发性事件, 重大信访) within three years that flag an employer' }) minIncidents?: number,
  ) {
    const last = toYear ?? currentYear();
    return this.figuresService.figures(user, regionCode, fromYear ?? last - 4, last, minIncidents ?? 1);
  }

  @Roles(...READER_ROLES)
  @Query(() => CoordinatorTrainingHoursPageModel, { description: 'continuing-education hours per person in a year, most first' })
  trainingHours(
    @CurrentUser() user: SessionUser,
    @Args() page: PageArgs,
    @Args('year', { type: () => Int }) year: number,
    @Args('regionCode', { type: () => String, nullable: true }) regionCode?: string,
  ) {
    return this.figuresService.hours(user, regionCode, year, page);
  }
}

/** Adds the person's trainings to Coordinator (additive). */
@Resolver(() => CoordinatorModel)
export class CoordinatorTrainingResolver {
  constructor(private readonly trainingService: TrainingService) {}

  @ResolveField(() => [TrainingParticipationModel], { description: 'sessions of the training registry, newest first' })
  trainingParticipations(@Parent() coordinator: CoordinatorEntity, @Context() context: GraphQLContext) {
    return context.loaders
      .get('coordinator.trainingParticipations', async (ids) => groupByKey(ids, await this.trainingService.participationsOfCoordinators(ids), (row) => row.coordinatorId))
      .load(coordinator.id);
  }

  @ResolveField(() => Float, { description: 'continuing-education hours credited this year (China’s calendar year)' })
  async trainingHoursThisYear(@Parent() coordinator: CoordinatorEntity, @Context() context: GraphQLContext) {
    const year = String(currentYear());
    const rows = await this.trainingParticipations(coordinator, context);
    return rows.filter((row) => (row.result === 'ATTENDED' || row.result === 'PASSED') && row.completedOn?.startsWith(year)).reduce((sum, row) => sum + row.hours, 0);
  }
}
