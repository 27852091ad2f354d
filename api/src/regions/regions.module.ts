import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from './region.entity';
import { RegionsResolver } from './regions.resolver';
import { RegionsService } from './regions.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity])],
  providers: [RegionsService, RegionsResolver],
  exports: [RegionsService],
})
export class RegionsModule {}
