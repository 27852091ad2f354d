import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { todayIsoDate } from '@registry/domain';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { CampaignsService } from './campaigns.service';

// Demo data: the current year's campaign with the default quota table (附件1), so that the
// award pages have something to work on. Only with SEED_DEMO, only when the year has none.
@Injectable()
export class AwardsDemoService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AwardsDemo');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly campaigns: CampaignsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const today = todayIsoDate();
    if (await this.campaigns.seedDemoCampaign(Number(today.slice(0, 4)), today)) {
      this.logger.log(`created the ${today.slice(0, 4)} award campaign with the default quota table`);
    }
  }
}
