import { Args, Field, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { CurrentUser, Roles, type SessionUser } from '../common/session-user';
import { CalendarYearsService } from './calendar-years.service';

export enum CalendarYearSource {
  PACKAGE = 'PACKAGE',
  CONFIRMED = 'CONFIRMED',
}
registerEnumType(CalendarYearSource, { name: 'CalendarYearSource', description: 'PACKAGE: chinese-days knows the year; CONFIRMED: entered by the province' });

@ObjectType('CalendarYearStatus')
export class CalendarYearStatusModel {
  @Field(() => Int) year!: number;
  @Field({ description: 'working days can be counted in the year' }) entered!: boolean;
  @Field(() => CalendarYearSource, { nullable: true, description: 'null: not entered; publicity windows reaching the year are refused' }) source!: CalendarYearSource | null;
  @Field(() => Int, { description: 'override days off (holidays) in the year' }) holidays!: number;
  @Field(() => Int, { description: 'override working days (调休) in the year' }) workdays!: number;
  @Field(() => Date, { nullable: true }) confirmedAt!: Date | null;
  @Field(() => String, { nullable: true }) confirmedBy!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@Resolver()
export class CalendarYearsResolver {
  constructor(private readonly years: CalendarYearsService) {}

  @Query(() => [CalendarYearStatusModel], { description: 'years of the working-day calendar, newest first: from the package, confirmed by the province, or missing' })
  calendarYears() {
    return this.years.list();
  }

  @Query(() => CalendarYearStatusModel, { description: 'one year (default: next year in China); entered=false means it must still be entered' })
  calendarYearStatus(@Args('year', { type: () => Int, nullable: true }) year?: number | null) {
    return this.years.find(year);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => CalendarYearStatusModel, { description: 'confirms that the override table holds the year\'s holidays and 调休 days (audited)' })
  confirmCalendarYear(
    @CurrentUser() user: SessionUser,
    @Args('year', { type: () => Int }) year: number,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ) {
    return this.years.confirm(user, year, note ?? null);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => CalendarYearStatusModel, { description: 'takes a confirmation back: the year is not counted until confirmed again (audited)' })
  unconfirmCalendarYear(@CurrentUser() user: SessionUser, @Args('year', { type: () => Int }) year: number) {
    return this.years.unconfirm(user, year);
  }
}
