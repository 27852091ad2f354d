import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditLogEntry')
export class AuditLogEntryModel {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field(() => ID, { nullable: true }) userId!: string | null;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field({ description: 'e.g. LOGIN_SUCCESS, LOGIN_FAILURE, ACCESS_DENIED, ID_NUMBER_REVEAL, COORDINATOR_UPDATE' }) action!: string;
  @Field(() => String, { nullable: true }) objectType!: string | null;
  @Field(() => String, { nullable: true }) objectId!: string | null;
  @Field(() => String, { nullable: true, description: 'region code of the jurisdiction the entry belongs to' }) regionCode!: string | null;
  @Field(() => String, { nullable: true, description: 'JSON text: before/after of changed fields, reasons, …' }) detail!: string | null;
  @Field(() => String, { nullable: true }) ip!: string | null;
}

@ObjectType('AuditLogPage')
export class AuditLogPageModel {
  @Field(() => Int) total!: number;
  @Field(() => [AuditLogEntryModel]) items!: AuditLogEntryModel[];
}

@InputType()
export class AuditLogFilter {
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => String, { nullable: true, description: 'exact username' }) username?: string | null;
  @Field(() => String, { nullable: true }) action?: string | null;
  @Field(() => String, { nullable: true }) objectType?: string | null;
  @Field(() => String, { nullable: true }) objectId?: string | null;
  @Field(() => Date, { nullable: true, description: 'from this instant (inclusive)' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'before this instant (exclusive)' }) to?: Date | null;
}
