import { formatDecimalText, formatPercentText, type Localized } from '../i18n.js';
import { Dec } from '../money.js';
import { type Problem, problem, jsonPath, type PathPart } from '../problems.js';
import type { PackExtension } from '../schemas/pack-extension.js';
import type { Pack, Parameter } from '../schemas/pack.js';

/** A figure of the base that the extension changed, and the ways a text may write it. */
interface Figure {
  /** What changed, for the message: `năm 2020`, `budget.total = 6500000000`. */
  readonly what: string;
  readonly patterns: readonly RegExp[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The text as a whole word or number (not inside a longer number: "2020" is not in "12020" or "2020.5"). */
const word = (s: string) => new RegExp(`(?<![\\p{N}.,])${escapeRegExp(s)}(?![\\p{N}]|[.,]\\p{N})`, 'u');

/** The ways a parameter's value is written in a plan's text: digits, grouped (8.040.000.000), "8.040 triệu", "6,5 tỷ", "8%". */
function writtenForms(value: Parameter['value'], unit: Parameter['unit']): string[] {
  if (typeof value === 'number') return Math.abs(value) >= 10 ? [String(value)] : [];
  if (typeof value !== 'string') return [];
  if (unit === 'share' && /^\d+(\.\d+)?$/.test(value)) return [formatPercentText(value, 'vi'), formatPercentText(value, 'en')];
  if (unit === 'vnd' && /^\d+$/.test(value)) {
    const forms = [value, formatDecimalText(value, 'vi'), formatDecimalText(value, 'en')];
    if (value.length >= 7) {
      const millions = new Dec(value).div(1e6).toFixed();
      forms.push(`${formatDecimalText(millions, 'vi')} triệu`, `${formatDecimalText(millions, 'en')} million`);
    }
    if (value.length >= 10) {
      const billions = new Dec(value).div(1e9).toFixed();
      forms.push(`${formatDecimalText(billions, 'vi')} tỷ`, `${formatDecimalText(billions, 'en')} billion`);
    }
    return forms;
  }
  return /^\d{2,}(\.\d+)?$/.test(value) ? [value, formatDecimalText(value, 'vi')] : [];
}

/** The year and the parameter values the extension changed, each with how a text would state the old one. */
function changedFigures(base: Pack, merged: Pack, ext: PackExtension): Figure[] {
  const out: Figure[] = [];
  if (merged.meta.year !== base.meta.year) out.push({ what: String(base.meta.year), patterns: [word(String(base.meta.year))] });
  for (const id of Object.keys(ext.parameters?.override ?? {})) {
    const before = Object.hasOwn(base.parameters, id) ? base.parameters[id] : undefined;
    const after = Object.hasOwn(merged.parameters, id) ? merged.parameters[id] : undefined;
    if (!before || !after || JSON.stringify(before.value) === JSON.stringify(after.value) || before.unit === 'date' || before.unit === 'year') continue;
    const forms = writtenForms(before.value, before.unit);
    if (forms.length) out.push({ what: `${id} = ${String(before.value)}`, patterns: forms.map(word) });
  }
  return out;
}

/** The figures a text still states. */
const stated = (text: Localized, figures: readonly Figure[]) => figures.filter((f) => f.patterns.some((p) => p.test(text.vi) || p.test(text.en))).map((f) => f.what);

function warn(path: PathPart[], whats: readonly string[], what: Localized): Problem {
  const list = whats.join(', ');
  return problem(
    jsonPath(path),
    'pack.inherited_text_stale',
    `${what.vi} kế thừa còn nêu ${list}, mà bộ quy tắc này đã thay đổi: hãy thay bằng văn bản của kế hoạch của tỉnh`,
    `the inherited ${what.en} still states ${list}, which this pack changed: replace it with your province's plan's text`,
  );
}

/**
 * Warnings where text an extension inherits (a clause's text the extension did not write, a
 * message or a rule's message it did not replace) still states a year or a parameter value that
 * the extension changed: "212 lớp … tháng 7–10/2020" beside a 2021 plan. Paths are in the pack
 * as extended (`$.clauses[3].text`); the loader maps them to the extension where it wrote them.
 */
export function staleInheritedText(base: Pack, merged: Pack, ext: PackExtension): Problem[] {
  const figures = changedFigures(base, merged, ext);
  if (!figures.length) return [];
  const out: Problem[] = [];
  const baseClause = new Map(base.clauses.map((c) => [c.id, c] as const));
  merged.clauses.forEach((c, i) => {
    const old = baseClause.get(c.id);
    // Inherited: the base's text is still there (as it is, or behind the "kế thừa từ …" mark of `pack init`).
    if (!old || !c.text.vi.includes(old.text.vi)) return;
    const whats = stated(c.text, figures);
    if (whats.length) out.push(warn(['clauses', i, 'text'], whats, { vi: `Điều khoản ${c.id}`, en: `clause ${c.id}` }));
  });
  for (const [id, text] of Object.entries(merged.messages)) {
    if (Object.hasOwn(ext.messages ?? {}, id)) continue;
    const whats = stated(text, figures);
    if (whats.length) out.push(warn(['messages', id], whats, { vi: `Thông điệp "${id}"`, en: `message "${id}"` }));
  }
  const own = new Set([...(ext.rules?.add ?? []), ...(ext.rules?.replace ?? [])].map((r) => r.id));
  merged.rules.forEach((r, i) => {
    if (own.has(r.id)) return;
    const whats = [...new Set([...stated(r.message.pass, figures), ...stated(r.message.fail, figures)])];
    if (whats.length) out.push(warn(['rules', i, 'message'], whats, { vi: `Thông điệp của quy tắc "${r.id}"`, en: `message of rule "${r.id}"` }));
  });
  return out;
}
