import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../common/date.scalar';

// 六(四) 探索创新模式: the two kinds of 载体 the notice names.
export enum StudioKind {
  /** 金牌劳动关系协调员工作室 */
  GOLD_STUDIO = 'GOLD_STUDIO',
  /** 协调劳动关系指导站 */
  GUIDANCE_STATION = 'GUIDANCE_STATION',
}
registerEnumType(StudioKind, { name: 'StudioKind', description: '金牌劳动关系协调员工作室 / 协调劳动关系指导站' });

export enum StudioHostKind {
  ENTERPRISE = 'ENTERPRISE',
  /** 基层平台: 基层就业社保平台、综治中心、党群服务中心、工会服务站 … */
  GRASSROOTS_PLATFORM = 'GRASSROOTS_PLATFORM',
}
registerEnumType(StudioHostKind, { name: 'StudioHostKind', description: '依托企业 / 依托基层平台' });

export enum StudioStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
}
registerEnumType(StudioStatus, { name: 'StudioStatus', description: '运行中 / 暂停 / 已撤销' });

/** The row as the service reads it; the resolver adds host, staff and served enterprises. */
export interface StudioRecord {
  id: string;
  kind: StudioKind;
  name: string;
  hostKind: StudioHostKind;
  hostEnterpriseId: string | null;
  hostPlatformName: string | null;
  regionCode: string;
  regionPath: string;
  openedOn: string;
  status: StudioStatus;
  description: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

@ObjectType('Studio', { description: '金牌劳动关系协调员工作室或协调劳动关系指导站 (六(四))' })
export class StudioModel {
  @Field(() => ID) id!: string;
  @Field(() => StudioKind) kind!: StudioKind;
  @Field() name!: string;
  @Field(() => StudioHostKind) hostKind!: StudioHostKind;
  @Field(() => String, { nullable: true, description: 'the grassroots platform that hosts it (hostKind GRASSROOTS_PLATFORM)' })
  hostPlatformName!: string | null;
  @Field() regionCode!: string;
  @Field(() => DateScalar) openedOn!: string;
  @Field(() => StudioStatus) status!: StudioStatus;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('StudioPage')
export class StudioPageModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [StudioModel]) items!: StudioModel[];
}

@ObjectType('StudioRegionFigures', { description: 'studios of one child region (or the region itself): counts by kind and what they serve' })
export class StudioRegionFiguresModel {
  @Field() regionCode!: string;
  @Field() regionName!: string;
  @Field(() => Int, { description: '金牌劳动关系协调员工作室 in operation' }) goldStudios!: number;
  @Field(() => Int, { description: '协调劳动关系指导站 in operation' }) guidanceStations!: number;
  @Field(() => Int, { description: 'distinct coordinators staffing them' }) coordinators!: number;
  @Field(() => Int, { description: 'distinct enterprises served (hosts included)' }) servedEnterprises!: number;
  @Field(() => Int, { description: 'distinct townships served: their own and those of the enterprises served' }) servedTownships!: number;
}

@ObjectType('StudioFigures')
export class StudioFiguresModel {
  @Field() regionCode!: string;
  @Field(() => StudioRegionFiguresModel, { description: 'the whole region' }) total!: StudioRegionFiguresModel;
  @Field(() => [StudioRegionFiguresModel], { description: 'one row per child region, in code order' }) children!: StudioRegionFiguresModel[];
}
