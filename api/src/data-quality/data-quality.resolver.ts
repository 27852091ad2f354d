import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { DataQualityRecordPageModel, DataQualityRecordsArgs, DataQualityReportModel, DataQualityRuleModel, UpdateDataQualityRuleInput } from './data-quality.models';
import { DataQualityService } from './data-quality.service';

@Resolver(() => DataQualityReportModel)
export class DataQualityResolver {
  constructor(private readonly service: DataQualityService) {}

  @Roles(...READER_ROLES)
  @Query(() => DataQualityReportModel, { description: 'the clean-up list of a region in your jurisdiction (default: all of it): each rule per child region, and scores' })
  dataQuality(@CurrentUser() user: SessionUser, @Args('regionCode', { type: () => String, nullable: true }) regionCode?: string | null) {
    return this.service.report(user, regionCode);
  }

  @Roles(...READER_ROLES)
  @Query(() => DataQualityRecordPageModel, { description: 'the records failing a rule in a region, each with the page to fix it' })
  dataQualityRecords(@CurrentUser() user: SessionUser, @Args() args: DataQualityRecordsArgs) {
    return this.service.records(user, args);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => DataQualityRuleModel, { description: 'changes a rule\'s severity or switches it off (province administrator; audited)' })
  updateDataQualityRule(@CurrentUser() user: SessionUser, @Args('input') input: UpdateDataQualityRuleInput) {
    return this.service.updateRule(user, input);
  }
}
