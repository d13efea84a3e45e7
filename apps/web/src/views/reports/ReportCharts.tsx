import type { ResultsReport } from '@p135/io';
import type { Plan } from '@p135/rules';
import { BarChart } from '../../components/BarChart';
import { ClauseRef } from '../../components/ClauseRef';
import { PairChart } from '../../components/PairChart';
import { useLang } from '../../i18n/lang';
import { categoryLabel } from '../../lib/findings';
import { count, money, moneyScale, percent } from '../../lib/format';
import { byPlace } from '../../lib/report-view';
import { usePack } from '../../state/pack';

/**
 * Planned against held per track and per district (or commune), spending against the estimate per
 * budget line, and each capped category against its cap (the study tours' 10% line).
 */
export function ReportCharts({ report, plan }: { report: ResultsReport; plan: Plan }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const places = byPlace(report.kind === 'province' ? report.classes.byDistrict : report.classes.byCommune);
  const pair = (key: string, label: string, planned: number, held: number) => ({ key, label, a: planned, aText: count(planned, lang), b: held, bText: count(held, lang) });
  return (
    <section aria-labelledby="charts-title" className="report-charts">
      <h2 id="charts-title">{t('reports.charts')}</h2>
      <div className="two-columns">
        <div>
          <PairChart
            title={t('reports.byTrack')}
            description={t('reports.pairDesc')}
            aLabel={t('reports.planned')}
            bLabel={t('reports.heldShort')}
            rows={report.classes.byTrack.map((r) => pair(r.track, r.label[lang], r.planned, r.held))}
          />
          <PairChart
            title={t(report.kind === 'province' ? 'reports.byDistrict' : 'reports.byCommune')}
            description={t('reports.pairDesc')}
            aLabel={t('reports.planned')}
            bLabel={t('reports.heldShort')}
            rows={places.map((p) => pair(p.key, p.label, p.planned, p.held))}
          />
        </div>
        <div>
          <PairChart
            title={t('reports.spending')}
            description={t('reports.spendingDesc')}
            aLabel={t('reports.estimate')}
            bLabel={t('reports.spentShort')}
            rows={report.spending.lines.map((l) => ({
              key: l.line,
              label: `${l.line} · ${l.label ?? categoryLabel(book, l.category, plan.budget, lang)}`,
              a: moneyScale(l.estimate),
              aText: money(l.estimate, lang),
              b: moneyScale(l.spent),
              bText: money(l.spent, lang),
              tone: l.within ? 'plain' : 'over',
            }))}
          />
          {report.kind === 'province'
            ? report.budget.caps.map((cap) => {
                const label = categoryLabel(book, cap.category, plan.budget, lang);
                const base = book.pack.budget.caps.find((c) => c.category === cap.category)?.of;
                const share = percent(cap.share, lang);
                return (
                  <div key={cap.category} className="cap" data-cap={cap.category}>
                    <BarChart
                      title={t('reports.capChart', { label, share })}
                      description={t('reports.capDesc', { total: money(cap.total, lang), cap: money(cap.cap, lang), share, base: base ? (book.pack.parameters[base]?.label[lang] ?? base) : '' })}
                      bars={[{ key: cap.category, label, value: moneyScale(cap.total), valueText: money(cap.total, lang), tone: cap.within ? 'ok' : 'over' }]}
                      limit={{ value: moneyScale(cap.cap), label: `${t('reports.cap', { share })}: ${money(cap.cap, lang)}` }}
                    />
                    <ClauseRef id={cap.clause} />
                  </div>
                );
              })
            : null}
        </div>
      </div>
    </section>
  );
}
