import { COST_CATEGORY_ORDER, COST_WORDS, PAYER_WORDS } from '@p135/io';
import type { CostDecision, Lang, Payer, Rulebook } from '@p135/rules';
import { say } from '../words.js';

/** `[1]`, `[2]`…: a short key for each track of the pack, explained once in a legend. */
export const trackKey = (book: Rulebook, code: string): string => `[${book.tracks.findIndex((t) => t.code === code) + 1}]`;

/** `  [1] Lớp cán bộ cơ sở xã tổ chức tại tỉnh (province_cadre)`, one line per track. */
export function trackLegend(book: Rulebook, lang: Lang): string[] {
  return [say(lang, 'Các lớp:', 'Tracks:'), ...book.tracks.map((t, i) => `  [${i + 1}] ${t.label[lang]} (${t.code})`)];
}

/** Who pays what, in words: `Học viên trả tiền ăn, tiền ở, tiền đi lại`. */
export function payersText(cost: CostDecision, lang: Lang): string {
  if (!cost.payer) return say(lang, '(bộ quy tắc không nói ai trả)', '(the pack does not say who pays)');
  const payer = cost.payer;
  const groups = new Map<Payer, string[]>();
  for (const k of COST_CATEGORY_ORDER) groups.set(payer[k], [...(groups.get(payer[k]) ?? []), COST_WORDS[k][lang]]);
  const verb = say(lang, 'trả', 'pays');
  return [...groups].map(([who, what]) => `${PAYER_WORDS[who][lang]} ${verb} ${what.join(', ')}`).join('; ');
}
