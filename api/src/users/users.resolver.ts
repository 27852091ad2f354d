import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/paging';
import { TextArgument } from '../common/input-validation';
import { CurrentUser, Roles, type SessionUser } from '../common/session-user';
import { CreateUserInput, UpdateUserInput, UserFilter, UserModel, UserPageModel } from './user.model';
import { UsersService } from './users.service';

const ADMIN_ROLES = ['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE'] as const;

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly userService: UsersService) {}

  @Roles(...ADMIN_ROLES)
  @Query(() => UserPageModel, { description: 'accounts within your jurisdiction' })
  users(
    @CurrentUser() user: SessionUser,
    @Args() page: PageArgs,
    @Args('filter', { type: () => UserFilter, nullable: true }) filter?: UserFilter,
  ) {
    return this.userService.list(user, filter ?? {}, page);
  }

  @Roles(...ADMIN_ROLES)
  @Mutation(() => UserModel)
  createUser(@CurrentUser() user: SessionUser, @Args('input') input: CreateUserInput) {
    return this.userService.create(user, input);
  }

  @Roles(...ADMIN_ROLES)
  @Mutation(() => UserModel, { description: 'disable (false) or enable (true) an account; disabling ends its sessions' })
  setUserActive(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('active') active: boolean) {
    return this.userService.setActive(user, id, active);
  }

  @Roles(...ADMIN_ROLES)
  @Mutation(() => UserModel, { description: "change an account's display name or role (within your jurisdiction and the role rules); a role change ends its sessions" })
  updateUser(@CurrentUser() user: SessionUser, @Args('input') input: UpdateUserInput) {
    return this.userService.update(user, input);
  }

  @Roles(...ADMIN_ROLES)
  @Mutation(() => UserModel, { description: 'set a new initial password: the account must change it at its next login; its sessions end and a lockout is lifted' })
  resetUserPassword(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('password', new TextArgument('password', 128)) password: string,
  ) {
    return this.userService.resetPassword(user, id, password);
  }

  @Roles(...ADMIN_ROLES)
  @Mutation(() => UserModel, { description: 'lift the lockout after failed logins' })
  unlockUser(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string) {
    return this.userService.unlock(user, id);
  }
}
