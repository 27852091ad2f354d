import { Module } from '@nestjs/common';
import { CoordinatorsModule } from '../coordinators/coordinators.module';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { WorkFiguresService } from './work-figures.service';
import { WorkRecordExportsService } from './work-record-exports.service';
import { WorkRecordsResolver } from './work-records.resolver';
import { WorkRecordsService } from './work-records.service';

// 六(三) 工作情况: work records, their figures and drill-downs.
@Module({
  imports: [CoordinatorsModule, EnterprisesModule],
  providers: [WorkRecordsService, WorkFiguresService, WorkRecordExportsService, WorkRecordsResolver],
  exports: [WorkRecordsService, WorkFiguresService, WorkRecordExportsService],
})
export class WorkRecordsModule {}
