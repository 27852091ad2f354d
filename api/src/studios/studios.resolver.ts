import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/loader-registry';
import { PageArgs } from '../common/paging';
import { CurrentUser, EDITOR_ROLES, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { CoordinatorModel } from '../coordinators/coordinator.model';
import { CoordinatorsService } from '../coordinators/coordinators.service';
import { EnterpriseModel } from '../enterprises/enterprise.model';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { RegionModel } from '../regions/region.model';
import { RegionsService } from '../regions/regions.service';
import { StudioFilter, StudioInput, StudioOrder, UpdateStudioInput } from './dto/studio.input';
import { StudioFiguresModel, StudioModel, StudioPageModel, type StudioRecord } from './studio.model';
import { StudiosService } from './studios.service';

@Resolver(() => StudioModel)
export class StudiosResolver {
  constructor(
    private readonly studioService: StudiosService,
    private readonly regions: RegionsService,
    private readonly enterprises: EnterprisesService,
    private readonly coordinatorService: CoordinatorsService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => StudioPageModel, { description: '金牌劳动关系协调员工作室 and 协调劳动关系指导站 in your jurisdiction' })
  studios(
    @CurrentUser() user: SessionUser,
    @Args() page: PageArgs,
    @Args('filter', { type: () => StudioFilter, nullable: true }) filter?: StudioFilter,
    @Args('order', { type: () => StudioOrder, nullable: true }) order?: StudioOrder,
  ) {
    return this.studioService.list(user, filter ?? {}, page, order);
  }

  @Roles(...READER_ROLES)
  @Query(() => StudioModel, { nullable: true, description: 'null when it does not exist or lies outside your jurisdiction' })
  studio(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string) {
    return this.studioService.findOne(user, id);
  }

  @Roles(...READER_ROLES)
  @Query(() => StudioFiguresModel, { description: 'studios in operation per child region: by kind, staff, enterprises and townships served' })
  studioFigures(@CurrentUser() user: SessionUser, @Args('regionCode', { type: () => String, nullable: true }) regionCode?: string) {
    return this.studioService.figures(user, regionCode);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => StudioModel)
  createStudio(@CurrentUser() user: SessionUser, @Args('input') input: StudioInput) {
    return this.studioService.create(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => StudioModel)
  updateStudio(@CurrentUser() user: SessionUser, @Args('input') input: UpdateStudioInput) {
    return this.studioService.update(user, input);
  }

  @ResolveField(() => RegionModel, { nullable: true })
  region(@Parent() studio: StudioRecord): RegionModel | null {
    return (this.regions.find(studio.regionCode) as RegionModel) ?? null;
  }

  @ResolveField(() => EnterpriseModel, { nullable: true, description: 'the host enterprise (hostKind ENTERPRISE)' })
  hostEnterprise(@Parent() studio: StudioRecord, @Context() context: GraphQLContext) {
    if (!studio.hostEnterpriseId) return null;
    return this.enterpriseLoader(context).load(studio.hostEnterpriseId);
  }

  @ResolveField(() => [CoordinatorModel], { description: 'the coordinators who staff it' })
  async coordinators(@Parent() studio: StudioRecord, @Context() context: GraphQLContext) {
    const ids = await this.links(context, 'coordinators').load(studio.id);
    const loaded = await context.loaders
      .get('studio.coordinator', async (keys) => {
        const rows = new Map((await this.coordinatorService.findMany(keys)).map((row) => [row.id, row]));
        return keys.map((key) => rows.get(key) ?? null);
      })
      .loadMany(ids);
    return loaded.filter((row) => row && !(row instanceof Error));
  }

  @ResolveField(() => Int)
  async coordinatorCount(@Parent() studio: StudioRecord, @Context() context: GraphQLContext) {
    return (await this.links(context, 'coordinators').load(studio.id)).length;
  }

  @ResolveField(() => [EnterpriseModel], { description: 'the enterprises it serves, its host first' })
  async servedEnterprises(@Parent() studio: StudioRecord, @Context() context: GraphQLContext) {
    const ids = await this.links(context, 'enterprises').load(studio.id);
    const loaded = await this.enterpriseLoader(context).loadMany(ids);
    return loaded.filter((row) => row && !(row instanceof Error));
  }

  @ResolveField(() => Int)
  async servedEnterpriseCount(@Parent() studio: StudioRecord, @Context() context: GraphQLContext) {
    return (await this.links(context, 'enterprises').load(studio.id)).length;
  }

  private links(context: GraphQLContext, kind: 'coordinators' | 'enterprises') {
    return context.loaders.get(`studio.${kind}`, async (ids) => {
      const groups = kind === 'coordinators' ? await this.studioService.coordinatorIdsFor(ids) : await this.studioService.servedEnterpriseIdsFor(ids);
      return ids.map((id) => groups.get(id) ?? []);
    });
  }

  private enterpriseLoader(context: GraphQLContext) {
    return context.loaders.get('studio.enterprise', async (keys) => {
      const rows = new Map((await this.enterprises.findMany(keys)).map((row) => [row.id, row]));
      return keys.map((key) => rows.get(key) ?? null);
    });
  }
}
