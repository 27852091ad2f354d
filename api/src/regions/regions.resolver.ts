import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, type SessionUser } from '../common/session-user';
import { RegionModel } from './region.model';
import { RegionsService } from './regions.service';

@Resolver(() => RegionModel)
export class RegionsResolver {
  constructor(private readonly regionService: RegionsService) {}

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
