import type { Plan } from '@p135/rules';
import { ClauseRef } from '../../components/ClauseRef';
import { ScrollBox } from '../../components/ScrollBox';
import { useLang } from '../../i18n/lang';
import { count } from '../../lib/format';
import { plannedCountParam } from '../../lib/pack-info';
import { plannedByTrack } from '../../lib/plan-stats';
import { usePack } from '../../state/pack';

/** Classes (and delegations) per track in the detailed plan, against the number the pack plans. */
export function ClassCounts({ plan }: { plan: Plan }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const planned = plannedByTrack(book, plan);
  return (
    <section aria-labelledby="class-counts-title">
      <h2 id="class-counts-title">{t('plan.classes')}</h2>
      <ScrollBox labelledBy="class-counts-title">
        <table className="class-counts stack">
          <thead>
            <tr>
              <th scope="col">{t('plan.track')}</th>
              <th scope="col" className="num">
                {t('plan.planned')}
              </th>
              <th scope="col" className="num">
                {t('plan.expected')}
              </th>
              <th scope="col">{t('common.clause')}</th>
            </tr>
          </thead>
          <tbody>
            {book.tracks.map((tr) => {
              const expected = plannedCountParam(book.pack, tr);
              const want = expected ? book.params[expected.id] : undefined;
              const have = planned.get(tr.code) ?? 0;
              const same = typeof want === 'number' ? want === have : undefined;
              return (
                <tr key={tr.code} data-track={tr.code} className={same === false ? 'row-bad' : undefined}>
                  <th scope="row">{tr.label[lang]}</th>
                  <td className="num" data-label={t('plan.planned')}>
                    {count(have, lang)}
                  </td>
                  <td className="num" data-label={t('plan.expected')}>
                    <span>
                      {typeof want === 'number' ? count(want, lang) : '—'}{' '}
                      {same !== undefined ? <span className={same ? 'badge ok' : 'badge bad'}>{t(same ? 'plan.match' : 'plan.mismatch')}</span> : null}
                    </span>
                  </td>
                  <td data-label={t('common.clause')}>
                    <ClauseRef id={expected?.param.clause ?? tr.clause} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
