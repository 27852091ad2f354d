import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { AuditService } from '../audit/audit.service';
import type { GraphQLContext } from '../common/loader-registry';
import { RegistryError } from '../common/registry-error';
import { CurrentUser, REVEAL_ROLES, Roles, type SessionUser } from '../common/session-user';
import { CoordinatorsService } from '../coordinators/coordinators.service';

@Resolver()
export class IdNumberRevealResolver {
  constructor(
    private readonly coordinatorService: CoordinatorsService,
    private readonly audit: AuditService,
  ) {}

  @Roles(...REVEAL_ROLES)
  @Mutation(() => String, {
    description: "the coordinator's unmasked ID number; needs a reason (at least 2 characters), which is recorded in the audit trail",
  })
  async revealIdNumber(
    @CurrentUser() user: SessionUser,
    @Args('coordinatorId', { type: () => ID }) coordinatorId: string,
    @Args('reason') reason: string,
    @Context() context: GraphQLContext,
  ): Promise<string> {
    const stated = reason.trim();
    if (stated.length < 2) throw RegistryError.badInput('reason', '请填写查看原因（至少 2 个字）');
    if (stated.length > 200) throw RegistryError.badInput('reason', '查看原因最多 200 个字');
    const { coordinator, idNumber } = await this.coordinatorService.idNumberOf(user, coordinatorId);
    // Recorded before the number leaves: no audit row, no number.
    await this.audit.record(user, {
      action: 'ID_NUMBER_REVEAL',
      objectType: 'coordinator',
      objectId: coordinator.id,
      regionPath: coordinator.regionPath,
      detail: { reason: stated },
      ip: context.req.ip ?? null,
    });
    return idNumber;
  }
}
