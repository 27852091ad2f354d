import { Module } from '@nestjs/common';
import { CoordinatorsModule } from '../coordinators/coordinators.module';
import { AwardFormsController } from './award-forms.controller';
import { AwardFormsData } from './award-forms.data';
import { AwardSettingsService } from './award-settings.service';
import { AwardCampaignsResolver, AwardRulesResolver, NominationsResolver } from './awards.resolver';
import { AwardsDemoService } from './awards-demo.service';
import { AwardsHistoryDemo } from './awards-history-demo';
import { CalendarYearsResolver } from './calendar-years.resolver';
import { CalendarYearsService } from './calendar-years.service';
import { CampaignsService } from './campaigns.service';
import { AwardCertificatesService } from './certificates/award-certificates.service';
import { CertificateFieldsResolver } from './certificates/certificate-fields.resolver';
import { PublicAwardsResolver } from './certificates/public-awards.resolver';
import { PublicRateLimiter } from './certificates/public-rate-limiter';
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
    AwardsHistoryDemo,
    AwardRulesResolver,
    AwardCampaignsResolver,
    NominationsResolver,
    // the named list, certificate verification and the calendar years (docs/decisions/0420)
    PublicRateLimiter,
    AwardCertificatesService,
    PublicAwardsResolver,
    CertificateFieldsResolver,
    CalendarYearsService,
    CalendarYearsResolver,
  ],
  exports: [EligibilityService, AwardSettingsService, CampaignsService, NominationReadsService, CalendarYearsService],
})
export class AwardsModule {}
