import { Module } from '@nestjs/common';
import { CoordinatorsModule } from '../coordinators/coordinators.module';
import { AwardFormsController } from './award-forms.controller';
import { AwardFormsData } from './award-forms.data';
import { AwardSettingsService } from './award-settings.service';
import { AwardCampaignsResolver, AwardRulesResolver, NominationsResolver } from './awards.resolver';
import { AwardsDemoService } from './awards-demo.service';
import { CampaignsService } from './campaigns.service';
import { EligibilityService } from './eligibility.service';
import { NominationReadsService } from './nomination-reads.service';
import { NominationsService } from './nominations.service';

// Gold, silver and bronze coordinators (金、银、铜牌劳动关系协调员): campaigns, quotas,
// eligibility, the nomination workflow and its forms.
@Module({
  imports: [CoordinatorsModule],
  controllers: [AwardFormsController],
  providers: [
    AwardSettingsService,
    EligibilityService,
    CampaignsService,
    NominationReadsService,
    NominationsService,
    AwardFormsData,
    AwardsDemoService,
    AwardRulesResolver,
    AwardCampaignsResolver,
    NominationsResolver,
  ],
  exports: [EligibilityService, AwardSettingsService, CampaignsService, NominationReadsService],
})
export class AwardsModule {}
