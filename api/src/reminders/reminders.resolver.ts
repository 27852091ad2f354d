import { Query, Resolver } from '@nestjs/graphql';
import { AllowPendingPasswordChange, CurrentUser, type SessionUser } from '../common/session-user';
import { ReminderModel } from './reminders.models';
import { RemindersService } from './reminders.service';

@Resolver(() => ReminderModel)
export class RemindersResolver {
  constructor(private readonly service: RemindersService) {}

  @AllowPendingPasswordChange()
  @Query(() => [ReminderModel], { description: 'what you must act on now, most urgent first (the bell in the header)' })
  reminders(@CurrentUser() user: SessionUser) {
    return this.service.forUser(user);
  }
}
