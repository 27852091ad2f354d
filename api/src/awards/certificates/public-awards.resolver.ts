import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { AwardTier } from '../../common/enums';
import type { GraphQLContext } from '../../common/loader-registry';
import { PageArgs } from '../../common/paging';
import { Public } from '../../common/session-user';
import { AwardCertificatesService } from './award-certificates.service';
import {
  CertificateVerificationModel,
  PublicNamedCoordinatorPageModel,
  PublicNamingDecisionModel,
} from './public-awards.models';
import { PublicRateLimiter } from './public-rate-limiter';

// The only queries that answer without a session (besides login): the published named list
// and certificate verification. Each resolution counts against the caller's address
// (PUBLIC_REQUESTS_PER_MINUTE, shared by all instances), aliases included; the GraphQL depth,
// alias and cost limits apply as to every operation.
@Resolver()
export class PublicAwardsResolver {
  constructor(
    private readonly certificates: AwardCertificatesService,
    private readonly limiter: PublicRateLimiter,
  ) {}

  @Public()
  @Query(() => [PublicNamingDecisionModel], { description: 'published naming decisions, newest first (no login)' })
  async namingDecisions(@Context() context: GraphQLContext) {
    await this.limiter.hit(context.req.ip);
    return this.certificates.namingDecisions();
  }

  @Public()
  @Query(() => PublicNamedCoordinatorPageModel, { description: '四(二)3: the named gold, silver and bronze coordinators of a published year (no login)' })
  async namedCoordinators(
    @Context() context: GraphQLContext,
    @Args('year', { type: () => Int }) year: number,
    @Args() page: PageArgs,
    @Args('tier', { type: () => AwardTier, nullable: true }) tier?: AwardTier | null,
    @Args('search', { type: () => String, nullable: true, description: 'part of a name or unit' }) search?: string | null,
  ) {
    await this.limiter.hit(context.req.ip);
    return this.certificates.namedList(year, { tier, search }, page);
  }

  @Public()
  @Query(() => CertificateVerificationModel, { description: 'the QR code of a certificate: /verify/<token> (no login)' })
  async certificateVerification(@Context() context: GraphQLContext, @Args('token') token: string) {
    await this.limiter.hit(context.req.ip);
    return this.certificates.verify(token);
  }
}
