import type { DistrictStatus } from '@p135/rules';
import { ScrollBox } from '../../components/ScrollBox';
import { useLang } from '../../i18n/lang';
import { count, date, money } from '../../lib/format';

const TONE: Readonly<Record<DistrictStatus['status'], string>> = { on_time: 'ok', late: 'bad', missing: 'bad' };

/** Each district's report: sent on, on time, late or missing, classes held, trainees, spending, errors. */
export function DistrictStatusTable({ districts }: { districts: readonly DistrictStatus[] }) {
  const { t, lang } = useLang();
  return (
    <section aria-labelledby="districts-title">
      <h2 id="districts-title">{t('reports.districts')}</h2>
      <ScrollBox labelledBy="districts-title">
        <table className="districts-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.code')}</th>
              <th scope="col">{t('reports.name')}</th>
              <th scope="col">{t('reports.sentOn')}</th>
              <th scope="col">{t('reports.status')}</th>
              <th scope="col" className="num">
                {t('reports.daysLate')}
              </th>
              <th scope="col" className="num">
                {t('reports.held')}
              </th>
              <th scope="col" className="num">
                {t('reports.trainees')}
              </th>
              <th scope="col" className="num">
                {t('reports.spent')}
              </th>
              <th scope="col" className="num">
                {t('reports.errorsCol')}
              </th>
              <th scope="col" className="num">
                {t('reports.warningsCol')}
              </th>
            </tr>
          </thead>
          <tbody>
            {districts.map((d) => (
              <tr key={d.district} data-district={d.district} data-status={d.status}>
                <td>{d.district}</td>
                <th scope="row">{d.districtName}</th>
                <td>{d.sentOn ? date(d.sentOn, lang) : '—'}</td>
                <td>
                  <span className={`badge ${TONE[d.status]}`}>{t(`reports.status.${d.status}`)}</span>
                </td>
                <td className="num">{count(d.daysLate, lang)}</td>
                <td className="num">{count(d.held, lang)}</td>
                <td className="num">{count(d.trainees, lang)}</td>
                <td className="num">{money(d.spent, lang)}</td>
                <td className="num">{count(d.errors, lang)}</td>
                <td className="num">{count(d.warnings, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
