import { Module } from '@nestjs/common';
import { IdNumberVault } from '../common/id-number-vault';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { CoordinatorRecordsService } from './coordinator-records.service';
import { CoordinatorsResolver } from './coordinators.resolver';
import { CoordinatorsService } from './coordinators.service';
import { IdNumberProbesService } from './id-number-probes.service';
import { CoordinatorBatchResolver } from './coordinator-batch.resolver';
import { CoordinatorBatchService } from './coordinator-batch.service';

@Module({
  imports: [EnterprisesModule],
  providers: [CoordinatorsService, CoordinatorRecordsService, CoordinatorsResolver, IdNumberVault, IdNumberProbesService, CoordinatorBatchService, CoordinatorBatchResolver],
  exports: [CoordinatorsService, CoordinatorRecordsService, IdNumberVault, IdNumberProbesService],
})
export class CoordinatorsModule {}
