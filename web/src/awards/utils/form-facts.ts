import type { EligibilityFacts, EducationLevel, HonorLevel, IsoDate } from '@registry/domain';
import { isValidIsoDate } from '@registry/domain';

// The nomination form edits a copy of the coordinator's records (certificates, education, work
// history, honors, discipline) and asks the very function the server uses for the verdict. Rows
// still being typed (no date yet, no occupation) are left out rather than guessed.

interface Row {
  [key: string]: unknown;
}

export interface NominationFormFacts {
  tripartiteOrGrassroots?: boolean;
  certificates?: Row[] | null;
  educations?: Row[] | null;
  workPeriods?: Row[] | null;
  honors?: Row[] | null;
  disciplinaryRecords?: Row[] | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const date = (value: unknown): IsoDate | null => (typeof value === 'string' && isValidIsoDate(value) ? value : null);

export function formFacts(
  values: NominationFormFacts,
  employerIncidents: EligibilityFacts['employerIncidents'] = [],
  attestations: EligibilityFacts['attestations'] = [],
): EligibilityFacts {
  const rows = (list: Row[] | null | undefined) => (list ?? []).filter((row): row is Row => Boolean(row));
  return {
    tripartiteOrGrassroots: Boolean(values.tripartiteOrGrassroots),
    certificates: rows(values.certificates)
      .filter((row) => text(row.occupation) && date(row.issuedOn))
      .map((row) => ({
        occupation: text(row.occupation),
        level: typeof row.level === 'number' ? row.level : null,
        title: text(row.title) || null,
        issuedOn: date(row.issuedOn)!,
      })),
    educations: rows(values.educations)
      .filter((row) => typeof row.level === 'string' && text(row.major))
      .map((row) => ({ level: row.level as EducationLevel, major: text(row.major), graduatedOn: date(row.graduatedOn) })),
    workPeriods: rows(values.workPeriods)
      .filter((row) => text(row.occupation) && date(row.start))
      .map((row) => ({ start: date(row.start)!, end: date(row.end), occupation: text(row.occupation) })),
    honors: rows(values.honors)
      .filter((row) => text(row.title) && typeof row.level === 'string' && date(row.awardedOn))
      .map((row) => ({ title: text(row.title), level: row.level as HonorLevel, awardedOn: date(row.awardedOn)! })),
    disciplinaryRecords: rows(values.disciplinaryRecords)
      .filter((row) => text(row.kind) && date(row.occurredOn))
      .map((row) => ({ kind: text(row.kind), occurredOn: date(row.occurredOn)! })),
    employerIncidents,
    attestations,
  };
}

/** Attestations the nominating user ticks on the form, dated today. */
export function formAttestations(keys: readonly string[], attestedBy: string, today: IsoDate): NonNullable<EligibilityFacts['attestations']> {
  return keys.map((clause) => ({ clause, attestedBy, attestedOn: today }));
}

