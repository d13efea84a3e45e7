import { z } from 'zod';
import { moneyProblem, MONEY_MAX_DIGITS } from '../money.js';

/** A pack's id: lower-case words joined by "-" (`lang-son-2020`). The one definition; `PACK_ID` is its pattern. */
export const PACK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const PackIdSchema = z.string().regex(PACK_ID, { message: 'a pack id is lower-case words joined by "-", e.g. "lang-son-2020"' });

/** A semantic version (`1.0.0`). */
export const VersionSchema = z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, { message: 'a version is semver, e.g. "1.0.0"' });

/** Text in Vietnamese and English, each a string as `text` allows: the one {vi, en} shape. */
export const localizedOf = <S extends z.ZodString>(text: S) => z.strictObject({ vi: text, en: text });

/** A stable identifier of the glossary: snake_case English (`province_cadre`, `committee_chair`). */
export const CodeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, {
  message: 'expected a code in snake_case, e.g. "committee_chair"',
});

/** An identifier a person or a system gives a record: letters, digits and . _ - / only. */
export const RecordIdSchema = z
  .string()
  .min(1, { message: 'an id is required' })
  .max(64, { message: 'an id has at most 64 characters' })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._\-/]*$/u, {
    message: 'an id has letters, digits and . _ - / only, and starts with a letter or digit',
  });

/** A calendar date, YYYY-MM-DD, that exists (no 2020-02-30). */
export const IsoDateSchema = z.iso.date({ message: 'expected a date as YYYY-MM-DD, e.g. "2020-07-15"' });

export const YearSchema = z.int().min(1900).max(2100);

/** Whole đồng as a string of digits: "8040000000". Checked before any arithmetic. */
export const MoneySchema = z.string().superRefine((value, ctx) => {
  const problem = moneyProblem(value);
  if (!problem) return;
  const why: Record<string, string> = {
    empty: 'an amount is required',
    negative: 'an amount cannot be negative',
    fractional: 'amounts are whole đồng: no fraction',
    not_digits: 'an amount is written with digits only (no NaN, Infinity, hex, exponent, separators or spaces)',
    too_large: `an amount has at most ${MONEY_MAX_DIGITS} digits`,
    not_a_string: 'an amount is a string of digits',
  };
  ctx.addIssue({ code: 'custom', message: `${why[problem]}, e.g. "8040000000"`, params: { money: problem } });
});

/** A non-negative decimal such as "3.5" (days) or "0.10" (a share); numbers are accepted and kept exact as text. */
export const DecimalTextSchema = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .pipe(z.string().regex(/^(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$/, { message: 'expected a decimal number such as "3.5"' }));

export const DistrictCodeSchema = z.string().regex(/^[0-9]{3}$/, { message: 'a district code has 3 digits, e.g. "180"' });
export const CommuneCodeSchema = z.string().regex(/^[0-9]{5}$/, { message: 'a commune code has 5 digits, e.g. "05995"' });
