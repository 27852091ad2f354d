import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module';
import { CoordinatorsModule } from '../coordinators/coordinators.module';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { ImportCommitService } from './committing/import-commit.service';
import { ImportValidationService } from './validating/import-validation.service';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { SpreadsheetsService } from './exporting/spreadsheets.service';
import { WorkRecordsModule } from '../work-records/work-records.module';

@Module({
  imports: [CoordinatorsModule, EnterprisesModule, AwardsModule, WorkRecordsModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportValidationService, ImportCommitService, SpreadsheetsService],
  exports: [ImportsService, SpreadsheetsService],
})
export class ImportsModule {}
