import { COST_CATEGORIES, type TrackDecision } from '@p135/rules';
import { useLang } from '../i18n/lang';
import { ReasonItem } from './ReasonItem';

/** A track's priority points with the criteria that gave them, and who pays meals, lodging and travel. */
export function CostAndPriority({ decision, showPriority }: { decision: TrackDecision; showPriority: boolean }) {
  const { t } = useLang();
  const payer = decision.cost.payer;
  return (
    <>
      {showPriority ? (
        <>
          <h4>
            {t('track.priority')}: {t(decision.priority.points === 1 ? 'track.point' : 'track.points', { n: decision.priority.points })}
          </h4>
          {decision.priority.criteria.length ? (
            <ul className="reasons">
              {decision.priority.criteria.map((r) => (
                <ReasonItem key={r.ruleId} reason={r} />
              ))}
            </ul>
          ) : (
            <p className="muted">{t('track.noCriteria')}</p>
          )}
        </>
      ) : null}
      <h4>{t('track.cost')}</h4>
      {payer ? (
        <dl className="payers">
          {COST_CATEGORIES.map((c) => (
            <div key={c} className={`payer ${payer[c]}`}>
              <dt>{t(`cost.${c}`)}</dt>
              <dd>{t(`payer.${payer[c]}`)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{t('track.noCost')}</p>
      )}
      {decision.cost.reasons.length ? (
        <ul className="reasons">
          {decision.cost.reasons.map((r) => (
            <ReasonItem key={r.ruleId} reason={r} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
