import type { Progress } from '../engine/client';
import { useLang } from '../i18n/lang';

/** What the engine is doing, as text and a progress bar (indeterminate until there is a total). */
export function ProgressBar({ progress, onCancel }: { progress: Progress; onCancel?: () => void }) {
  const { t } = useLang();
  const label =
    progress.phase === 'decide'
      ? t('phase.decide', { done: progress.done, total: progress.total })
      : progress.phase === 'check' && progress.total > 0
        ? t('phase.checkCount', { done: progress.done, total: progress.total })
        : t(`phase.${progress.phase}`);
  return (
    <div className="progress" role="status" data-phase={progress.phase}>
      <span className="progress-label">{label}</span>
      {progress.total > 0 ? <progress max={progress.total} value={progress.done} aria-label={label} /> : <progress aria-label={label} />}
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
