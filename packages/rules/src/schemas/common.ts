import { z } from 'zod';
import { type MoneyProblem, moneyProblem, MONEY_MAX_DIGITS } from '../money.js';

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

/** What a date that is not YYYY-MM-DD, and a day that does not exist, are told (`SCHEMA_MESSAGES_VI` has their Vietnamese). */
export const DATE_MESSAGES = {
  format: 'expected a date as YYYY-MM-DD, e.g. "2020-07-15"',
  noSuchDay: 'no such day in the calendar (e.g. 30 February): write a day that exists, as YYYY-MM-DD',
} as const;

/** Written YYYY-MM-DD, whether or not the day exists. */
export const looksLikeIsoDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * A calendar date, YYYY-MM-DD, that exists (no 2020-02-30): the one date schema of inputs, packs
 * and test vectors. A day that does not exist is said so ("ngày không tồn tại"), apart from a date
 * written another way.
 */
export const IsoDateSchema = z.iso.date({
  error: (issue) => (issue.code === 'invalid_type' ? undefined : looksLikeIsoDate(issue.input) ? DATE_MESSAGES.noSuchDay : DATE_MESSAGES.format),
});

export const YearSchema = z.int().min(1900).max(2100);

/** Why a value is not money, in the words every money check uses (`SCHEMA_MESSAGES_VI` has their Vietnamese). */
export const MONEY_MESSAGES: Readonly<Record<MoneyProblem, string>> = {
  empty: 'an amount is required, e.g. "8040000000"',
  negative: 'an amount cannot be negative, e.g. "8040000000"',
  fractional: 'amounts are whole đồng: no fraction, e.g. "8040000000"',
  not_digits: 'an amount is written with digits only (no NaN, Infinity, hex, exponent, separators or spaces), e.g. "8040000000"',
  too_large: `an amount has at most ${MONEY_MAX_DIGITS} digits, e.g. "8040000000"`,
  not_a_string: 'an amount is a string of digits, e.g. "8040000000"',
};

/** Whole đồng as a string of digits: "8040000000". Checked before any arithmetic. */
export const MoneySchema = z.string({ error: (issue) => (issue.input === undefined ? undefined : MONEY_MESSAGES.not_a_string) }).superRefine((value, ctx) => {
  const problem = moneyProblem(value);
  if (!problem) return;
  ctx.addIssue({ code: 'custom', message: MONEY_MESSAGES[problem], params: { money: problem } });
});

/** A non-negative decimal such as "3.5" (days) or "0.10" (a share); numbers are accepted and kept exact as text. */
export const DecimalTextSchema = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .pipe(z.string().regex(/^(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$/, { message: 'expected a decimal number such as "3.5"' }));

export const DistrictCodeSchema = z.string().regex(/^[0-9]{3}$/, { message: 'a district code has 3 digits, e.g. "180"' });
export const CommuneCodeSchema = z.string().regex(/^[0-9]{5}$/, { message: 'a commune code has 5 digits, e.g. "05995"' });
