import { todayIsoDate } from '@registry/domain';
import { Args, Context, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../common/loader-registry';
import { groupByKey } from '../common/loader-registry';
import { PageArgs } from '../common/paging';
import { selectedFields } from '../common/projection';
import { CurrentUser, EDITOR_ROLES, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { EnterpriseModel } from '../enterprises/enterprise.model';
import { EnterprisesService } from '../enterprises/enterprises.service';
import type { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { RegionModel } from '../regions/region.model';
import { RegionsService } from '../regions/regions.service';
import {
  CertificateModel,
  CoordinatorModel,
  CoordinatorPageModel,
  DisciplinaryRecordModel,
  EducationModel,
  HonorModel,
  CoordinatorAssignmentModel,
  TrainingModel,
  WorkPeriodModel,
  WorkRecordModel,
} from './coordinator.model';
import { CoordinatorRecordsService, type SubRecordKey } from './coordinator-records.service';
import { CoordinatorsService } from './coordinators.service';
import { CoordinatorFilter, CoordinatorOrder } from './dto/coordinator-filter.input';
import { CoordinatorInput, DeactivateCoordinatorInput, UpdateCoordinatorInput } from './dto/coordinator.input';
import type { CoordinatorEntity } from './entities/coordinator.entity';

@Resolver(() => CoordinatorModel)
export class CoordinatorsResolver {
  constructor(
    private readonly coordinatorService: CoordinatorsService,
    private readonly records: CoordinatorRecordsService,
    private readonly enterpriseService: EnterprisesService,
    private readonly regionService: RegionsService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => CoordinatorPageModel)
  coordinators(
    @CurrentUser() user: SessionUser,
    @Args() page: PageArgs,
    @Args('filter', { type: () => CoordinatorFilter, nullable: true }) filter?: CoordinatorFilter,
    @Args('order', { type: () => CoordinatorOrder, nullable: true }) order?: CoordinatorOrder,
    @Info() info?: GraphQLResolveInfo,
  ) {
    // only the columns the query asks for, of each row and of its employer
    const selection = info ? { fields: selectedFields(info, ['items']), enterprise: selectedFields(info, ['items', 'enterprise']) } : undefined;
    return this.coordinatorService.list(user, filter ?? {}, page, order, selection);
  }

  @Roles(...READER_ROLES)
  @Query(() => CoordinatorModel, { nullable: true, description: 'null when it does not exist or lies outside your jurisdiction' })
  coordinator(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string) {
    return this.coordinatorService.findOne(user, id);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => CoordinatorModel)
  createCoordinator(@CurrentUser() user: SessionUser, @Args('input') input: CoordinatorInput) {
    return this.coordinatorService.create(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => CoordinatorModel)
  updateCoordinator(@CurrentUser() user: SessionUser, @Args('input') input: UpdateCoordinatorInput) {
    return this.coordinatorService.update(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => CoordinatorModel, { description: '离岗: the person leaves the corps (kept for history)' })
  deactivateCoordinator(@CurrentUser() user: SessionUser, @Args('input') input: DeactivateCoordinatorInput) {
    return this.coordinatorService.deactivate(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => CoordinatorModel)
  reactivateCoordinator(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ) {
    return this.coordinatorService.reactivate(user, id, version);
  }

  // The fields of every list row (region, enterprise, age) take no parameter decorators: Nest
  // then hands graphql-js the method itself, called as (parent, args, context), instead of
  // wrapping each call in its pipes and a promise, so a page of rows resolves synchronously.
  @ResolveField(() => RegionModel, { nullable: true })
  region(coordinator: CoordinatorEntity): RegionModel | null {
    return (this.regionService.find(coordinator.regionCode) as RegionModel) ?? null;
  }

  @ResolveField(() => EnterpriseModel, { nullable: true })
  enterprise(coordinator: CoordinatorEntity, _args: unknown, context: GraphQLContext): Promise<EnterpriseEntity | null> | EnterpriseEntity | null {
    if (coordinator.employer !== undefined) return coordinator.employer;
    if (!coordinator.enterpriseId) return null;
    return context.loaders
      .get<EnterpriseEntity | null>('coordinator.enterprise', async (ids) => {
        const found = new Map((await this.enterpriseService.findMany(ids)).map((enterprise) => [enterprise.id, enterprise]));
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(coordinator.enterpriseId);
  }

  @ResolveField(() => Boolean, {
    description: 'true for a person in a past year\'s list who has since left the reader\'s jurisdiction: shown with that year\'s region and employer only, the detail page stays closed',
  })
  outsideJurisdiction(coordinator: CoordinatorEntity & { outsideJurisdiction?: boolean }): boolean {
    return coordinator.outsideJurisdiction === true;
  }

  @ResolveField(() => Int, { description: 'age in whole years today' })
  age(coordinator: CoordinatorEntity): number {
    const today = todayIsoDate();
    const years = Number(today.slice(0, 4)) - Number(coordinator.birthDate.slice(0, 4));
    return today.slice(5) < coordinator.birthDate.slice(5) ? years - 1 : years;
  }

  @ResolveField(() => [CertificateModel])
  certificates(@Parent() coordinator: CoordinatorEntity, @Context() context: GraphQLContext) {
    return this.subRecords('certificates', coordinator, context);
  }

  @ResolveField(() => [EducationModel])
  educations(@Parent() coordinator: CoordinatorEntity, @Context() context: GraphQLContext) {
    return this.subRecords('educations', coordinator, context);
  }

  @ResolveField(() => [WorkPeriodModel])
  workPeriods(@Parent() coordinator: CoordinatorEntity, @Context() context: GraphQLContext) {
    return this.subRecords('workPeriods', coordinator, context);
  }

  @ResolveField(() => [TrainingModel])
  trainings(@Parent() coordinator: CoordinatorEntity, @Context() context: GraphQLContext) {
    return this.subRecords('trainings', coordinator, context);
  }

  @ResolveField(() => [HonorModel])
  honors(@Parent() coordinator: CoordinatorEntity, @Context() context: GraphQLContext) {
    return this.subRecords('honors', coordinator, context);
  }

  @ResolveField(() => [DisciplinaryRecordModel])
  disciplinaryRecords(@Parent() coordinator: CoordinatorEntity, @Context() context: GraphQLContext) {
    return this.subRecords('disciplinaryRecords', coordinator, context);
  }

  @ResolveField(() => [WorkRecordModel])
  workRecords(@Parent() coordinator: CoordinatorEntity, @Context() context: GraphQLContext) {
    return this.subRecords('workRecords', coordinator, context);
  }

  @ResolveField(() => [CoordinatorAssignmentModel], { description: 'employers or units and regions over time, oldest first' })
  assignments(@Parent() coordinator: CoordinatorEntity, @Context() context: GraphQLContext): Promise<CoordinatorAssignmentModel[]> {
    return context.loaders
      .get<(CoordinatorAssignmentModel & { coordinatorId: string })[]>('coordinator.assignments', async (ids) => {
        const rows = await this.coordinatorService.assignmentsFor(ids);
        const enterpriseIds = [...new Set(rows.flatMap((row) => (row.enterpriseId ? [row.enterpriseId] : [])))];
        const enterprises = new Map((enterpriseIds.length ? await this.enterpriseService.findMany(enterpriseIds) : []).map((enterprise) => [enterprise.id, enterprise]));
        const models = rows.map((row) => ({ ...row, enterprise: row.enterpriseId ? (enterprises.get(row.enterpriseId) ?? null) : null }));
        return groupByKey(ids, models, (row) => row.coordinatorId);
      })
      .load(coordinator.id);
  }

  private subRecords(key: SubRecordKey, coordinator: CoordinatorEntity, context: GraphQLContext) {
    return context.loaders
      .get(`coordinator.${key}`, async (ids) => groupByKey(ids, await this.records.loadFor(key, ids), (row) => String(row.coordinatorId)))
      .load(coordinator.id);
  }
}
