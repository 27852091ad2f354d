import type {
  CertificateInput,
  CoordinatorAffiliation,
  CoordinatorDetailFragment,
  CoordinatorInput,
  DisciplinaryRecordInput,
  EducationInput,
  HonorInput,
  TrainingInput,
  UpdateCoordinatorInput,
  WorkPeriodInput,
  WorkRecordInput,
} from '@registry/graphql-client';

// The coordinator form keeps the API's own field names (so a server error naming
// `certificates[0].issuedOn` lands on that very field) and plain 'YYYY-MM-DD' date strings.
type Row<T> = { [K in keyof T]?: T[K] | null };

export interface CoordinatorFormValues {
  name?: string;
  /** create only: the ID number cannot change once registered */
  idNumber?: string;
  phone?: string | null;
  regionCode?: string | null;
  enterpriseId?: string | null;
  unitName?: string | null;
  post?: string | null;
  tripartiteOrGrassroots?: boolean;
  /** null: let the server derive it */
  affiliation?: CoordinatorAffiliation | null;
  /** 三(一) 1–6; null: let the server derive it */
  category?: number | null;
  joinedOn?: string | null;
  certificates?: Row<CertificateInput>[];
  educations?: Row<EducationInput>[];
  workPeriods?: Row<WorkPeriodInput>[];
  trainings?: Row<TrainingInput>[];
  honors?: Row<HonorInput>[];
  disciplinaryRecords?: Row<DisciplinaryRecordInput>[];
  workRecords?: Row<WorkRecordInput>[];
}

export const SUB_RECORD_LISTS = [
  'certificates',
  'educations',
  'workPeriods',
  'trainings',
  'honors',
  'disciplinaryRecords',
  'workRecords',
] as const;
export type SubRecordList = (typeof SUB_RECORD_LISTS)[number];

/** Every top-level name on the form (server errors on other fields go to the alert). */
export const COORDINATOR_FORM_FIELDS = [
  'name',
  'idNumber',
  'phone',
  'regionCode',
  'enterpriseId',
  'unitName',
  'post',
  'tripartiteOrGrassroots',
  'affiliation',
  'category',
  'joinedOn',
  ...SUB_RECORD_LISTS,
] as const;

