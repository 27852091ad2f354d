import { Module } from '@nestjs/common';
import { CoordinatorsModule } from '../coordinators/coordinators.module';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { StudiosResolver } from './studios.resolver';
import { StudiosService } from './studios.service';

// 六(四): 金牌劳动关系协调员工作室 and 协调劳动关系指导站.
@Module({
  imports: [EnterprisesModule, CoordinatorsModule],
  providers: [StudiosService, StudiosResolver],
  exports: [StudiosService],
})
export class StudiosModule {}
