import { useId, useState } from 'react';
import { useLang } from '../../i18n/lang';
import type { HubProblem } from '../../lib/hub-api';
import { HubProblemView } from './HubProblemView';

/** The token Ban Dân tộc gave: typed or pasted, checked by the hub (`GET /v1/hub/me`) before it is kept. */
export function HubSignIn({ onSignIn, checking, problem }: { onSignIn: (token: string) => void; checking: boolean; problem: HubProblem | undefined }) {
  const { t } = useLang();
  const [value, setValue] = useState('');
  const id = useId();
  return (
    <form
      className="hub-sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        const token = value.trim();
        if (token) onSignIn(token);
      }}
    >
      <label htmlFor={`${id}-token`}>{t('hub.token')}</label>
      <input id={`${id}-token`} type="password" autoComplete="off" spellCheck={false} required value={value} aria-describedby={`${id}-hint`} onChange={(e) => setValue(e.currentTarget.value)} />
      <p id={`${id}-hint`} className="muted">
        {t('hub.tokenHint')}
      </p>
      <button type="submit" disabled={checking}>
        {t('hub.signIn')}
      </button>
      {checking ? (
        <p role="status" className="muted">
          {t('hub.checking')}
        </p>
      ) : null}
      {problem ? <HubProblemView problem={problem} /> : null}
    </form>
  );
}
