import { Field, Float, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { DateScalar } from '../../common/date.scalar';
import { CoverageTargetUnit } from '../year-end.models';

@InputType()
export class CoverageTargetInput {
  @Field({ description: '十五五 …' }) @IsString() @MaxLength(40, { message: '目标名称最多 40 个字' }) name!: string;
  @Field(() => DateScalar, { description: 'a 31 December, after the last target’s end' }) endDate!: string;
  @Field(() => Float, { nullable: true, description: 'default 1 (100%)' }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) rate?: number | null;
  @Field(() => [CoverageTargetUnit], { nullable: true, description: 'default: large/medium enterprises and social organizations' })
  @IsOptional() @IsArray() @ArrayMaxSize(2)
  counts?: CoverageTargetUnit[] | null;
}
