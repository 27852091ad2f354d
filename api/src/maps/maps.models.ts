import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Upload limit of a boundary file's text (the request body is 2 MB): simplify a larger one first (e.g. mapshaper). */
export const MAX_BOUNDARY_FILE_CHARS = 1_800_000;

@ObjectType('BoundaryMap', { description: 'the province\'s licensed boundary file for the dashboard map, checked and simplified' })
export class BoundaryMapModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'the map\'s approval / licence, e.g. 审图号 吉S(2024)001号' }) licence!: string;
  @Field(() => String, { nullable: true }) fileName!: string | null;
  @Field(() => Int) unitCount!: number;
  @Field(() => Int) countyCount!: number;
  @Field() inUse!: boolean;
  @Field() uploadedAt!: Date;
  @Field(() => String, { nullable: true }) uploadedBy!: string | null;
  @Field({ description: 'GeoJSON FeatureCollection: properties { code, name }, Polygon or MultiPolygon, simplified' }) geojson!: string;
}

@InputType()
export class UploadBoundaryMapInput {
  @Field() @IsString() @MinLength(1, { message: '请填写地图名称' }) @MaxLength(100, { message: '不超过 100 字' }) name!: string;
  @Field() @IsString() @MinLength(2, { message: '请填写审图号或数据许可' }) @MaxLength(200, { message: '不超过 200 字' }) licence!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(255) fileName?: string | null;
  @Field({ description: 'the file\'s text: GeoJSON FeatureCollection or TopoJSON Topology, keyed by region code' })
  @IsString()
  @MaxLength(MAX_BOUNDARY_FILE_CHARS, { message: '文件过大（最多约 1.8 MB），请先简化（如 mapshaper）' })
  content!: string;
}
