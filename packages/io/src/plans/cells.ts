import type { Localized } from '@p135/rules';

/**
 * Values of a plan's cells as people write them in a spreadsheet, turned into the plan's own
 * forms: amounts (whole đồng, exact), dates, day counts, district and commune codes. Text is
 * checked against a closed pattern before anything reads it as a number, so `NaN`, `Infinity`,
 * `0x1F`, `1e9` or `1,5` never reach decimal.js.
 */

export type Converted = { readonly value: string } | { readonly problem: Localized };

const CURRENCY = /\s*(đồng|đ|₫|vnđ|vnd)\.?$/iu;
const PLAIN = /^[0-9]{1,30}$/;
const DOTTED = /^[0-9]{1,3}(\.[0-9]{3}){1,10}$/;
const SPACED = /^[0-9]{1,3}( [0-9]{3}){1,10}$/;

const badAmount = (written: string): Localized => ({
  vi: `"${written}" không phải số tiền: ghi số đồng chẵn, ví dụ 150000000 hoặc 150.000.000 (có thể thêm "đ"); không dùng dấu phẩy, phần lẻ, số mũ hay chữ`,
  en: `"${written}" is not an amount: write whole đồng, e.g. 150000000 or 150.000.000 (an "đ" may follow); no commas, fractions, exponents or words`,
});

/** vi-VN money text (`150.000.000`, `150.000.000 đ`, `150 000 000`, `150000000`) as digits; undefined when it is not one of those forms. */
export function moneyDigits(text: string): string | undefined {
  const t = text
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(CURRENCY, '')
    .trim();
  if (PLAIN.test(t)) return t;
  if (DOTTED.test(t)) return t.replace(/\./g, '');
  if (SPACED.test(t)) return t.replace(/ /g, '');
  return undefined;
}

/** An amount cell: a whole number cell, or vi-VN money text. */
export function amountOf(raw: unknown, text: string): Converted {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0) return { problem: badAmount(text) };
    if (!Number.isInteger(raw)) return { problem: { vi: `số tiền ${text} có phần lẻ: ghi số đồng chẵn`, en: `the amount ${text} has a fraction: write whole đồng` } };
    if (!Number.isSafeInteger(raw))
      return {
        problem: {
          vi: `số tiền ${text} quá lớn để ô số giữ chính xác: hãy định dạng ô là văn bản (Text) và ghi lại số`,
          en: `the amount ${text} is too large for a number cell to hold exactly: format the cell as Text and type the amount again`,
        },
      };
    return { value: String(raw) };
  }
  if (text.trim() === '') return { problem: { vi: 'thiếu số tiền', en: 'the amount is missing' } };
  const digits = moneyDigits(text);
  return digits === undefined ? { problem: badAmount(text.trim()) } : { value: digits };
}

const pad2 = (s: string) => s.padStart(2, '0');

/** A date as `YYYY-MM-DD`: a date cell's text, ISO text, or the Vietnamese order `8/9/2020`, `08-09-2020`, `08.09.2020`. */
export function dateOf(text: string): string {
  const t = text.trim();
  const iso = /^([0-9]{4}-[0-9]{2}-[0-9]{2})(T00:00:00)?$/.exec(t);
  if (iso) return iso[1] as string;
  const dmy = /^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$/.exec(t);
  if (dmy) return `${dmy[3]}-${pad2(dmy[2] as string)}-${pad2(dmy[1] as string)}`;
  return t; // the plan's schema says what is wrong with it
}

/** Days as a decimal string: `3.5`, or the Vietnamese `3,5`. */
export function daysOf(text: string): string {
  const t = text.trim();
  return /^[0-9]{1,3},[0-9]{1,2}$/.test(t) ? t.replace(',', '.') : t;
}

/** A code a number cell may have lost its leading zeros from: `5998` → `05998` (commune), `80` → `080`. */
export function codeOf(text: string, digits: number): string {
  const t = text.trim();
  return /^[0-9]+$/.test(t) && t.length < digits ? t.padStart(digits, '0') : t;
}
