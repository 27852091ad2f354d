import { UserEntity, UserSessionEntity, PasswordHistoryEntity } from '../users/user.entity';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { CoordinatorEntity } from '../coordinators/entities/coordinator.entity';
import { COORDINATOR_SUB_RECORD_ENTITIES } from '../coordinators/entities/sub-records.entity';
import { EnterpriseIncidentEntity } from '../enterprises/enterprise-incident.entity';
import { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { RegionEntity } from '../regions/region.entity';
import { RegionVersionEntity } from '../regions/region-version.entity';
import { CoordinatorAssignmentEntity } from '../coordinators/entities/coordinator-assignment.entity';
import { EnterprisePeriodEntity, EnterpriseYearFiguresEntity } from '../enterprises/enterprise-history.entity';

export const ENTITIES = [
  RegionEntity,
  EnterpriseEntity,
  EnterpriseIncidentEntity,
  CoordinatorEntity,
  ...COORDINATOR_SUB_RECORD_ENTITIES,
  UserEntity,
  UserSessionEntity,
  PasswordHistoryEntity,
  AuditLogEntity,
  // the registry's history (migration EffectiveDatedRegistry)
  CoordinatorAssignmentEntity,
  EnterpriseYearFiguresEntity,
  EnterprisePeriodEntity,
  RegionVersionEntity,
];
