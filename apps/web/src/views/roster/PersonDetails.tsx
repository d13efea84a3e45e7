import type { Decision } from '@p135/rules';
import { useEffect, useRef } from 'react';
import { useLang } from '../../i18n/lang';
import type { RosterRow } from '../../lib/roster-rows';
import { PersonResult } from '../person/PersonResult';

/** One person of the roster, in full: every track with its reasons and clauses. Takes focus when opened. */
export function PersonDetails({ row, decision, onClose }: { row: RosterRow; decision: Decision; onClose: () => void }) {
  const { t } = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows the person shown
  useEffect(() => {
    heading.current?.focus();
  }, [row.index]);
  return (
    <section id="person-details" className="person-details" aria-labelledby="person-details-title">
      <header>
        <h3 id="person-details-title" ref={heading} tabIndex={-1}>
          {row.name}{' '}
          <span className="muted">
            ({row.id}, {row.communeName}, {row.districtName})
          </span>
        </h3>
        <button type="button" className="secondary" onClick={onClose}>
          {t('common.close')}
        </button>
      </header>
      <PersonResult decision={decision} />
    </section>
  );
}
