import { ScrollBox } from '../../components/ScrollBox';
import { useLang } from '../../i18n/lang';
import { date } from '../../lib/format';
import { formatParamValue } from '../../lib/param-format';
import { usePack } from '../../state/pack';
import { DatedValues, ParamSource, ParamValue } from './ParamParts';

/** Every parameter of the pack: label, value (and dated values), and its source or assumption. */
export function ParameterTable() {
  const { t, lang } = useLang();
  const { book } = usePack();
  return (
    <section aria-labelledby="params-title" className="params">
      <h2 id="params-title">{t('rules.allParameters')}</h2>
      <ScrollBox labelledBy="params-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rules.paramLabel')}</th>
              <th scope="col">{t('rules.paramValue')}</th>
              <th scope="col">{t('rules.paramSource')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(book.pack.parameters).map(([id, p]) => (
              <tr key={id} data-param={id} className={p.assumption ? 'is-assumption' : undefined}>
                <th scope="row">
                  {p.label[lang]}
                  <span className="id-line muted">{t('rules.paramIdLine', { id })}</span>
                </th>
                <td>
                  {formatParamValue(p.value, p.unit, book.pack, lang)}
                  <DatedValues param={p} />
                  {p.values?.length ? (
                    <span className="in-force">
                      {t('rules.inForce', { date: date(book.ref.asOf, lang) })}: <ParamValue id={id} />
                    </span>
                  ) : null}
                </td>
                <td>
                  <ParamSource param={p} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
