import { useLang } from '../../i18n/lang';
import type { Sort, SortKey } from '../../lib/roster-rows';
import { usePack } from '../../state/pack';

/** Sorting as a field (the column headers sort too; on a phone they are hidden). */
export function RosterSort({ sort, onSort }: { sort: Sort; onSort: (s: Sort) => void }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const options: { key: SortKey; label: string }[] = [
    { key: 'order', label: t('roster.fileOrder') },
    { key: 'id', label: t('roster.id') },
    { key: 'name', label: t('roster.name') },
    { key: 'place', label: t('roster.place') },
    { key: 'count', label: t('roster.count') },
    ...book.tracks.map((tr, i) => ({ key: `track:${i}` as SortKey, label: tr.label[lang] })),
  ];
  return (
    <div className="sort-fields">
      <div className="field">
        <label htmlFor="roster-sort">{t('roster.sort')}</label>
        <select id="roster-sort" value={sort.key} onChange={(e) => onSort({ ...sort, key: e.currentTarget.value as SortKey })}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="roster-sort-dir">{t('roster.sortDir')}</label>
        <select id="roster-sort-dir" value={sort.dir} onChange={(e) => onSort({ ...sort, dir: e.currentTarget.value as Sort['dir'] })}>
          <option value="asc">{t('roster.asc')}</option>
          <option value="desc">{t('roster.desc')}</option>
        </select>
      </div>
    </div>
  );
}
