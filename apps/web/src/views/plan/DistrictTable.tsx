import { type Finding, type Plan, placesOf } from '@p135/rules';
import { useMemo } from 'react';
import { ScrollBox } from '../../components/ScrollBox';
import { useLang } from '../../i18n/lang';
import { districtOfWhere, findingsOfDistrict } from '../../lib/findings';
import { count } from '../../lib/format';
import { classesByDistrict } from '../../lib/plan-stats';
import { usePack } from '../../state/pack';

/** Classes of each track per district, and how many findings concern the district, its communes or its classes. */
export function DistrictTable({ plan, findings }: { plan: Plan; findings: readonly Finding[] }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const rows = classesByDistrict(plan);
  const tracks = book.tracks.filter((tr) => tr.group !== 'study_tour');
  const places = useMemo(() => placesOf(book.pack), [book.pack]);
  const districtOf = districtOfWhere(plan, (commune) => places.districtOfCommune(commune)?.code);
  return (
    <section aria-labelledby="district-title">
      <h2 id="district-title">{t('plan.byDistrict')}</h2>
      <ScrollBox labelledBy="district-title">
        <table className="district-table">
          <thead>
            <tr>
              <th scope="col">{t('plan.district')}</th>
              {tracks.map((tr) => (
                <th scope="col" key={tr.code} className="num">
                  {tr.label[lang]}
                </th>
              ))}
              <th scope="col" className="num">
                {t('plan.districtFindings')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...rows].map(([code, counts]) => {
              const own = code ? findingsOfDistrict(findings, code, districtOf) : [];
              return (
                <tr key={code || '-'} data-district={code}>
                  <th scope="row">{code ? places.name(code) : t('plan.noDistrict')}</th>
                  {tracks.map((tr) => (
                    <td key={tr.code} className="num">
                      {count(counts.get(tr.code) ?? 0, lang)}
                    </td>
                  ))}
                  <td className={own.length ? 'num cell-no' : 'num'}>{count(own.length, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
