import { COORDINATOR_CATEGORY_NAMES, coordinatorCategoryLabel, parseCoordinatorCategory } from '.';

describe('coordinator categories (三(一) 1–6)', () => {
  it('labels each category with its code first', () => {
    expect(coordinatorCategoryLabel(1)).toBe('1 用人单位协调劳动关系工作人员');
    expect(coordinatorCategoryLabel(6)).toBe('6 其他人员');
  });

  it('reads back every label, the bare code and the name alone', () => {
    for (const code of [1, 2, 3, 4, 5, 6]) {
      expect(parseCoordinatorCategory(coordinatorCategoryLabel(code))).toBe(code);
      expect(parseCoordinatorCategory(code)).toBe(code);
      expect(parseCoordinatorCategory(String(code))).toBe(code);
      expect(parseCoordinatorCategory(`第${code}类`)).toBe(code);
      expect(parseCoordinatorCategory(COORDINATOR_CATEGORY_NAMES[code as 1])).toBe(code);
      expect(parseCoordinatorCategory(`三(一)${code}`)).toBe(code);
    }
  });

  it('refuses codes outside 1–6 and a code with another category’s name', () => {
    expect(parseCoordinatorCategory(7)).toBeNull();
    expect(parseCoordinatorCategory('0')).toBeNull();
    expect(parseCoordinatorCategory('2 用人单位协调劳动关系工作人员')).toBeNull();
    expect(parseCoordinatorCategory('管理人员')).toBeNull();
  });
});
