import type { TargetRate } from '@p135/rules';
import { ClauseRef } from '../../components/ClauseRef';
import { ScrollBox } from '../../components/ScrollBox';
import { useLang } from '../../i18n/lang';
import { count, decimal, percent } from '../../lib/format';

/** The plan's targets (classes per track, class sizes) against what was done, as rates. */
export function TargetsTable({ targets }: { targets: readonly TargetRate[] }) {
  const { t, lang } = useLang();
  return (
    <section aria-labelledby="targets-title">
      <h2 id="targets-title">{t('reports.targets')}</h2>
      <ScrollBox labelledBy="targets-title">
        <table className="targets-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.track')}</th>
              <th scope="col" className="num">
                {t('reports.target')}
              </th>
              <th scope="col" className="num">
                {t('reports.heldShort')}
              </th>
              <th scope="col" className="num">
                {t('reports.rate')}
              </th>
              <th scope="col" className="num">
                {t('reports.trainees')}
              </th>
              <th scope="col">{t('common.clause')}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((r) => (
              <tr key={r.track} data-track={r.track}>
                <th scope="row">{r.label[lang]}</th>
                <td className="num">{count(r.targetClasses, lang)}</td>
                <td className="num">{count(r.held, lang)}</td>
                <td className="num">{r.rate === null ? '—' : percent(r.rate, lang)}</td>
                <td className="num">
                  {count(r.attendances, lang)}
                  {r.averageSize !== null ? ` (${decimal(r.averageSize, lang)}/${t('unit.class')})` : ''}
                </td>
                <td>
                  <ClauseRef id={r.clause} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
