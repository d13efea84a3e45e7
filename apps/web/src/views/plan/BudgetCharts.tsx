import type { Plan, PlanReport } from '@p135/rules';
import { type Bar, BarChart } from '../../components/BarChart';
import { ClauseRef } from '../../components/ClauseRef';
import { useLang } from '../../i18n/lang';
import { categoryLabel } from '../../lib/findings';
import { money, moneyScale, percent } from '../../lib/format';
import { usePack } from '../../state/pack';

/** Spending by category against the pack's ceiling, and each capped category against its cap (report.budget). */
export function BudgetCharts({ report, plan }: { report: PlanReport; plan: Plan }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const b = report.budget;
  const ceiling = book.pack.parameters[book.pack.budget.ceiling];
  const bars: Bar[] = Object.entries(b.byCategory).map(([category, amount]) => ({
    key: category,
    label: categoryLabel(book, category, plan.budget, lang),
    value: moneyScale(amount),
    valueText: money(amount, lang),
  }));
  bars.push({ key: 'total', label: t('common.total'), value: moneyScale(b.total), valueText: money(b.total, lang), tone: b.withinCeiling ? 'ok' : 'over' });
  return (
    <section aria-labelledby="budget-title" className="budget">
      <h2 id="budget-title">{t('plan.budget')}</h2>
      <BarChart
        title={t('plan.budgetChart')}
        description={
          b.withinCeiling
            ? t('plan.budgetDesc', { total: money(b.total, lang), ceiling: money(b.ceiling, lang), remaining: money(b.remaining, lang) })
            : t('plan.budgetOver', { total: money(b.total, lang), ceiling: money(b.ceiling, lang) })
        }
        bars={bars}
        limit={{ value: moneyScale(b.ceiling), label: `${ceiling?.label[lang] ?? t('plan.ceiling')}: ${money(b.ceiling, lang)}` }}
      />
      {ceiling?.clause ? <ClauseRef id={ceiling.clause} /> : null}
      {b.caps.map((cap) => {
        const label = categoryLabel(book, cap.category, plan.budget, lang);
        const base = book.pack.budget.caps.find((c) => c.category === cap.category)?.of;
        const baseLabel = base ? (book.pack.parameters[base]?.label[lang] ?? base) : '';
        return (
          <div key={cap.category} className="cap" data-cap={cap.category}>
            <BarChart
              title={t('plan.capChart', { label })}
              description={t('plan.capDesc', { total: money(cap.total, lang), cap: money(cap.cap, lang), share: percent(cap.share, lang), base: baseLabel })}
              bars={[{ key: cap.category, label, value: moneyScale(cap.total), valueText: money(cap.total, lang), tone: cap.within ? 'ok' : 'over' }]}
              limit={{ value: moneyScale(cap.cap), label: `${t('plan.cap')}: ${money(cap.cap, lang)}` }}
            />
            <ClauseRef id={cap.clause} />
          </div>
        );
      })}
    </section>
  );
}
