import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { BoundaryMapModel, UploadBoundaryMapInput } from './maps.models';
import { MapsService } from './maps.service';

@Resolver(() => BoundaryMapModel)
export class MapsResolver {
  constructor(private readonly service: MapsService) {}

  @Roles(...READER_ROLES)
  @Query(() => BoundaryMapModel, { nullable: true, description: 'the boundary map in use on the dashboard; null: the schematic tile map' })
  boundaryMap() {
    return this.service.inUse();
  }

  @Roles('PROVINCE_ADMIN')
  @Query(() => [BoundaryMapModel], { description: 'the uploaded boundary maps, newest first' })
  boundaryMaps() {
    return this.service.list();
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => BoundaryMapModel, { description: 'uploads a licensed boundary file (GeoJSON or TopoJSON keyed by region code); checked, simplified and put in use; audited' })
  uploadBoundaryMap(@CurrentUser() user: SessionUser, @Args('input') input: UploadBoundaryMapInput) {
    return this.service.upload(user, input);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => BoundaryMapModel, { nullable: true, description: 'puts an uploaded map in use, or with id null goes back to the tile map; audited' })
  useBoundaryMap(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID, nullable: true }) id?: string | null) {
    return this.service.use(user, id ?? null);
  }
}
