import { Module } from '@nestjs/common';
import { CoordinatorsModule } from '../coordinators/coordinators.module';
import { SubsidiesService } from './subsidies.service';
import { TrainingFiguresService } from './training-figures.service';
import {
  CoordinatorTrainingResolver,
  SubsidyClaimsResolver,
  TrainingFiguresResolver,
  TrainingParticipationsResolver,
  TrainingProvidersResolver,
  TrainingSessionsResolver,
} from './training.resolver';
import { TrainingService } from './training.service';

// 五 and 六(二): training providers, sessions and results, subsidies, and their figures.
@Module({
  imports: [CoordinatorsModule],
  providers: [
    TrainingService,
    SubsidiesService,
    TrainingFiguresService,
    TrainingProvidersResolver,
    TrainingSessionsResolver,
    TrainingParticipationsResolver,
    SubsidyClaimsResolver,
    TrainingFiguresResolver,
    CoordinatorTrainingResolver,
  ],
})
export class TrainingModule {}
