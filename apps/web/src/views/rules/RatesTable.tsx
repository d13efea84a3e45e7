import { ScrollBox } from '../../components/ScrollBox';
import { useLang } from '../../i18n/lang';
import { money } from '../../lib/format';
import { usePack } from '../../state/pack';

/** The pack's spending rates, each with its source and how far to trust it (resolution, national ceiling, example). */
export function RatesTable() {
  const { t, lang } = useLang();
  const { book } = usePack();
  if (!book.pack.rates.length) return null;
  return (
    <section aria-labelledby="rates-title" className="rates">
      <h2 id="rates-title">{t('rules.rates')}</h2>
      <ScrollBox labelledBy="rates-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rules.rateItem')}</th>
              <th scope="col" className="num">
                {t('rules.rateAmount')}
              </th>
              <th scope="col">{t('rules.rateSource')}</th>
              <th scope="col">{t('rules.rateStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {book.pack.rates.map((r) => (
              <tr key={r.id} data-rate={r.id}>
                <th scope="row">
                  {r.item[lang]}
                  {r.note ? <p className="muted">{r.note[lang]}</p> : null}
                </th>
                <td className="num">
                  {money(r.amount, lang)}
                  <br />
                  <span className="muted">{r.unit}</span>
                </td>
                <td>{r.source}</td>
                <td>
                  <span className={`badge rate-${r.status}`}>{t(`rate.${r.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
