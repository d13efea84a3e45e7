import { foldText, type Rule } from '@p135/rules';

/** What the rules view shows: a kind of rule, a track, and words to find in a rule. */
export interface RuleFilter {
  readonly kind: Rule['kind'] | '';
  readonly track: string;
  readonly text: string;
}

export const ALL_RULES: RuleFilter = { kind: '', track: '', text: '' };

export const isFiltering = (f: RuleFilter): boolean => f.kind !== '' || f.track !== '' || f.text.trim() !== '';

/** Whether a rule matches: its kind, a track it concerns, and the words in its id, clause or messages (either language). */
export function ruleMatches(rule: Rule, f: RuleFilter): boolean {
  if (f.kind && rule.kind !== f.kind) return false;
  if (f.track && !(rule.tracks ?? []).includes(f.track)) return false;
  const words = foldText(f.text);
  if (!words) return true;
  const m = rule.message;
  return foldText([rule.id, rule.clause, m.pass.vi, m.pass.en, m.fail.vi, m.fail.en].join(' ')).includes(words);
}

export const kindsOf = (rules: readonly Rule[]): Rule['kind'][] => [...new Set(rules.map((r) => r.kind))];
