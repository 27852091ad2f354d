import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { industrySection } from '@registry/domain';
import type { GraphQLContext } from '../common/loader-registry';
import { groupByKey } from '../common/loader-registry';
import { PageArgs } from '../common/paging';
import { CurrentUser, EDITOR_ROLES, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { RegionModel } from '../regions/region.model';
import { RegionsService } from '../regions/regions.service';
import { EnterpriseFilter, EnterpriseOrder } from './dto/enterprise-filter.input';
import { EnterpriseInput, UpdateEnterpriseInput } from './dto/enterprise.input';
import { DateScalar } from '../common/date.scalar';
import { EnterpriseModel, EnterprisePageModel, EnterpriseYearFiguresModel, IncidentModel } from './enterprise.model';
import { EnterprisesService } from './enterprises.service';
import type { EnterpriseEntity } from './enterprise.entity';

@Resolver(() => EnterpriseModel)
export class EnterprisesResolver {
  constructor(
    private readonly enterpriseService: EnterprisesService,
    private readonly regionService: RegionsService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => EnterprisePageModel)
  enterprises(
    @CurrentUser() user: SessionUser,
    @Args() page: PageArgs,
    @Args('filter', { type: () => EnterpriseFilter, nullable: true }) filter?: EnterpriseFilter,
    @Args('order', { type: () => EnterpriseOrder, nullable: true }) order?: EnterpriseOrder,
  ) {
    return this.enterpriseService.list(user, filter ?? {}, page, order);
  }

  @Roles(...READER_ROLES)
  @Query(() => EnterpriseModel, { nullable: true })
  enterprise(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string): Promise<EnterpriseEntity | null> {
    return this.enterpriseService.findOne(user, id);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => EnterpriseModel)
  createEnterprise(@CurrentUser() user: SessionUser, @Args('input') input: EnterpriseInput): Promise<EnterpriseEntity> {
    return this.enterpriseService.create(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => EnterpriseModel)
  updateEnterprise(@CurrentUser() user: SessionUser, @Args('input') input: UpdateEnterpriseInput): Promise<EnterpriseEntity> {
    return this.enterpriseService.update(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => EnterpriseModel, { description: 'marks the enterprise closed/removed from a day; it leaves lists, and the figures of the years after' })
  deactivateEnterprise(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('on', { type: () => DateScalar, nullable: true, description: 'closed on this day (default today): it counts in the years it was open' })
    on?: string | null,
  ): Promise<EnterpriseEntity> {
    return this.enterpriseService.setActive(user, id, version, false, on);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => EnterpriseModel)
  reactivateEnterprise(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('on', { type: () => DateScalar, nullable: true, description: 'open again from this day (default today)' }) on?: string | null,
  ): Promise<EnterpriseEntity> {
    return this.enterpriseService.setActive(user, id, version, true, on);
  }

  @ResolveField(() => [EnterpriseYearFiguresModel], { description: 'figures by year, oldest first' })
  yearFigures(@Parent() enterprise: EnterpriseEntity, @Context() context: GraphQLContext): Promise<EnterpriseYearFiguresModel[]> {
    return context.loaders
      .get<(EnterpriseYearFiguresModel & { enterpriseId: string })[]>('enterprise.yearFigures', async (ids) =>
        groupByKey(ids, await this.enterpriseService.yearFiguresFor(ids), (row) => row.enterpriseId),
      )
      .load(enterprise.id);
  }

  @ResolveField(() => RegionModel, { nullable: true })
  region(@Parent() enterprise: EnterpriseEntity): RegionModel | null {
    return (this.regionService.find(enterprise.regionCode) as RegionModel) ?? null;
  }

  @ResolveField(() => String, { description: 'GB/T 4754 section name' })
  industryName(@Parent() enterprise: EnterpriseEntity): string {
    return industrySection(enterprise.industryCode)?.name ?? '';
  }

  @ResolveField(() => [IncidentModel])
  incidents(@Parent() enterprise: EnterpriseEntity, @Context() context: GraphQLContext) {
    return context.loaders
      .get('enterprise.incidents', async (ids) => groupByKey(ids, await this.enterpriseService.incidentsFor(ids), (row) => String(row.enterpriseId)))
      .load(enterprise.id);
  }

  @ResolveField(() => Int, { description: 'active coordinators employed here' })
  coordinatorCount(@Parent() enterprise: EnterpriseEntity, @Context() context: GraphQLContext) {
    return context.loaders
      .get('enterprise.coordinatorCount', async (ids) => {
        const counts = await this.enterpriseService.activeCoordinatorCounts(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      })
      .load(enterprise.id);
  }

  @ResolveField(() => Boolean, { description: 'has at least one active coordinator' })
  async covered(@Parent() enterprise: EnterpriseEntity, @Context() context: GraphQLContext): Promise<boolean> {
    return (await this.coordinatorCount(enterprise, context)) > 0;
  }
}