export const EMPTY_COORDINATOR_FORM: CoordinatorFormValues = {
  tripartiteOrGrassroots: false,
  affiliation: null,
  category: null,
  certificates: [],
  educations: [],
  workPeriods: [],
  trainings: [],
  honors: [],
  disciplinaryRecords: [],
  workRecords: [],
};

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function required(value: string | null | undefined): string {
  return value?.trim() ?? '';
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function subRecords(values: CoordinatorFormValues) {
  return {
    certificates: (values.certificates ?? []).map(
      (row): CertificateInput => ({
        occupation: required(row.occupation),
        level: row.level as number,
        issuedOn: row.issuedOn as string,
        title: text(row.title),
        certificateNumber: text(row.certificateNumber),
        issuer: text(row.issuer),
      }),
    ),
    educations: (values.educations ?? []).map(
      (row): EducationInput => ({
        level: row.level as EducationInput['level'],
        major: required(row.major),
        school: text(row.school),
        graduatedOn: row.graduatedOn || null,
      }),
    ),
    workPeriods: (values.workPeriods ?? []).map(
      (row): WorkPeriodInput => ({
        start: row.start as string,
        end: row.end || null,
        occupation: required(row.occupation),
        employer: text(row.employer),
      }),
    ),
    trainings: (values.trainings ?? []).map(
      (row): TrainingInput => ({
        course: required(row.course),
        hours: numberOrNull(row.hours) ?? 0,
        completedOn: row.completedOn as string,
        provider: text(row.provider),
        result: text(row.result),
        subsidyKind: row.subsidyKind ?? null,
        subsidyAmount: numberOrNull(row.subsidyAmount),
      }),
    ),
    honors: (values.honors ?? []).map(
      (row): HonorInput => ({
        title: required(row.title),
        level: row.level as HonorInput['level'],
        awardedOn: row.awardedOn as string,
        issuer: text(row.issuer),
      }),
    ),
    disciplinaryRecords: (values.disciplinaryRecords ?? []).map(
      (row): DisciplinaryRecordInput => ({
        kind: required(row.kind),
        occurredOn: row.occurredOn as string,
        description: text(row.description),
      }),
    ),
    workRecords: (values.workRecords ?? []).map(
      (row): WorkRecordInput => ({
        // the record's id keeps it the same record (its author and history); the fields this
        // tab does not show travel along unchanged
        ...(row.id ? { id: row.id } : {}),
        kind: row.kind as WorkRecordInput['kind'],
        count: numberOrNull(row.count) ?? 1,
        recordedOn: row.recordedOn as string,
        precision: row.precision ?? 'DAY',
        enterpriseId: row.enterpriseId ?? null,
        outcome: row.kind === 'DISPUTE_MEDIATED' ? (row.outcome ?? null) : null,
        description: text(row.description),
      }),
    ),
  };
}

/** The fields create and update send alike. */
function sharedInput(values: CoordinatorFormValues) {
  return {
    name: required(values.name),
    tripartiteOrGrassroots: Boolean(values.tripartiteOrGrassroots),
    enterpriseId: values.enterpriseId || null,
    phone: text(values.phone),
    unitName: text(values.unitName),
    post: text(values.post),
    ...subRecords(values),
    // Left out, the server derives them (affiliation from employer/tripartite, category from it).
    ...(values.affiliation ? { affiliation: values.affiliation } : {}),
    ...(values.category ? { category: values.category } : {}),
    ...(joinedOnToSend(values) ? { joinedOn: joinedOnToSend(values) as string } : {}),
  };
}

/** The earliest start among the form's work periods ('YYYY-MM-DD' compares as text); null when none. */
export function earliestWorkPeriodStart(workPeriods: CoordinatorFormValues['workPeriods']): string | null {
  const starts = (workPeriods ?? []).map((row) => row?.start).filter((start): start is string => Boolean(start));
  return starts.length ? starts.reduce((earliest, start) => (start < earliest ? start : earliest)) : null;
}

// A blank 入职日期 takes the earliest work period, as the field's help says (also on update, where
// the server would otherwise keep the stored date); with no work period the server takes today.
function joinedOnToSend(values: CoordinatorFormValues): string | null {
  return values.joinedOn || earliestWorkPeriodStart(values.workPeriods);
}

export function toCreateCoordinatorInput(values: CoordinatorFormValues): CoordinatorInput {
  return { ...sharedInput(values), idNumber: required(values.idNumber).toUpperCase(), regionCode: values.regionCode ?? '' };
}

/** Update sends every field and every list (a given list replaces the stored one) with the version read. */
export function toUpdateCoordinatorInput(values: CoordinatorFormValues, id: string, version: number): UpdateCoordinatorInput {
  return { id, version, ...sharedInput(values), regionCode: values.regionCode ?? undefined };
}

export function coordinatorToFormValues(coordinator: CoordinatorDetailFragment): CoordinatorFormValues {
  return {
    name: coordinator.name,
    phone: coordinator.phone,
    regionCode: coordinator.regionCode,
    enterpriseId: coordinator.enterpriseId,
    unitName: coordinator.unitName,
    post: coordinator.post,
    tripartiteOrGrassroots: coordinator.tripartiteOrGrassroots,
    affiliation: coordinator.affiliation,
    category: coordinator.category,
    joinedOn: coordinator.joinedOn,
    certificates: coordinator.certificates.map(({ occupation, level, title, certificateNumber, issuer, issuedOn }) => ({
      occupation,
      level,
      title,
      certificateNumber,
      issuer,
      issuedOn,
    })),
    educations: coordinator.educations.map(({ level, major, school, graduatedOn }) => ({ level, major, school, graduatedOn })),
    workPeriods: coordinator.workPeriods.map(({ start, end, occupation, employer }) => ({ start, end, occupation, employer })),
    trainings: coordinator.trainings.map(({ course, hours, provider, result, completedOn, subsidyKind, subsidyAmount }) => ({
      course,
      hours,
      provider,
      result,
      completedOn,
      subsidyKind,
      subsidyAmount,
    })),
    honors: coordinator.honors.map(({ title, level, awardedOn, issuer }) => ({ title, level, awardedOn, issuer })),
    disciplinaryRecords: coordinator.disciplinaryRecords.map(({ kind, occurredOn, description }) => ({ kind, occurredOn, description })),
    workRecords: coordinator.workRecords.map(({ id, kind, count, recordedOn, precision, enterpriseId, outcome, description }) => ({
      id,
      kind,
      count,
      recordedOn,
      precision,
      enterpriseId,
      outcome,
      description,
    })),
  };
}
