import { useMemo, useState } from 'react';
import { useLang } from '../../i18n/lang';
import { rulesByClause } from '../../lib/pack-info';
import { ALL_RULES, isFiltering, type RuleFilter, ruleMatches } from '../../lib/rule-filter';
import { usePack } from '../../state/pack';
import { ClauseSection } from './ClauseSection';
import { PackMeta } from './PackMeta';
import { ParameterTable } from './ParameterTable';
import { RatesTable } from './RatesTable';
import { RoleTrackMatrix } from './RoleTrackMatrix';
import { RulesFilter } from './RulesFilter';

/** Rules: every rule of the active pack beside its clause's text, its parameters and their sources. */
export function RulesView() {
  const { t } = useLang();
  const { book } = usePack();
  const [filter, setFilter] = useState<RuleFilter>(ALL_RULES);
  const byClause = useMemo(() => rulesByClause(book.pack), [book]);
  const filtering = isFiltering(filter);
  const sections = book.pack.clauses.map((c) => ({ clause: c, rules: (byClause.get(c.id) ?? []).filter((r) => ruleMatches(r, filter)) })).filter((s) => !filtering || s.rules.length > 0);
  const shown = sections.reduce((n, s) => n + s.rules.length, 0);
  return (
    <div className="view rules-view">
      <h1>{t('rules.title')}</h1>
      <p className="intro">{t('rules.intro')}</p>
      <PackMeta />
      <RoleTrackMatrix />
      <RulesFilter filter={filter} onChange={setFilter} shown={shown} />
      <nav aria-label={t('rules.byClause')} className="toc">
        <h2>{t('rules.byClause')}</h2>
        <ul>
          {sections.map(({ clause, rules }) => (
            <li key={clause.id}>
              <a href={`#/rules/${clause.id}`} onClick={(e) => jumpTo(e, clause.id)}>
                {clause.id}
              </a>{' '}
              <span className="muted">({rules.length})</span>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map(({ clause, rules }) => (
        <ClauseSection key={clause.id} clause={clause} rules={rules} />
      ))}
      {filtering ? null : (
        <>
          <ParameterTable />
          <RatesTable />
        </>
      )}
    </div>
  );
}

/** In-page links inside a hash-routed app: move focus to the clause instead of changing the route. */
function jumpTo(e: React.MouseEvent, id: string) {
  const target = document.getElementById(`clause-${id}`);
  if (!target) return;
  e.preventDefault();
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}
