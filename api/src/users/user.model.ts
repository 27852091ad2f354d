import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export enum RoleEnum {
  PROVINCE_ADMIN = 'PROVINCE_ADMIN',
  CITY_OFFICE = 'CITY_OFFICE',
  COUNTY_OFFICE = 'COUNTY_OFFICE',
  TOWNSHIP_PLATFORM = 'TOWNSHIP_PLATFORM',
  LEADER = 'LEADER',
  AUDITOR = 'AUDITOR',
}
registerEnumType(RoleEnum, { name: 'Role' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field() username!: string;
  @Field() displayName!: string;
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field() regionCode!: string;
  @Field() active!: boolean;
  @Field() mustChangePassword!: boolean;
  @Field(() => Date, { nullable: true }) lockedUntil!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('UserPage')
export class UserPageModel {
  @Field(() => Int) total!: number;
  @Field(() => [UserModel]) items!: UserModel[];
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() accessToken!: string;
  @Field() expiresAt!: Date;
  @Field({ description: 'true: every other operation answers PASSWORD_CHANGE_REQUIRED until changePassword succeeds' })
  mustChangePassword!: boolean;
}

@ObjectType('Me')
export class MeModel {
  @Field(() => ID) id!: string;
  @Field() username!: string;
  @Field() displayName!: string;
  @Field(() => RoleEnum) role!: RoleEnum;
  @Field() regionCode!: string;
  @Field() regionName!: string;
  @Field() mustChangePassword!: boolean;
}

@InputType()
export class CreateUserInput {
  @Field() @IsString() @Matches(/^[A-Za-z0-9_.-]{3,50}$/, { message: '用户名为 3–50 位字母、数字、下划线、点或连字符' }) username!: string;
  @Field({ description: 'initial password; the user must change it at first login' }) @IsString() password!: string;
  @Field(() => RoleEnum) @IsEnum(RoleEnum) role!: RoleEnum;
  @Field() @IsString() regionCode!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100, { message: '姓名（显示名）最多 100 个字' }) displayName?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => Int, { description: 'the version read; a stale one is refused with CONFLICT' }) @IsInt() version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 100, { message: '姓名（显示名）为 1–100 个字' }) displayName?: string | null;
  @Field(() => RoleEnum, { nullable: true, description: 'a role you may create, fitting the account\'s region level' }) @IsOptional() @IsEnum(RoleEnum) role?: RoleEnum | null;
}

@InputType()
export class UserFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100, { message: '关键词最多 100 个字' }) search?: string | null;
  @Field(() => RoleEnum, { nullable: true }) @IsOptional() @IsEnum(RoleEnum) role?: RoleEnum | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() active?: boolean | null;
}

