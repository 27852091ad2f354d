import {
  cellText,
  excelSerialToIsoDate,
  isBlankCell,
  labelWithCode,
  parseCodeCell,
  parseLabelled,
  parseLooseDate,
  parseLooseNumber,
  parseSmallInteger,
  parseYesNo,
} from './index';

describe('parseLooseDate', () => {
  it.each([
    ['2021-11-30', '2021-11-30'],
    ['2021/11/30', '2021-11-30'],
    ['2021/1/5', '2021-01-05'],
    ['2021.11.30', '2021-11-30'],
    ['2021年11月30日', '2021-11-30'],
    ['2021年1月5号', '2021-01-05'],
    [' 2021 年 11 月 30 日 ', '2021-11-30'],
    ['20211130', '2021-11-30'],
    ['2021-11-30 08:15:00', '2021-11-30'],
    ['2021-11-30T00:00:00Z', '2021-11-30'],
    [44530, '2021-11-30'],
    ['44530', '2021-11-30'],
    [20211130, '2021-11-30'],
    [new Date(Date.UTC(2021, 10, 30)), '2021-11-30'],
  ])('reads %p as %s', (input, expected) => {
    expect(parseLooseDate(input)).toBe(expected);
  });

  it.each(['2021-02-30', '2021/13/01', '2021年2月29日', 'yesterday', '', '30/11/2021', 0, 60, new Date('x')])('refuses %p', (input) => {
    expect(parseLooseDate(input)).toBeNull();
  });

  it('handles Excel serials on both sides of the phantom 1900-02-29', () => {
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(25569)).toBe('1970-01-01');
  });
});

describe('cell readers', () => {
  it('treats whitespace as blank and reads rich text', () => {
    expect(isBlankCell('  ')).toBe(true);
    expect(isBlankCell(0)).toBe(false);
    expect(cellText({ richText: [{ text: '张' }, { text: '三 ' }] })).toBe('张三');
    expect(cellText({ formula: 'A1', result: 12 })).toBe('12');
  });

  it('reads 是/否, levels, numbers and codes', () => {
    expect(parseYesNo('是')).toBe(true);
    expect(parseYesNo('N')).toBe(false);
    expect(parseYesNo('也许')).toBeNull();
    expect(parseSmallInteger('三级')).toBe(3);
    expect(parseSmallInteger('第2类')).toBe(2);
    expect(parseSmallInteger(4)).toBe(4);
    expect(parseSmallInteger('3.5')).toBeNull();
    expect(parseLooseNumber('1,200')).toBe(1200);
    expect(parseLooseNumber('12a')).toBeNull();
    expect(parseCodeCell('南关区（220102）')).toBe('220102');
    expect(parseCodeCell('220102')).toBe('220102');
    expect(parseCodeCell('南关区')).toBeNull();
    expect(parseCodeCell(labelWithCode('制造业', 'C'), '1,9')).toBe('C');
  });

  it('reads a labelled choice by label, code or label（code）', () => {
    const labels = { BACHELOR: '本科', MASTER: '硕士' } as const;
    expect(parseLabelled('本科', labels)).toBe('BACHELOR');
    expect(parseLabelled('master', labels)).toBe('MASTER');
    expect(parseLabelled('硕士（MASTER）', labels)).toBe('MASTER');
    expect(parseLabelled('大专', labels)).toBeNull();
  });
});
