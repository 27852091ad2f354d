import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from './region.entity';
import { RegionsResolver } from './regions.resolver';
import { RegionsService } from './regions.service';
import { RegionHistoryService } from './region-history.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity])],
  providers: [RegionsService, RegionHistoryService, RegionsResolver],
  exports: [RegionsService, RegionHistoryService],
})
export class RegionsModule {}
