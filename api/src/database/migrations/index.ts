import { RegistryCore1764000000000 } from './1764000000000-RegistryCore';
import { Accounts1764000000100 } from './1764000000100-Accounts';
import { SeedRegions1764000000200 } from './1764000000200-SeedRegions';
import { ListIndexes1764000000300 } from './1764000000300-ListIndexes';
import { ApplicationRoleAndRowSecurity1764000001000 } from './1764000001000-ApplicationRoleAndRowSecurity';
import { AnalyticsRollups1764000002000 } from './1764000002000-AnalyticsRollups';
import { AnalyticsRefreshNotify1764000002100 } from './1764000002100-AnalyticsRefreshNotify';
import { Imports1764000003000 } from './1764000003000-Imports';
import { Awards1764000004000 } from './1764000004000-Awards';
import { SubRecordRowSecurity1764000005000 } from './1764000005000-SubRecordRowSecurity';
import { AnalyticsPersonDelta1764000006000 } from './1764000006000-AnalyticsPersonDelta';
import { ImportQueue1764000007000 } from './1764000007000-ImportQueue';
import { CertificateVerification1765800000000 } from './1765800000000-CertificateVerification';
import { IdNumberProbes1766000000000 } from './1766000000000-IdNumberProbes';
import { EffectiveDatedRegistry1766100000000 } from './1766100000000-EffectiveDatedRegistry';
import { ClosedYearsAndTargets1766200000000 } from './1766200000000-ClosedYearsAndTargets';
import { ProvinceCode1766300000000 } from './1766300000000-ProvinceCode';
import { ImportJobReport1766500000000 } from './1766500000000-ImportJobReport';
import { Studios1766700000000 } from './1766700000000-Studios';
import { TrainingAndSubsidies1766700001000 } from './1766700001000-TrainingAndSubsidies';
import { DataQualityRules1766800000000 } from './1766800000000-DataQualityRules';
import { BoundaryMaps1766810000000 } from './1766810000000-BoundaryMaps';
import { ProvinceCodeChecks1766820000000 } from './1766820000000-ProvinceCodeChecks';
import { SessionWritePosition1766830000000 } from './1766830000000-SessionWritePosition';
import { LoginAttempts1766840000000 } from './1766840000000-LoginAttempts';
import { WorkRecords1766900000000 } from './1766900000000-WorkRecords';
import { EntitiesMatchSchema1766910000000 } from './1766910000000-EntitiesMatchSchema';

// Listed explicitly (not globbed) so the same list works compiled, under jest and in the CLI.
// One per line, in timestamp order (scripts regenerate it on merges).
export const MIGRATIONS = [
  RegistryCore1764000000000,
  Accounts1764000000100,
  SeedRegions1764000000200,
  ListIndexes1764000000300,
  ApplicationRoleAndRowSecurity1764000001000,
  AnalyticsRollups1764000002000,
  AnalyticsRefreshNotify1764000002100,
  Imports1764000003000,
  Awards1764000004000,
  SubRecordRowSecurity1764000005000,
  AnalyticsPersonDelta1764000006000,
  ImportQueue1764000007000,
  CertificateVerification1765800000000,
  IdNumberProbes1766000000000,
  EffectiveDatedRegistry1766100000000,
  ClosedYearsAndTargets1766200000000,
  ProvinceCode1766300000000,
  ImportJobReport1766500000000,
  Studios1766700000000,
  TrainingAndSubsidies1766700001000,
  DataQualityRules1766800000000,
  BoundaryMaps1766810000000,
  ProvinceCodeChecks1766820000000,
  SessionWritePosition1766830000000,
  LoginAttempts1766840000000,
  WorkRecords1766900000000,
  EntitiesMatchSchema1766910000000,
];
