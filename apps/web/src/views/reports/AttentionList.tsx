import type { ResultsReport } from '@p135/io';
import type { Plan } from '@p135/rules';
import { ClauseRef } from '../../components/ClauseRef';
import { useLang } from '../../i18n/lang';
import { categoryLabel } from '../../lib/findings';
import { date, money, percent } from '../../lib/format';
import type { Attention } from '../../lib/report-view';
import { usePack } from '../../state/pack';

/**
 * What a reader of the report looks for first, at the top: late and missing districts, people
 * reported by more than one district, and spending over a cap (the study tours' 10%).
 */
export function AttentionList({ attention, report, plan }: { attention: Attention; report: ResultsReport; plan: Plan }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const { late, missing, twice, overCap } = attention;
  const none = late.length + missing.length + twice.length + overCap.length === 0;
  const asOf = report.kind === 'province' ? report.asOf : '';
  return (
    <section aria-labelledby="attention-title" className={none && report.errors === 0 ? 'attention clear' : 'attention'}>
      <h2 id="attention-title">{t('reports.attention')}</h2>
      {none ? <p>{t('reports.nothing')}</p> : null}
      <ul>
        {late.map((d) => (
          <li key={`late-${d.district}`} data-attention="late" data-district={d.district}>
            <span className="badge bad">{t('reports.lateKind')}</span>{' '}
            {t('reports.late', { name: d.districtName, days: d.daysLate, sentOn: d.sentOn ? date(d.sentOn, lang) : '', deadline: d.deadline ? date(d.deadline, lang) : '' })}{' '}
            <ClauseRef id={d.deadlineClause} />
          </li>
        ))}
        {missing.map((d) => (
          <li key={`missing-${d.district}`} data-attention="missing" data-district={d.district}>
            <span className="badge bad">{t('reports.missingKind')}</span> {t('reports.missing', { name: d.districtName, deadline: d.deadline ? date(d.deadline, lang) : '', asOf: date(asOf, lang) })}{' '}
            <ClauseRef id={d.deadlineClause} />
          </li>
        ))}
        {twice.map((f) => (
          <li key={`twice-${f.where.trainee}`} data-attention="twice" data-trainee={f.where.trainee}>
            <span className="badge bad">{t('reports.twiceKind')}</span> {f.message[lang]} <ClauseRef id={f.clause} />
          </li>
        ))}
        {overCap.map((c) => {
          const base = book.pack.budget.caps.find((x) => x.category === c.category)?.of;
          return (
            <li key={`cap-${c.category}`} data-attention="cap" data-category={c.category}>
              <span className="badge bad">{t('reports.capKind')}</span>{' '}
              {t('reports.overCap', {
                label: categoryLabel(book, c.category, plan.budget, lang),
                total: money(c.total, lang),
                cap: money(c.cap, lang),
                share: percent(c.share, lang),
                base: base ? (book.pack.parameters[base]?.label[lang] ?? base) : money(c.base, lang),
              })}{' '}
              <ClauseRef id={c.clause} />
            </li>
          );
        })}
      </ul>
      {report.findings.length ? <p className="muted">{t('reports.seeFindings', { n: report.findings.length })}</p> : null}
    </section>
  );
}
