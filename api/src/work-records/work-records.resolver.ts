import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { chinaYear } from '@registry/domain';
import type { GraphQLContext } from '../common/loader-registry';
import { PageArgs } from '../common/paging';
import { CurrentUser, EDITOR_ROLES, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { CoordinatorModel, WorkRecordModel } from '../coordinators/coordinator.model';
import { CoordinatorsService } from '../coordinators/coordinators.service';
import { EnterpriseModel } from '../enterprises/enterprise.model';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { isWithinScope } from '@registry/domain';
import { RegionModel } from '../regions/region.model';
import { RegionsService } from '../regions/regions.service';
import { CreateWorkRecordInput, UpdateWorkRecordInput, WorkRecordFilter } from './dto/work-record.input';
import { WorkFiguresService } from './work-figures.service';
import { SilentCoordinatorPageModel, WorkFiguresModel, WorkRecordPageModel } from './work-record.model';
import { WorkRecordsService, type WorkRecordRow } from './work-records.service';

function byId<T extends { id: string }>(keys: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => map.get(key) ?? null);
}

@Resolver(() => WorkRecordModel)
export class WorkRecordsResolver {
  constructor(
    private readonly records: WorkRecordsService,
    private readonly figures: WorkFiguresService,
    private readonly coordinators: CoordinatorsService,
    private readonly enterprises: EnterprisesService,
    private readonly regions: RegionsService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => WorkRecordPageModel, { description: '六(三) work records within the jurisdiction; with regionCode and year, those behind workFigures' })
  workRecords(@CurrentUser() user: SessionUser, @Args() page: PageArgs, @Args('filter', { type: () => WorkRecordFilter, nullable: true }) filter?: WorkRecordFilter) {
    return this.records.list(user, filter ?? {}, page);
  }

  @Roles(...READER_ROLES)
  @Query(() => WorkRecordModel, { nullable: true, description: 'null when missing or outside the jurisdiction' })
  workRecord(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string) {
    return this.records.findOne(user, id);
  }

  @Roles(...READER_ROLES)
  @Query(() => WorkFiguresModel, { description: '六(三): disputes mediated, consultations, active and silent coordinators of a region and year, per coordinator and per 100 enterprises' })
  workFigures(
    @CurrentUser() user: SessionUser,
    @Args('regionCode', { type: () => String, nullable: true }) regionCode?: string,
    @Args('year', { type: () => Int, nullable: true, description: 'default: this year' }) year?: number,
  ) {
    return this.figures.figures(user, regionCode, year ?? chinaYear());
  }

  @Roles(...READER_ROLES)
  @Query(() => SilentCoordinatorPageModel, { description: 'coordinators counted in the region at the year’s date with no recorded work in the 12 months before (within the jurisdiction)' })
  silentCoordinators(
    @CurrentUser() user: SessionUser,
    @Args() page: PageArgs,
    @Args('regionCode', { type: () => String, nullable: true }) regionCode?: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ) {
    return this.figures.silent(user, regionCode, year ?? chinaYear(), page);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => WorkRecordModel)
  createWorkRecord(@CurrentUser() user: SessionUser, @Args('input') input: CreateWorkRecordInput) {
    return this.records.create(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => WorkRecordModel)
  updateWorkRecord(@CurrentUser() user: SessionUser, @Args('input') input: UpdateWorkRecordInput) {
    return this.records.update(user, input);
  }

  @Roles(...EDITOR_ROLES)
  @Mutation(() => ID, { description: 'deletes a work record; answers its id' })
  deleteWorkRecord(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number) {
    return this.records.remove(user, id, version);
  }

  @ResolveField(() => CoordinatorModel, { nullable: true, description: 'null when the person is outside your jurisdiction now (moved away)' })
  coordinator(@Parent() record: WorkRecordRow, @Context() context: GraphQLContext, @CurrentUser() user: SessionUser) {
    return context.loaders
      .get('workRecord.coordinator', async (keys) => byId(keys, (await this.coordinators.findMany(keys)).filter((row) => isWithinScope(row.regionPath, user.scopePath))))
      .load(record.coordinatorId);
  }

  @ResolveField(() => EnterpriseModel, { nullable: true, description: 'the enterprise served (null: none, or outside your jurisdiction)' })
  enterprise(@Parent() record: WorkRecordRow, @Context() context: GraphQLContext, @CurrentUser() user: SessionUser) {
    if (!record.enterpriseId) return null;
    return context.loaders
      .get('workRecord.enterprise', async (keys) => byId(keys, (await this.enterprises.findMany(keys)).filter((row) => isWithinScope(row.regionPath, user.scopePath))))
      .load(record.enterpriseId);
  }

  @ResolveField(() => RegionModel, { nullable: true, description: 'the region it is counted in' })
  region(@Parent() record: WorkRecordRow) {
    return this.regions.find(record.regionCode) ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'display name of the account that recorded it' })
  recordedByName(@Parent() record: WorkRecordRow, @Context() context: GraphQLContext, @CurrentUser() user: SessionUser) {
    if (!record.recordedBy) return null;
    return context.loaders
      .get('workRecord.recorder', async (keys) => {
        const names = await this.records.recorderNames(user, keys);
        return keys.map((key) => names.get(key) ?? null);
      })
      .load(record.recordedBy);
  }
}
