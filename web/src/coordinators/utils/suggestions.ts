import { DEFAULT_ELIGIBILITY_TABLES } from '@registry/domain';

// Suggestions for free-text fields: the "this or related" occupations and majors of 四(一)2,
// straight from the domain lib's default tables, so what the form suggests is what counts
// toward eligibility. The fields still accept any text.
export const OCCUPATION_SUGGESTIONS: readonly string[] = DEFAULT_ELIGIBILITY_TABLES.relatedOccupations;

export const MAJOR_SUGGESTIONS: readonly string[] = DEFAULT_ELIGIBILITY_TABLES.relatedMajors;

export const DISCIPLINARY_KIND_SUGGESTIONS = ['违法违纪', '党纪政务处分', '问责', '约谈', '失信惩戒'];

export const TRAINING_RESULT_SUGGESTIONS = ['合格', '不合格', '优秀'];
