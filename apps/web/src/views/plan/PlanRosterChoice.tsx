import { useLang } from '../../i18n/lang';
import { hashOf } from '../../lib/route';
import { type PlanState, useSession } from '../../state/session';

type Ready = Extract<PlanState, { status: 'ready' }>;

/**
 * Which roster the plan's trainees are checked against: only one the user chose for this plan
 * (or the plan file's own list). Says which, and offers to choose the loaded roster or to drop it.
 */
export function PlanRosterChoice({ state }: { state: Ready }) {
  const { t } = useLang();
  const { roster, choosePlanRoster } = useSession();
  if (state.rosterSource === 'plan') return <p className="roster-used">{t('plan.rosterInPlan', { name: state.rosterName ?? '', n: state.rosterSize ?? 0 })}</p>;
  if (state.rosterSource === 'roster')
    return (
      <div className="roster-choice">
        <p className="roster-used">{t('plan.roster', { name: state.rosterName ?? '', n: state.rosterSize ?? 0 })}</p>
        <button type="button" className="secondary" onClick={() => void choosePlanRoster(false)}>
          {t('plan.dropRoster')}
        </button>
      </div>
    );
  return (
    <div className="roster-choice">
      <p className="roster-used">{t('plan.noRoster')}</p>
      {roster.status === 'ready' ? (
        <button type="button" onClick={() => void choosePlanRoster(true)}>
          {t('plan.useRoster', { name: roster.file.name, n: roster.rows.length })}
        </button>
      ) : (
        <a href={hashOf('roster')}>{t('plan.loadRoster')}</a>
      )}
    </div>
  );
}
