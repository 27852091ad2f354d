import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { RemindersResolver } from './reminders.resolver';
import { RemindersService } from './reminders.service';

// In-app reminders (the bell): computed from the data on each request, nothing stored.
@Module({
  imports: [AwardsModule],
  providers: [RemindersService, RemindersResolver],
})
export class RemindersModule {}
