// 三(一) the six kinds of coordinator (人员类别), as the notice lists them. The spreadsheets
// (template dropdown, exports) write "1 用人单位协调劳动关系工作人员"; an import reads that,
// the bare code (1, '1', '第1类', '三(一)1') or the name alone.
import { cellText, parseSmallInteger } from '../import-values';

export type CoordinatorCategory = 1 | 2 | 3 | 4 | 5 | 6;

export const COORDINATOR_CATEGORY_NAMES: Readonly<Record<CoordinatorCategory, string>> = {
  1: '用人单位协调劳动关系工作人员',
  2: '社保、人才、职介、法律服务等行业人员',
  3: '人社部门及基层公共服务平台人员',
  4: '工会、企业代表组织人员',
  5: '调解机构人员',
  6: '其他人员',
};

/** "1 用人单位协调劳动关系工作人员": the code first, so a sorted dropdown reads 1–6. */
export function coordinatorCategoryLabel(category: number): string {
  const name = COORDINATOR_CATEGORY_NAMES[category as CoordinatorCategory];
  return name ? `${category} ${name}` : String(category);
}

/** A category cell → 1–6; null when it names none (blank cells are the caller's concern). */
export function parseCoordinatorCategory(value: unknown): CoordinatorCategory | null {
  const valid = (code: number | null): CoordinatorCategory | null => (code !== null && code >= 1 && code <= 6 ? (code as CoordinatorCategory) : null);
  const direct = valid(parseSmallInteger(value));
  if (direct !== null) return direct;
  const text = cellText(value).replace(/^三\s*[(（]\s*一\s*[)）]\s*/, '').trim();
  const leading = /^(\d)(?:\s+|[.、．:：]\s*)(.*)$/.exec(text);
  if (leading) {
    const code = valid(Number(leading[1]));
    // "1 用人单位…": the name, when given, must be that code's
    if (code !== null && (!leading[2] || COORDINATOR_CATEGORY_NAMES[code] === leading[2].trim())) return code;
    return null;
  }
  const byName = (Object.entries(COORDINATOR_CATEGORY_NAMES) as [string, string][]).find(([, name]) => name === text);
  return byName ? valid(Number(byName[0])) : valid(parseSmallInteger(text));
}
