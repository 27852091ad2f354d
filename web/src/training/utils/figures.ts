import type { TrainingFiguresQuery } from '@registry/graphql-client';

type Figures = TrainingFiguresQuery['trainingFigures'];

export interface TrainingYearRow {
  year: number;
  trainedPeople: number;
  trainingHours: number;
  /** people certified per level, keyed `level1` … `level5` */
  levels: Record<string, number>;
  certifiedTotal: number;
}

/** One table row per year, certified people spread into one column per level. */
export function trainingYearRows(figures: Figures | undefined): TrainingYearRow[] {
  return (figures?.years ?? []).map((year) => {
    const levels = Object.fromEntries(year.certified.map((entry) => [`level${entry.level}`, entry.people]));
    return {
      year: year.year,
      trainedPeople: year.trainedPeople,
      trainingHours: year.trainingHours,
      levels,
      certifiedTotal: year.certified.reduce((sum, entry) => sum + entry.people, 0),
    };
  });
}

/** Share of the priority employers' coordinators trained in the year, 0–1 (null without staff). */
export function priorityTrainedShare(priority: Figures['priorityGroup'] | undefined): number | null {
  if (!priority || priority.staff === 0) return null;
  return priority.trainedStaff / priority.staff;
}

/** Only the subsidy rows with something in them, so a quiet year is not a wall of zeros. */
export function activeSubsidyRows(figures: Figures | undefined): Figures['subsidies'] {
  return (figures?.subsidies ?? []).filter((row) => row.granted + row.applied + row.refused > 0);
}
