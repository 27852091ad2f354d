import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module';
import { DataQualityResolver } from './data-quality.resolver';
import { DataQualityService } from './data-quality.service';

// The bureaus' clean-up list (issue 15): rules as data, counted per region, with drill-down.
@Module({
  imports: [RegionsModule],
  providers: [DataQualityService, DataQualityResolver],
})
export class DataQualityModule {}
