import { CoordinatorBatchResolver } from './coordinators/coordinator-batch.resolver';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { AnalyticsResolver } from './analytics/analytics.resolver';
import { AuthResolver } from './auth/auth.resolver';
import { AwardCampaignsResolver, AwardRulesResolver, NominationsResolver } from './awards/awards.resolver';
import { IdNumberRevealResolver } from './auth/id-number-reveal.resolver';
import { CalendarYearsResolver } from './awards/calendar-years.resolver';
import { CertificateFieldsResolver } from './awards/certificates/certificate-fields.resolver';
import { PublicAwardsResolver } from './awards/certificates/public-awards.resolver';
import { CoordinatorsResolver } from './coordinators/coordinators.resolver';
import { EnterprisesResolver } from './enterprises/enterprises.resolver';
import { RegionsResolver } from './regions/regions.resolver';
import { RemindersResolver } from './reminders/reminders.resolver';
import { DataQualityResolver } from './data-quality/data-quality.resolver';
import { MapsResolver } from './maps/maps.resolver';
import { StudiosResolver } from './studios/studios.resolver';
import {
  CoordinatorTrainingResolver,
  SubsidyClaimsResolver,
  TrainingFiguresResolver,
  TrainingParticipationsResolver,
  TrainingProvidersResolver,
  TrainingSessionsResolver,
} from './training/training.resolver';
import { UsersResolver } from './users/users.resolver';
import { WorkRecordsResolver } from './work-records/work-records.resolver';
import { YearEndResolver } from './year-end/year-end.resolver';

// Every resolver class, for writing api/schema.gql without starting the app. A feature that
// adds a resolver adds it here too (the schema test fails otherwise).
export const RESOLVERS: Function[] = [AuthResolver, UsersResolver, RegionsResolver, EnterprisesResolver, CoordinatorsResolver, CoordinatorBatchResolver, IdNumberRevealResolver, AuditLogResolver, AwardRulesResolver, AwardCampaignsResolver, NominationsResolver, AnalyticsResolver, PublicAwardsResolver, CertificateFieldsResolver, CalendarYearsResolver, RemindersResolver, DataQualityResolver, MapsResolver, YearEndResolver, StudiosResolver, TrainingProvidersResolver, TrainingSessionsResolver, TrainingParticipationsResolver, SubsidyClaimsResolver, TrainingFiguresResolver, CoordinatorTrainingResolver, WorkRecordsResolver];
