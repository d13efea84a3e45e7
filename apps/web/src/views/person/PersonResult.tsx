import type { Decision, WhatWouldChange } from '@p135/rules';
import { TrackResult } from '../../components/TrackResult';
import { useLang } from '../../i18n/lang';
import { tracksWithPriority } from '../../lib/pack-info';
import { usePack } from '../../state/pack';

/** The answer for every track of the pack, in its order; for a "no", what would change it (once found). */
export function PersonResult({ decision, changes }: { decision: Decision; changes?: ReadonlyMap<string, WhatWouldChange> | undefined }) {
  const { t } = useLang();
  const { book } = usePack();
  const priority = tracksWithPriority(book.pack);
  return (
    <div className="result">
      <p className="summary" role="status" aria-live="polite">
        {t('person.summary', { n: decision.eligibleTracks.length, total: decision.tracks.length })}
      </p>
      <div className="tracks">
        {decision.tracks.map((d) => (
          <TrackResult key={d.track} decision={d} showPriority={priority.has(d.track)} change={changes?.get(d.track)} />
        ))}
      </div>
    </div>
  );
}
