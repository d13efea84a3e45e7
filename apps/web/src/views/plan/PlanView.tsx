import { FileDrop } from '../../components/FileDrop';
import { InputErrors } from '../../components/InputErrors';
import { InputNotices } from '../../components/InputNotices';
import { ProgressBar } from '../../components/ProgressBar';
import { useLang } from '../../i18n/lang';
import { EXAMPLES, fetchExample } from '../../lib/examples';
import { readPicked } from '../../lib/files';
import { useSession } from '../../state/session';
import { PlanReportView } from './PlanReportView';

/** Plan and budget: load a plan (or the example), check it against the pack and the roster. */
export function PlanView() {
  const { t } = useLang();
  const { plan, roster, loadPlan, loadRoster } = useSession();
  const loadExample = async () => {
    // The example plan's trainees are the example roster's people: load it too, and check the plan
    // against it, when no roster is loaded; a roster the user loaded is used only when they choose it.
    const bring = roster.status === 'empty';
    if (bring) await loadRoster(await fetchExample(EXAMPLES.roster));
    await loadPlan(await fetchExample(EXAMPLES.plan), bring);
  };
  return (
    <div className="view plan-view">
      <h1>{t('plan.title')}</h1>
      <p className="intro">{t('plan.intro')}</p>
      <FileDrop accept=".xlsx,.json,application/json" label={t('file.pickPlan')} onFile={(f) => void readPicked(f).then((file) => loadPlan(file))}>
        <div className="buttons">
          <button type="button" onClick={() => void loadExample().catch((err: unknown) => console.warn(err))}>
            {t('plan.example')}
          </button>
        </div>
        <p className="note">
          <span className="badge illustrative">{t('common.illustrative')}</span> {t('plan.exampleNote')}
        </p>
      </FileDrop>
      {plan.status !== 'empty' ? <p className="file-name">{t('file.loaded', { name: plan.file.name })}</p> : null}
      {roster.status === 'working' ? <ProgressBar progress={roster.progress} /> : null}
      {plan.status === 'working' ? <ProgressBar progress={plan.progress} /> : null}
      {plan.status === 'invalid' || plan.status === 'ready' ? <InputNotices notices={plan.warnings} /> : null}
      {plan.status === 'invalid' ? <InputErrors errors={plan.errors} title={t('plan.errors', { n: plan.errors.length })} /> : null}
      {plan.status === 'failed' ? (
        <p role="alert" className="input-errors">
          {t('roster.failed', { message: plan.message })}
        </p>
      ) : null}
      {plan.status === 'ready' ? <PlanReportView state={plan} roster={plan.rosterSource === 'roster' && roster.status === 'ready' ? roster.candidates : []} /> : null}
    </div>
  );
}
