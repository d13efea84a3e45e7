import { useMemo, useState } from 'react';
import { useLang } from '../../i18n/lang';
import { FILE_ORDER, filterRows, NO_FILTER, PAGE_SIZE, pageOf, type RosterFilter, type Sort, sortRows } from '../../lib/roster-rows';
import { usePack } from '../../state/pack';
import type { RosterState } from '../../state/session';
import { PersonDetails } from './PersonDetails';
import { RosterExport } from './RosterExport';
import { RosterFilters } from './RosterFilters';
import { RosterSort } from './RosterSort';
import { RosterTable } from './RosterTable';

type Ready = Extract<RosterState, { status: 'ready' }>;

/** A decided roster: filters, the count that matches, export, the table and its pages. */
export function RosterResults({ roster }: { roster: Ready }) {
  const { t } = useLang();
  const { book } = usePack();
  const [filter, setFilter] = useState<RosterFilter>(NO_FILTER);
  const [sort, setSort] = useState<Sort>(FILE_ORDER);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const shown = useMemo(() => sortRows(filterRows(roster.rows, filter), sort, roster.rows), [roster.rows, filter, sort]);
  const current = pageOf(shown, page, PAGE_SIZE);
  const update = (f: RosterFilter) => {
    setFilter(f);
    setPage(1);
  };
  return (
    <section className="roster-results" aria-labelledby="roster-results-title">
      <h2 id="roster-results-title">{t('roster.table')}</h2>
      <p role="status">{t('roster.decided', { n: roster.rows.length, pack: `${book.pack.meta.province.name} ${book.pack.meta.year}` })}</p>
      <RosterFilters rows={roster.rows} filter={filter} onChange={update} />
      <RosterSort sort={sort} onSort={setSort} />
      <p className="matching" role="status" aria-live="polite">
        {t('roster.matching', { n: shown.length, total: roster.rows.length })}
      </p>
      <RosterExport rows={shown} fileName={roster.file.name} />
      {open !== null && roster.decisions[open] && roster.rows[open] ? <PersonDetails row={roster.rows[open]} decision={roster.decisions[open]} onClose={() => setOpen(null)} /> : null}
      <RosterTable rows={current.items} sort={sort} onSort={setSort} open={open} onOpen={setOpen} />
      <nav className="pager" aria-label={t('roster.page', { page: current.page, pages: current.pages })}>
        <button type="button" disabled={current.page <= 1} onClick={() => setPage(current.page - 1)}>
          ‹ {t('roster.prev')}
        </button>
        <span>{t('roster.page', { page: current.page, pages: current.pages })}</span>
        <button type="button" disabled={current.page >= current.pages} onClick={() => setPage(current.page + 1)}>
          {t('roster.next')} ›
        </button>
      </nav>
    </section>
  );
}
