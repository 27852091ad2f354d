import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DateScalar } from '../../common/date.scalar';
import type { GraphQLContext } from '../../common/loader-registry';
import { CurrentUser, Roles, type SessionUser } from '../../common/session-user';
import { NominationModel } from '../awards.models';
import { NominationReadsService } from '../nomination-reads.service';
import { AwardCertificatesService, type NominationCertificate } from './award-certificates.service';
import { CertificateVerificationCountModel, TitleRevocationModel } from './public-awards.models';

// What the signed-in pages see of a named nomination's certificate: the verification link
// printed as its QR code, a revocation, how often it was verified; and the province's revocation.
@Resolver(() => NominationModel)
export class CertificateFieldsResolver {
  constructor(
    private readonly certificates: AwardCertificatesService,
    private readonly reads: NominationReadsService,
  ) {}

  private certificateOf(nomination: NominationModel, context: GraphQLContext): Promise<NominationCertificate | null> {
    return context.loaders.get('awardCertificates', (ids) => this.certificates.certificatesOf(ids)).load(nomination.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'named nominations: the URL in the certificate QR code, ending in its token' })
  async verificationUrl(@Parent() nomination: NominationModel, @Context() context: GraphQLContext) {
    const certificate = await this.certificateOf(nomination, context);
    return certificate ? this.certificates.verificationUrl(certificate.token) : null;
  }

  @ResolveField(() => TitleRevocationModel, { nullable: true, description: 'set when the province has revoked the title' })
  async titleRevocation(@Parent() nomination: NominationModel, @Context() context: GraphQLContext) {
    return (await this.certificateOf(nomination, context))?.revocation ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'how often the certificate was verified (named nominations)' })
  async verificationCount(@Parent() nomination: NominationModel, @Context() context: GraphQLContext) {
    return (await this.certificateOf(nomination, context))?.verifications ?? null;
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => NominationModel, { description: 'revokes a named title with a reason (audited); verification then answers revoked' })
  async revokeNamedTitle(
    @CurrentUser() user: SessionUser,
    @Args('nominationId', { type: () => ID }) nominationId: string,
    @Args('reason') reason: string,
  ) {
    await this.certificates.revoke(user, nominationId, reason);
    return this.reads.require(user, nominationId);
  }

  @Roles('PROVINCE_ADMIN')
  @Query(() => [CertificateVerificationCountModel], { description: 'verifications per certificate and day of a campaign (at most 1000 rows, newest first)' })
  certificateVerificationCounts(
    @Args('campaignYear', { type: () => Int }) campaignYear: number,
    @Args('from', { type: () => DateScalar, nullable: true }) from?: string | null,
    @Args('to', { type: () => DateScalar, nullable: true }) to?: string | null,
  ) {
    return this.certificates.verificationCounts(campaignYear, from, to);
  }
}
