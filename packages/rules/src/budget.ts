import type Decimal from 'decimal.js';
import type { PlanIndex } from './facts/plan-index.js';
import { localize } from './i18n.js';
import { Dec, moneyToString, toDecimal } from './money.js';
import { own } from './own.js';
import type { Rulebook } from './rulebook.js';
import type { Plan } from './schemas/plan.js';
import type { BudgetSummary, CategoryCap, Finding } from './schemas/results.js';

/** The message a pack gives for a total over its ceiling, and for a category over its cap (unless the cap names its own). */
export const BUDGET_MESSAGES = { overCeiling: 'budget.over_ceiling', overCap: 'budget.over_cap' } as const;

/**
 * How the plan's budget lines stand against the pack's `budget`: the one place where the ceiling
 * and the caps are judged (exact decimals; a total equal to its ceiling or cap is within it).
 */
export function summarizeBudget(book: Rulebook, index: PlanIndex): BudgetSummary {
  const { budget } = book.pack;
  const ceiling = toDecimal(book.params[budget.ceiling]) ?? new Dec(0);
  const byCategory: Record<string, string> = {};
  for (const [k, v] of index.budgetByCategory) byCategory[k] = moneyToString(v);
  const caps = budget.caps.map((c): CategoryCap => {
    const total: Decimal = index.budgetByCategory.get(c.category) ?? new Dec(0);
    const share = toDecimal(book.params[c.share]) ?? new Dec(0);
    const base = toDecimal(book.params[c.of]) ?? new Dec(0);
    const cap = share.times(base).toDecimalPlaces(0, Dec.ROUND_DOWN);
    return { category: c.category, clause: c.clause, total: moneyToString(total), cap: cap.toFixed(0), share: share.toFixed(), base: base.toFixed(0), within: total.lte(cap) };
  });
  // Stryker disable next-line OptionalChaining: a pack whose budget ceiling names no parameter is refused when loaded
  const clause = own(book.pack.parameters, budget.ceiling)?.clause;
  return {
    total: moneyToString(index.budgetTotal),
    ceiling: moneyToString(ceiling),
    ...(clause ? { ceilingClause: clause } : {}),
    remaining: ceiling.minus(index.budgetTotal).toFixed(0),
    withinCeiling: index.budgetTotal.lte(ceiling),
    byCategory,
    caps,
  };
}

/** The findings of a budget summary: one error for a total over the ceiling, one for each category over its cap. */
export function budgetFindings(book: Rulebook, plan: Plan, summary: BudgetSummary): Finding[] {
  const out: Finding[] = [];
  const lines = (category?: string) => plan.budget.filter((l) => category === undefined || l.category === category).map((l) => l.id);
  if (!summary.withinCeiling) {
    out.push({
      ruleId: 'budget.ceiling',
      clause: summary.ceilingClause ?? book.pack.meta.clause,
      severity: 'error',
      // Stryker disable next-line Regex: `remaining` is a whole number, so its only minus sign is the first character
      message: localize(book.message(BUDGET_MESSAGES.overCeiling), { total: summary.total, ceiling: summary.ceiling, over: summary.remaining.replace(/^-/, '') }),
      where: { budgetLines: lines() },
    });
  }
  summary.caps.forEach((cap, i) => {
    if (cap.within) return;
    // Stryker disable next-line OptionalChaining: summary.caps is built from the pack's caps, one for one
    const id = book.pack.budget.caps[i]?.message ?? BUDGET_MESSAGES.overCap;
    out.push({
      ruleId: `budget.cap.${cap.category}`,
      clause: cap.clause,
      severity: 'error',
      message: localize(book.message(id), { category: cap.category, total: cap.total, cap: cap.cap, share: cap.share, base: cap.base }),
      where: { budgetLines: lines(cap.category) },
    });
  });
  return out;
}
