/**
 * Spreadsheet safety. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * can be run as a formula when a CSV file is opened in a spreadsheet (CSV injection). Such text is
 * written with a leading apostrophe in CSV, and as a string cell (never a formula) in XLSX.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** `=HYPERLINK(…)` → `'=HYPERLINK(…)`; other text unchanged. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

const WHOLE = /^-?(0|[1-9][0-9]*)$/;

/** Whole đồng as written: `"8040000000"`; `"-120000000"` for an overrun. */
export function isWholeNumberText(text: string): boolean {
  return WHOLE.test(text);
}

/**
 * Whole đồng as a spreadsheet number when that number is exact (|n| ≤ 2^53 − 1); otherwise
 * undefined, and the amount is written as text so that no đồng is lost.
 */
export function exactNumber(digits: string): number | undefined {
  if (!isWholeNumberText(digits)) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : undefined;
}
