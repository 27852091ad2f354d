// The lists behind "本职业或相关职业" and "本专业或相关专业" (the last paragraph of 四(一)2),
// and the professional-title bridge for certificates without a numbered level. Defaults come
// from the notice; an administrator may extend them, so the engine takes them as a parameter.

/** Skill level: 5 = 五级/初级工, 4 = 四级/中级工, 3 = 三级/高级工, 2 = 二级/技师, 1 = 一级/高级技师. */
export type SkillLevel = 1 | 2 | 3 | 4 | 5;

export const SKILL_LEVEL_NUMERALS: Record<SkillLevel, string> = { 1: '一', 2: '二', 3: '三', 4: '四', 5: '五' };

export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = {
  5: '五级（初级工）',
  4: '四级（中级工）',
  3: '三级（高级工）',
  2: '二级（技师）',
  1: '一级（高级技师）',
};

export interface TitleLevelEquivalent {
  title: string;
  level: SkillLevel;
}

export interface EligibilityTables {
  /** Occupation names that count as this or a related occupation (本职业或相关职业), matched exactly. */
  relatedOccupations: string[];
  /** An occupation containing one of these also counts. */
  relatedOccupationKeywords: string[];
  /** Majors that count as this or a related major (本专业或相关专业), matched exactly. */
  relatedMajors: string[];
  relatedMajorKeywords: string[];
  /** Non-numbered certificates and the skill level they stand for (技能人才与专业技术人才贯通). */
  titleLevelEquivalents: TitleLevelEquivalent[];
  /** Honor titles that open gold path e (构建和谐劳动关系先进个人). */
  harmonyHonorKeywords: string[];
  /** Honor titles that count as "劳动关系领域相关荣誉" for the work-results requirement. */
  fieldHonorKeywords: string[];
}

export const DEFAULT_ELIGIBILITY_TABLES: EligibilityTables = {
  relatedOccupations: [
    '劳动关系协调员',
    '劳动关系协调师',
    '人力资源管理',
    '人力资源管理师',
    '企业人力资源管理师',
    '劳动保障事务处理',
    '劳动保障协理员',
    '劳动保障专理员',
    '社会工作者',
    '社会工作',
    '劳动关系社会工作',
    '助理社会工作师',
    '社会工作师',
    '高级社会工作师',
  ],
  relatedOccupationKeywords: ['劳动关系', '人力资源管理', '劳动保障'],
  relatedMajors: ['劳动关系', '劳动与社会保障', '劳动经济学', '人力资源管理', '工商企业管理', '工商管理', '法学', '社会学'],
  relatedMajorKeywords: ['劳动关系', '劳动与社会保障', '劳动经济', '人力资源管理'],
  titleLevelEquivalents: [
    { title: '助理社会工作师', level: 3 },
    { title: '社会工作师', level: 2 },
    { title: '高级社会工作师', level: 1 },
  ],
  harmonyHonorKeywords: ['构建和谐劳动关系先进个人'],
  fieldHonorKeywords: ['劳动关系', '劳动争议', '劳动人事争议', '劳动保障', '人力资源', '集体协商', '调解'],
};

/** The defaults plus an administrator's additions (an added title replaces a default one). */
export function extendEligibilityTables(
  additions: Partial<EligibilityTables>,
  base: EligibilityTables = DEFAULT_ELIGIBILITY_TABLES,
): EligibilityTables {
  const union = (left: string[], right: string[] = []) => [...new Set([...left, ...right])];
  const addedTitles = additions.titleLevelEquivalents ?? [];
  return {
    relatedOccupations: union(base.relatedOccupations, additions.relatedOccupations),
    relatedOccupationKeywords: union(base.relatedOccupationKeywords, additions.relatedOccupationKeywords),
    relatedMajors: union(base.relatedMajors, additions.relatedMajors),
    relatedMajorKeywords: union(base.relatedMajorKeywords, additions.relatedMajorKeywords),
    titleLevelEquivalents: [
      ...base.titleLevelEquivalents.filter((entry) => !addedTitles.some((added) => normalizeName(added.title) === normalizeName(entry.title))),
      ...addedTitles,
    ],
    harmonyHonorKeywords: union(base.harmonyHonorKeywords, additions.harmonyHonorKeywords),
    fieldHonorKeywords: union(base.fieldHonorKeywords, additions.fieldHonorKeywords),
  };
}

// Names come from forms and spreadsheets: stray spaces (also the full-width 　) must not
// decide eligibility.
export function normalizeName(name: string | null | undefined): string {
  return (name ?? '').replace(/[\s\u3000]+/g, '');
}

function matches(name: string, exact: readonly string[], keywords: readonly string[]): boolean {
  const normalized = normalizeName(name);
  if (normalized === '') return false;
  return (
    exact.some((entry) => normalizeName(entry) === normalized) ||
    keywords.some((keyword) => normalizeName(keyword) !== '' && normalized.includes(normalizeName(keyword)))
  );
}

export function isRelatedOccupation(occupation: string, tables: EligibilityTables = DEFAULT_ELIGIBILITY_TABLES): boolean {
  return matches(occupation, tables.relatedOccupations, tables.relatedOccupationKeywords);
}

export function isRelatedMajor(major: string, tables: EligibilityTables = DEFAULT_ELIGIBILITY_TABLES): boolean {
  return matches(major, tables.relatedMajors, tables.relatedMajorKeywords);
}

export function isSkillLevel(level: unknown): level is SkillLevel {
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 5;
}

/** The level a title such as 社会工作师 stands for; exact match only (社会工作师 ⊂ 助理社会工作师). */
export function titleLevel(title: string | null | undefined, tables: EligibilityTables = DEFAULT_ELIGIBILITY_TABLES): SkillLevel | null {
  const normalized = normalizeName(title);
  if (normalized === '') return null;
  return tables.titleLevelEquivalents.find((entry) => normalizeName(entry.title) === normalized)?.level ?? null;
}
