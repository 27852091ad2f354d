import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, EDITOR_ROLES, Roles, type SessionUser } from '../common/session-user';
import { CoordinatorBatchService } from './coordinator-batch.service';
import { BatchDeactivateCoordinatorsInput } from './dto/coordinator-batch.input';

@Resolver()
export class CoordinatorBatchResolver {
  constructor(private readonly batch: CoordinatorBatchService) {}

  @Roles(...EDITOR_ROLES)
  @Mutation(() => [ID], { description: '批量离岗: the selected coordinators leave on one date with one reason, all or none; answers their ids' })
  deactivateCoordinators(@CurrentUser() user: SessionUser, @Args('input') input: BatchDeactivateCoordinatorsInput) {
    return this.batch.deactivate(user, input);
  }
}
