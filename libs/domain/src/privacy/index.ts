// Personal data in free text: what looks like a resident ID number (GB 11643: six-digit area
// code, a birth date from 1800 to 2099, three sequence digits and a check character) is
// masked wherever text leaves the registry's own columns — audit details, log lines, error
// messages. The checksum is not required: a mistyped number is still someone's number.

const ID_NUMBER_IN_TEXT = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;

/** 2201**********1234, as ID numbers are shown to those who may not see them. */
function masked(idNumber: string): string {
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** `text` with every ID-number-shaped run masked. */
export function maskIdNumbersInText(text: string): string {
  return text.replace(ID_NUMBER_IN_TEXT, (found) => masked(found.toUpperCase()));
}

/** Whether `text` holds an ID-number-shaped run. */
export function containsIdNumber(text: string): boolean {
  ID_NUMBER_IN_TEXT.lastIndex = 0;
  const found = ID_NUMBER_IN_TEXT.test(text);
  ID_NUMBER_IN_TEXT.lastIndex = 0;
  return found;
}

/** A field named like an ID number: its value is masked whatever its shape. */
const ID_NUMBER_KEY = /^(id_?number|idNumbers?|id_number_plain|身份证号码?)$/i;

/**
 * A copy of `value` (JSON-like: objects, arrays, strings, numbers) with ID numbers masked in
 * every string, every value under an ID-number key masked whole, and JSON text inside a string
 * (an export's filter as the client sent it) masked as the structure it holds.
 */
export function maskIdNumbersDeep(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (ID_NUMBER_KEY.test(key)) return value.length >= 8 && !value.includes('*') ? masked(value.trim().toUpperCase()) : value.includes('*') ? value : '***';
    const trimmed = value.trim();
    if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
      try {
        return JSON.stringify(maskIdNumbersDeep(JSON.parse(trimmed)));
      } catch {
        // not JSON after all: masked as text below
      }
    }
    return maskIdNumbersInText(value);
  }
  if (typeof value === 'number' && ID_NUMBER_KEY.test(key)) return '***';
  if (Array.isArray(value)) return value.map((item) => maskIdNumbersDeep(item, key));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, maskIdNumbersDeep(inner, name)]));
  }
  return value;
}
