import { formatDecimalText, formatMoneyText, formatPercentText, type Lang } from '@p135/rules';

/** Whole đồng as digits → `8.040.000.000 đ` (vi) or `8,040,000,000 VND` (en). */
export const money = (digits: string, lang: Lang): string => formatMoneyText(digits, lang);

/** A count → `16.600` (vi) or `16,600` (en). */
export const count = (n: number, lang: Lang): string => formatDecimalText(String(n), lang);

/** A decimal text → `3,5` (vi) or `3.5` (en). */
export const decimal = (text: string, lang: Lang): string => formatDecimalText(text, lang);

/** A share → `10%`; `12,5%` (vi). */
export const percent = (share: string, lang: Lang): string => formatPercentText(share, lang);

/** An ISO date → `01/07/2020` (vi) or `2020-07-01` (en). */
export function date(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Whole đồng as a number, for drawing only (text always uses the exact digits). */
export function moneyScale(digits: string): number {
  const n = Number(digits);
  return Number.isFinite(n) ? n : 0;
}
