import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CAMPAIGN_YEAR_MAX, CAMPAIGN_YEAR_MESSAGE, CAMPAIGN_YEAR_MIN, NominationState } from '../../awards/dto/nomination.input';
import { AwardTier } from '../../common/enums';
import { validateInput } from '../../common/input-validation';
import { RegistryError } from '../../common/registry-error';
import { CoordinatorFilter } from '../../coordinators/dto/coordinator-filter.input';
import { EnterpriseFilter } from '../../enterprises/dto/enterprise-filter.input';
import { SilentCoordinatorsExportFilter, WorkRecordFilter } from '../../work-records/dto/work-record.input';

/** The nominations export's filter: the arguments of the `nominations` query, with their rules. */
export class NominationExportFilter {
  @IsOptional() @IsInt({ message: CAMPAIGN_YEAR_MESSAGE }) @Min(CAMPAIGN_YEAR_MIN, { message: CAMPAIGN_YEAR_MESSAGE }) @Max(CAMPAIGN_YEAR_MAX, { message: CAMPAIGN_YEAR_MESSAGE })
  campaignYear?: number | null;
  @IsOptional() @IsEnum(AwardTier, { message: '等级应为 GOLD、SILVER 或 BRONZE' }) tier?: AwardTier | null;
  @IsOptional() @IsArray({ message: '推荐状态应为列表' }) @ArrayMaxSize(10) @IsEnum(NominationState, { each: true, message: '推荐状态无效' })
  states?: NominationState[] | null;
  @IsOptional() @IsString({ message: '地区代码应为文本' }) @MaxLength(12, { message: '地区代码最多 12 位' }) regionCode?: string | null;
}

const FILTER_CLASSES: Record<string, new () => object> = {
  coordinators: CoordinatorFilter,
  enterprises: EnterpriseFilter,
  'uncovered-enterprises': EnterpriseFilter,
  nominations: NominationExportFilter,
  'work-records': WorkRecordFilter,
  'silent-coordinators': SilentCoordinatorsExportFilter,
};

/**
 * An export's `?filter=` JSON, checked by the class its list's GraphQL query takes, so that a
 * wrong type answers 400 naming the field instead of failing in the database mid-download.
 */
export async function validateExportFilter(kind: string, filterJson: string | undefined): Promise<void> {
  if (!filterJson) return;
  let filter: unknown;
  try {
    filter = JSON.parse(filterJson);
  } catch {
    throw RegistryError.badInput('filter', '筛选条件不是有效的 JSON');
  }
  const type = FILTER_CLASSES[kind];
  if (type) await validateInput(type, filter, 'filter');
}
