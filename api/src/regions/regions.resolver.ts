import { Args, Field, InputType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DateScalar } from '../common/date.scalar';
import { CurrentUser, Roles, type SessionUser } from '../common/session-user';
import { RegionModel } from './region.model';
import { RegionHistoryService } from './region-history.service';
import { RegionsService } from './regions.service';

@InputType()
export class RegionChangeInput {
  @Field() @IsString() code!: string;
  @Field(() => String, { nullable: true, description: 'the new parent (default: the current one)' }) @IsOptional() @IsString() parentCode?: string | null;
  @Field(() => String, { nullable: true, description: 'the new name (default: the current one)' }) @IsOptional() @IsString() @MaxLength(64) name?: string | null;
  @Field(() => DateScalar, { description: 'the first day of the new parent or name; the figures of a year use the hierarchy at its end' })
  effectiveFrom!: string;
}

@Resolver(() => RegionModel)
export class RegionsResolver {
  constructor(
    private readonly regionService: RegionsService,
    private readonly regionHistory: RegionHistoryService,
  ) {}

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => RegionModel, { description: '区划调整: a region moves to another parent or is renamed from a day (province administrator)' })
  changeRegion(@CurrentUser() user: SessionUser, @Args('input') input: RegionChangeInput): Promise<RegionModel> {
    return this.regionHistory.change(user, input) as Promise<RegionModel>;
  }

  @Query(() => [RegionModel], {
    description: 'Children of parentCode; without it, every region the user can see (a flat tree, by code)',
  })
  regions(
    @CurrentUser() user: SessionUser,
    @Args('parentCode', { type: () => String, nullable: true }) parentCode?: string | null,
  ): RegionModel[] {
    return this.regionService.list(user, parentCode) as RegionModel[];
  }

  @Query(() => RegionModel, { nullable: true })
  region(@CurrentUser() user: SessionUser, @Args('code') code: string): RegionModel | null {
    const region = this.regionService.find(code);
    return region && this.regionService.isVisible(region, user) ? (region as RegionModel) : null;
  }
}
