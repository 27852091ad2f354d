import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { todayIsoDate } from '@registry/domain';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { AwardsHistoryDemo } from './awards-history-demo';
import { CampaignsService } from './campaigns.service';

// Demo data: the current year's campaign with the default quota table (附件1), so that the
// award pages have something to work on. Only with SEED_DEMO, only when the year has none.
@Injectable()
export class AwardsDemoService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AwardsDemo');
  private history: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly campaigns: CampaignsService,
    private readonly historyDemo: AwardsHistoryDemo,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const today = todayIsoDate();
    if (await this.campaigns.seedDemoCampaign(Number(today.slice(0, 4)), today)) {
      this.logger.log(`created the ${today.slice(0, 4)} award campaign with the default quota table`);
    }
    // the published campaigns 2021 … last year and this year's in progress (awards-history-demo.ts)
    this.history = this.historyDemo.seedWhenReady(today).catch((error) => this.logger.error(`award history demo: ${String(error)}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.history;
  }
}
