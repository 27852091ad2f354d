import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, MaxLength } from 'class-validator';

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
  @Field(() => String, { nullable: true, description: "the acting account's display name (as it is now)" }) userDisplayName!: string | null;
  @Field(() => String, { nullable: true, description: "the name of the acting account's region, e.g. 朝阳区" }) userRegionName!: string | null;
  @Field(() => String, { nullable: true, description: "the object's name (a coordinator's or enterprise's name, an account), null when unknown or deleted" })
  objectLabel!: string | null;
}

@ObjectType('AuditLogPage')
export class AuditLogPageModel {
  @Field(() => Int) total!: number;
  @Field(() => [AuditLogEntryModel]) items!: AuditLogEntryModel[];
}

@InputType()
export class AuditLogFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(20, { message: '用户编号无效' }) userId?: string | null;
  @Field(() => String, { nullable: true, description: 'exact username' }) @IsOptional() @IsString() @MaxLength(64, { message: '用户名最多 64 个字符' }) username?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40, { message: '操作最多 40 个字符' }) action?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40, { message: '对象类型最多 40 个字符' }) objectType?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40, { message: '对象编号最多 40 个字符' }) objectId?: string | null;
  // an unreadable time reaches here as an Invalid Date: refused by name, not by the database
  @Field(() => Date, { nullable: true, description: 'from this instant (inclusive)' })
  @IsOptional() @IsDate({ message: '开始时间应为有效的时间，如 2026-01-01T00:00:00Z' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'before this instant (exclusive)' })
  @IsOptional() @IsDate({ message: '结束时间应为有效的时间，如 2026-01-01T00:00:00Z' }) to?: Date | null;
}
