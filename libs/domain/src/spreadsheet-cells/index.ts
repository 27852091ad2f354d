// Formula injection ("CSV Injection", OWASP): a cell whose text starts with = + - @ tab or CR
// is run as a formula by Excel and LibreOffice when the file is opened or the cell edited
// (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `@SUM(1)`). Every CSV and xlsx the server and the web
// write passes its text cells through neutralizeFormula, which puts a single quote in front as
// OWASP describes; numbers stay numbers (and text that is just a number, like "-5", stays as
// it is: it cannot be a formula). The import reader takes the quote off again
// (restoreNeutralized), so an exported file re-imports unchanged.

const TRIGGER = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when `text` would be read as a formula. */
export function startsLikeFormula(text: string): boolean {
  return TRIGGER.test(text) && !PLAIN_NUMBER.test(text);
}

/** A cell value safe to write: text that would start a formula gets a leading "'"; everything else as it is. */
export function neutralizeFormula<T>(value: T): T | string {
  return typeof value === 'string' && startsLikeFormula(value) ? `'${value}` : value;
}

/** The text of a cell as written by neutralizeFormula, read back: the quote it added goes. */
export function restoreNeutralized(text: string): string {
  return text.length > 1 && text[0] === "'" && startsLikeFormula(text.slice(1)) ? text.slice(1) : text;
}
