import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { DateScalar } from '../../common/date.scalar';

@InputType()
export class BatchDeactivateCoordinatorsInput {
  @Field(() => [ID], { description: 'the selected coordinators (at most 500)' })
  @IsArray() @ArrayMinSize(1, { message: '请至少选择一名协调员' }) @ArrayMaxSize(500, { message: '一次最多 500 人' }) @IsString({ each: true })
  ids!: string[];
  @Field(() => DateScalar, { nullable: true, description: 'left the post on (default today), the same for everyone' }) @IsOptional() leftOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) reason?: string | null;
}
