import type { SubsidyClaimRecord, TrainingParticipationRecord, TrainingProviderRecord, TrainingSessionRecord } from './training.model';

// Column lists and row mappers shared by the training services (raw SQL, no entity hydration).
export const PROVIDER_COLUMNS = `p.id::text, p.name, p.credit_code, p.qualified, p.qualification_note, p.region_code, p.region_path, p.active, p.version, p.created_at, p.updated_at`;
export const SESSION_COLUMNS = `s.id::text, s.provider_id::text, s.title, s.starts_on, s.ends_on, s.hours, s.mode, s.target_level, s.region_code, s.region_path, s.version`;
export const PARTICIPATION_COLUMNS = `t.id::text, t.session_id::text, t.coordinator_id::text, t.result, t.hours, t.completed_on, t.certificate_level,
  t.certificate_number, t.region_code, t.region_path, t.version`;
export const CLAIM_COLUMNS = `k.id::text, k.coordinator_id::text, k.participation_id::text, k.kind, k.amount, k.state, k.applied_on, k.decided_on,
  k.decision_note, k.region_code, k.region_path, k.version`;

type Row = Record<string, any>;

export const providerFromRow = (row: Row): TrainingProviderRecord => ({
  id: row.id,
  name: row.name,
  creditCode: row.credit_code,
  qualified: row.qualified,
  qualificationNote: row.qualification_note,
  regionCode: row.region_code,
  regionPath: row.region_path,
  active: row.active,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const sessionFromRow = (row: Row): TrainingSessionRecord => ({
  id: row.id,
  providerId: row.provider_id,
  title: row.title,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  hours: Number(row.hours),
  mode: row.mode,
  targetLevel: row.target_level,
  regionCode: row.region_code,
  regionPath: row.region_path,
  version: row.version,
});

export const participationFromRow = (row: Row): TrainingParticipationRecord => ({
  id: row.id,
  sessionId: row.session_id,
  coordinatorId: row.coordinator_id,
  result: row.result,
  hours: Number(row.hours),
  completedOn: row.completed_on,
  certificateLevel: row.certificate_level,
  certificateNumber: row.certificate_number,
  regionCode: row.region_code,
  regionPath: row.region_path,
  version: row.version,
});

export const claimFromRow = (row: Row): SubsidyClaimRecord => ({
  id: row.id,
  coordinatorId: row.coordinator_id,
  participationId: row.participation_id,
  kind: row.kind,
  amount: Number(row.amount),
  state: row.state,
  appliedOn: row.applied_on,
  decidedOn: row.decided_on,
  decisionNote: row.decision_note,
  regionCode: row.region_code,
  regionPath: row.region_path,
  version: row.version,
});

export const isId = (id: string | null | undefined): id is string => typeof id === 'string' && /^\d{1,18}$/.test(id);
