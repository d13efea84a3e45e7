import { Fragment } from 'react';
import { ScrollBox } from '../../components/ScrollBox';
import { useLang } from '../../i18n/lang';
import type { RosterRow, Sort, SortKey } from '../../lib/roster-rows';
import { usePack } from '../../state/pack';

/** One page of decisions; every column header sorts; a row's button opens the person's full answer. */
export function RosterTable({ rows, sort, onSort, open, onOpen }: { rows: readonly RosterRow[]; sort: Sort; onSort: (s: Sort) => void; open: number | null; onOpen: (index: number | null) => void }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" className={key.startsWith('track:') ? 'track-col' : undefined} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort" onClick={() => onSort({ key, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })} title={t('roster.sortBy', { column: label })}>
          {label}
          <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <ScrollBox label={t('roster.table')}>
      <table className="roster-table stack">
        <thead>
          <tr>
            {header('id', t('roster.id'))}
            {header('name', t('roster.name'))}
            {header('place', t('roster.place'))}
            {book.tracks.map((tr, i) => (
              <Fragment key={tr.code}>{header(`track:${i}`, tr.label[lang])}</Fragment>
            ))}
            {header('count', t('roster.count'))}
            <th scope="col">{t('roster.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.index} data-id={r.id}>
              <td data-label={t('roster.id')}>{r.id}</td>
              <th scope="row">{r.name}</th>
              <td className="place" data-label={t('roster.place')}>
                <span>
                  {r.communeName}
                  <br />
                  <span className="muted">{r.districtName}</span>
                </span>
              </td>
              {book.tracks.map((tr, i) => (
                <td key={tr.code} className={r.eligible[i] ? 'cell-yes' : 'cell-no'} data-label={tr.label[lang]}>
                  <span aria-hidden="true">
                    {r.eligible[i] ? '✓' : '✗'}
                    {r.eligible[i] && (r.points[i] ?? 0) > 0 ? <span className="points"> {r.points[i]}</span> : null}
                  </span>
                  <span className="visually-hidden">{r.eligible[i] ? t('roster.cellEligible', { points: r.points[i] ?? 0 }) : t('roster.cellNotEligible')}</span>
                </td>
              ))}
              <td className="num" data-label={t('roster.count')}>
                {r.eligibleCount}
              </td>
              <td className="details">
                <button type="button" className="link" aria-expanded={open === r.index} aria-controls="person-details" onClick={() => onOpen(open === r.index ? null : r.index)}>
                  {open === r.index ? t('roster.hideDetails') : t('roster.details')}
                  <span className="visually-hidden"> {r.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
