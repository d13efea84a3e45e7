import { useMemo } from 'react';
import { useLang } from '../../i18n/lang';
import { communesIn, NO_FILTER, pointLevels, type RosterFilter, type RosterRow } from '../../lib/roster-rows';
import { usePack } from '../../state/pack';

/** Filters: track, eligible or not, commune, priority points, and a search by name or id. */
export function RosterFilters({ rows, filter, onChange }: { rows: readonly RosterRow[]; filter: RosterFilter; onChange: (f: RosterFilter) => void }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const communes = useMemo(() => communesIn(rows), [rows]);
  const levels = useMemo(() => pointLevels(rows), [rows]);
  const set = (patch: Partial<RosterFilter>) => onChange({ ...filter, ...patch });
  return (
    <fieldset className="filters">
      <legend>{t('roster.filters')}</legend>
      <div className="field">
        <label htmlFor="filter-track">{t('roster.track')}</label>
        <select id="filter-track" value={filter.track} onChange={(e) => set({ track: Number(e.currentTarget.value) })}>
          <option value={-1}>{t('roster.anyTrack')}</option>
          {book.tracks.map((tr, i) => (
            <option key={tr.code} value={i}>
              {tr.label[lang]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-eligible">{t('roster.eligibility')}</label>
        <select id="filter-eligible" value={filter.eligible} onChange={(e) => set({ eligible: e.currentTarget.value as RosterFilter['eligible'] })}>
          <option value="any">{t('common.all')}</option>
          <option value="yes">{t('roster.eligibleYes')}</option>
          <option value="no">{t('roster.eligibleNo')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-commune">{t('roster.commune')}</label>
        <select id="filter-commune" value={filter.commune} onChange={(e) => set({ commune: e.currentTarget.value })}>
          <option value="">{t('roster.allCommunes')}</option>
          {communes.map((d) => (
            <optgroup key={d.district} label={d.districtName}>
              {d.communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-priority">{t('roster.priority')}</label>
        <select id="filter-priority" value={filter.minPoints} onChange={(e) => set({ minPoints: Number(e.currentTarget.value) })}>
          <option value={0}>{t('roster.priorityAny')}</option>
          {levels.map((n) => (
            <option key={n} value={n}>
              {t('roster.priorityAtLeast', { n })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-text">{t('roster.search')}</label>
        <input id="filter-text" type="search" value={filter.text} onChange={(e) => set({ text: e.currentTarget.value })} />
      </div>
      <button type="button" className="secondary" onClick={() => onChange(NO_FILTER)}>
        {t('roster.reset')}
      </button>
    </fieldset>
  );
}
