import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../common/loader-registry';
import { AllowPendingPasswordChange, CurrentUser, Public, type SessionUser } from '../common/session-user';
import { RegionsService } from '../regions/regions.service';
import { AuthPayloadModel, MeModel } from '../users/user.model';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly regions: RegionsService,
    private readonly rateLimiter: LoginRateLimiter,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  async login(@Args('username') username: string, @Args('password') password: string, @Context() context: GraphQLContext) {
    await this.rateLimiter.check(context.req.ip ?? null, username);
    return this.auth.login(username, password, context.req.ip ?? null);
  }

  @AllowPendingPasswordChange()
  @Mutation(() => Boolean, { description: 'ends this session on the server' })
  async logout(@CurrentUser() user: SessionUser): Promise<boolean> {
    await this.auth.logout(user);
    return true;
  }

  @AllowPendingPasswordChange()
  @Mutation(() => Boolean)
  async changePassword(
    @CurrentUser() user: SessionUser,
    @Args('oldPassword') oldPassword: string,
    @Args('newPassword') newPassword: string,
    @Context() context: GraphQLContext,
  ): Promise<boolean> {
    // the old password is guessed like a login: the same windows, the same lockout
    await this.rateLimiter.check(context.req.ip ?? null, user.username);
    await this.auth.changePassword(user, oldPassword, newPassword, context.req.ip ?? null);
    return true;
  }

  @AllowPendingPasswordChange()
  @Query(() => MeModel, { description: 'the signed-in user and home region' })
  me(@CurrentUser() user: SessionUser): MeModel {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as MeModel['role'],
      regionCode: user.regionCode,
      regionName: this.regions.find(user.regionCode)?.name ?? user.regionCode,
      mustChangePassword: user.mustChangePassword,
    };
  }
}
