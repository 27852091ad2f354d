import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AwardTier } from '../common/enums';
import { DateScalar } from '../common/date.scalar';

export enum ReminderKind {
  SUBMISSION_OPENING = 'SUBMISSION_OPENING',
  SUBMISSION_OPEN = 'SUBMISSION_OPEN',
  SUBMISSION_CLOSING = 'SUBMISSION_CLOSING',
  PUBLICITY_ENDING = 'PUBLICITY_ENDING',
  OBJECTIONS_WAITING = 'OBJECTIONS_WAITING',
  REVIEW_QUEUE = 'REVIEW_QUEUE',
  PASSWORD_EXPIRING = 'PASSWORD_EXPIRING',
  YEAR_END_SUMMARY = 'YEAR_END_SUMMARY',
  YEAR_NOT_CLOSED = 'YEAR_NOT_CLOSED',
  CALENDAR_NEXT_YEAR = 'CALENDAR_NEXT_YEAR',
  IMPORT_FAILED = 'IMPORT_FAILED',
}
registerEnumType(ReminderKind, { name: 'ReminderKind', description: 'what a reminder is about (the rules: libs/domain reminders)' });

export enum ReminderSeverity {
  URGENT = 'URGENT',
  WARNING = 'WARNING',
  INFO = 'INFO',
}
registerEnumType(ReminderSeverity, { name: 'ReminderSeverity' });

@ObjectType('Reminder', { description: 'something the signed-in user must act on, computed from the data of their jurisdiction' })
export class ReminderModel {
  @Field({ description: 'stable while the reminder holds: the web marks seen reminders by it' }) key!: string;
  @Field(() => ReminderKind) kind!: ReminderKind;
  @Field(() => ReminderSeverity) severity!: ReminderSeverity;
  @Field({ description: 'the reminder in Chinese' }) message!: string;
  @Field(() => DateScalar, { nullable: true, description: 'the day by which to act' }) dueOn!: string | null;
  @Field(() => Int, { nullable: true }) count!: number | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => AwardTier, { nullable: true }) tier!: AwardTier | null;
  @Field({ description: 'the page of the web app where to act' }) link!: string;
}
