import { maskPersonName } from './index';

describe('maskPersonName (public certificate verification)', () => {
  it('keeps the surname and the last character of a three-character name', () => {
    expect(maskPersonName('张晓明')).toBe('张*明');
    expect(maskPersonName(' 李 建国 ')).not.toContain('建');
  });

  it('masks the given name of a two-character name whole', () => {
    expect(maskPersonName('张明')).toBe('张*');
    expect(maskPersonName('王')).toBe('*');
  });

  it('keeps a compound surname whole', () => {
    expect(maskPersonName('欧阳晓明')).toBe('欧阳*明');
    expect(maskPersonName('欧阳明')).toBe('欧阳*');
    expect(maskPersonName('诸葛亮')).toBe('诸葛*');
    expect(maskPersonName('皇甫铁牛')).toBe('皇甫*牛');
    // a two-character name starting like a compound surname is surname + given name
    expect(maskPersonName('司马')).toBe('司*');
  });

  it('masks the middle of a four-character name without a compound surname', () => {
    expect(maskPersonName('张王小明')).toBe('张**明');
    expect(maskPersonName('爱新觉罗启')).toBe('爱***启');
  });

  it('handles transcribed names with a middle dot', () => {
    expect(maskPersonName('阿依古丽·买买提')).toBe('阿***·**提');
    expect(maskPersonName('约翰·史密斯')).toBe('约*·**斯');
    expect(maskPersonName('热依拉.买买提')).toBe('热**·**提');
  });

  it('handles Latin-script names', () => {
    expect(maskPersonName('Anna Smith')).toBe('A*** ****h');
  });

  it('never shows more than the surname and one more character of a Chinese name', () => {
    for (const name of ['刘德华', '金明哲', '朴正熙', '欧阳娜娜', '上官婉儿']) {
      const masked = maskPersonName(name);
      expect([...masked]).toHaveLength([...name].length);
      expect([...masked].filter((character) => character !== '*').length).toBeLessThanOrEqual(3);
      expect(masked).toContain('*');
    }
  });
});
