import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/date.scalar';
import { WorkRecordKind } from '../coordinators/dto/sub-record.input';
import { WorkRecordModel } from '../coordinators/coordinator.model';

@ObjectType('WorkRecordPage')
export class WorkRecordPageModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [WorkRecordModel]) items!: WorkRecordModel[];
}

@ObjectType('WorkKindFigure')
export class WorkKindFigureModel {
  @Field(() => WorkRecordKind) kind!: WorkRecordKind;
  @Field(() => Int, { description: 'records' }) records!: number;
  @Field(() => Int, { description: 'the sum of their counts' }) count!: number;
}

@ObjectType('WorkFigureRow', { description: 'one region’s work in a year (六(三))' })
export class WorkFigureRowModel {
  @Field() regionCode!: string;
  @Field() regionName!: string;
  @Field(() => Int, { description: '调解劳动争议: the sum of counts' }) disputesMediated!: number;
  @Field(() => Int, { description: 'mediations recorded as 调解成功' }) mediationsSucceeded!: number;
  @Field(() => Int, { description: '咨询接待: the sum of counts' }) consultations!: number;
  @Field(() => Int) records!: number;
  @Field(() => [WorkKindFigureModel]) byKind!: WorkKindFigureModel[];
  @Field(() => Int, { description: 'coordinators counted in the region at the year’s date (在岗 then)' }) coordinators!: number;
  @Field(() => Int, { description: 'of them, with recorded work in the 12 months up to the date' }) activeCoordinators!: number;
  @Field(() => Int, { description: 'of them, without (未开展工作)' }) silentCoordinators!: number;
  @Field(() => Int, { description: 'enterprises registered and open at the date (the per-100 base)' }) enterprises!: number;
  @Field(() => Float, { nullable: true }) disputesPerCoordinator!: number | null;
  @Field(() => Float, { nullable: true }) consultationsPerCoordinator!: number | null;
  @Field(() => Float, { nullable: true }) disputesPer100Enterprises!: number | null;
  @Field(() => Float, { nullable: true }) consultationsPer100Enterprises!: number | null;
}

@ObjectType('WorkFigures')
export class WorkFiguresModel {
  @Field() regionCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => DateScalar, { description: 'the date the year is counted at: 31 December, or today for the current year' }) asOf!: string;
  @Field(() => WorkFigureRowModel) total!: WorkFigureRowModel;
  @Field(() => [WorkFigureRowModel], { description: 'each child region of that year’s hierarchy' }) children!: WorkFigureRowModel[];
}

@ObjectType('SilentCoordinator')
export class SilentCoordinatorModel {
  @Field(() => ID) coordinatorId!: string;
  @Field() name!: string;
  @Field() regionCode!: string;
  @Field(() => String, { nullable: true, description: 'employer or unit at the date' }) employer!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'the last recorded work before the window (null: never)' }) lastRecordedOn!: string | null;
}

@ObjectType('SilentCoordinatorPage')
export class SilentCoordinatorPageModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [SilentCoordinatorModel]) items!: SilentCoordinatorModel[];
}

export { ID };
