import type { TrackDecision, WhatWouldChange } from '@p135/rules';
import { useLang } from '../i18n/lang';
import { usePack } from '../state/pack';
import { ClauseRef } from './ClauseRef';
import { CostAndPriority } from './CostAndPriority';
import { ReasonItem } from './ReasonItem';

/**
 * One track's answer for one person: eligible or not, every reason with its clause, priority, and
 * who pays meals, lodging and travel. For a track the person may not attend, the reasons why not
 * come first, then what would change the answer; what held, and priority and cost, stay one click away.
 */
export function TrackResult({ decision, showPriority, change }: { decision: TrackDecision; showPriority: boolean; change?: WhatWouldChange | undefined }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const track = book.track(decision.track);
  const headingId = `track-${decision.track}`;
  return (
    <section className={decision.eligible ? 'track eligible' : 'track not-eligible'} aria-labelledby={headingId} data-track={decision.track}>
      <header className="track-head">
        <h3 id={headingId}>{track?.label[lang] ?? decision.track}</h3>
        <p className="verdict">
          <span aria-hidden="true">{decision.eligible ? '✓ ' : '✗ '}</span>
          {t(decision.eligible ? 'track.eligible' : 'track.notEligible')}
        </p>
      </header>
      {track ? <ClauseRef id={track.clause} /> : null}
      {decision.eligible ? (
        <>
          <h4>{t('track.why')}</h4>
          <Reasons list={decision.satisfied} />
          <CostAndPriority decision={decision} showPriority={showPriority} />
        </>
      ) : (
        <>
          <h4>{t('track.whyNot')}</h4>
          <Reasons list={decision.reasons} />
          {change ? <WouldChange change={change} /> : null}
          <details className="more">
            <summary>{t('track.more')}</summary>
            {decision.satisfied.length ? (
              <>
                <h4>{t('track.held')}</h4>
                <Reasons list={decision.satisfied} />
              </>
            ) : null}
            <CostAndPriority decision={decision} showPriority={showPriority} />
          </details>
        </>
      )}
    </section>
  );
}

/** For a "no": the smallest changes of facts a person or place can change that would make it a "yes" (from `whatWouldChange`). */
function WouldChange({ change }: { change: WhatWouldChange }) {
  const { t, lang } = useLang();
  return (
    <div className="would-change">
      <h4>{t('track.wouldChange')}</h4>
      {change.options.length ? (
        <ul>
          {change.options.map((option) => (
            <li key={option.map((c) => `${c.fact}=${c.to}`).join('+')}>{option.map((c) => c.message[lang]).join(t('track.wouldChangeAnd'))}</li>
          ))}
        </ul>
      ) : (
        <p className="note">{t('track.wouldChangeNone')}</p>
      )}
    </div>
  );
}

function Reasons({ list }: { list: TrackDecision['reasons'] }) {
  return (
    <ul className="reasons">
      {list.map((r) => (
        <ReasonItem key={`${r.ruleId}:${r.passed}`} reason={r} />
      ))}
    </ul>
  );
}
