import { makeIdNumber } from '../identity';
import { containsIdNumber, maskIdNumbersDeep, maskIdNumbersInText } from './index';

const ID = makeIdNumber('220104', '1985-06-15', 2, 'FEMALE');

describe('maskIdNumbersInText', () => {
  it('masks an ID number wherever it stands in text, valid or mistyped, lower-case x too', () => {
    expect(maskIdNumbersInText(`身份证号 ${ID} 已登记`)).toBe(`身份证号 ${ID.slice(0, 4)}**********${ID.slice(-4)} 已登记`);
    const mistyped = `${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}`;
    expect(containsIdNumber(maskIdNumbersInText(`"${mistyped}"`))).toBe(false);
    expect(maskIdNumbersInText('22010419850615002x')).toBe('2201**********002X');
  });

  it('leaves other numbers alone: ids, phone numbers, credit codes, longer digit runs', () => {
    for (const text of ['123456789012345678901', '13912345678', '91220104MA0000000X', 'id 42', '2021-11-30']) {
      expect(maskIdNumbersInText(text)).toBe(text);
    }
  });
});

describe('maskIdNumbersDeep', () => {
  it('masks values under ID-number keys whatever their shape, and JSON text as structure', () => {
    const masked = maskIdNumbersDeep({
      reason: `核对 ${ID}`,
      filter: JSON.stringify({ idNumber: '2201041985', search: ID }),
      changes: { idNumber: { before: ID, after: '2201**********0028' } },
      list: [ID, 3],
    });
    const text = JSON.stringify(masked);
    expect(containsIdNumber(text)).toBe(false);
    expect(text).not.toContain('2201041985');
    expect((masked as { changes: { idNumber: { after: string } } }).changes.idNumber.after).toBe('2201**********0028');
    expect((masked as { list: unknown[] }).list[1]).toBe(3);
  });
});
