import { useState } from 'react';
import { useLang } from '../i18n/lang';
import { SAVED_FILE_LIMIT } from '../lib/saved';
import { useSession } from '../state/session';

/**
 * The loaded files are kept in this browser across reloads (up to 20 MB each); this button
 * unloads them and removes them from the browser, and says so.
 */
export function ForgetFiles() {
  const { t } = useLang();
  const { roster, plan, forget } = useSession();
  const [done, setDone] = useState(false);
  const loaded = roster.status !== 'empty' || plan.status !== 'empty';
  if (!loaded)
    return done ? (
      <p className="forget-done" role="status">
        {t('saved.forgotten')}
      </p>
    ) : null;
  return (
    <div className="forget">
      <button type="button" className="secondary" title={t('saved.note', { mb: SAVED_FILE_LIMIT / 1024 / 1024 })} onClick={() => void forget().then(() => setDone(true))}>
        {t('saved.forget')}
      </button>
    </div>
  );
}
