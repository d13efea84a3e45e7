import { useLang } from '../../i18n/lang';
import type { HubProblem } from '../../lib/hub-api';

const SHOWN = 20;

/** A refusal of the hub, as it sent it (title, detail, each problem at its place), or "cannot reach the hub". */
export function HubProblemView({ problem }: { problem: HubProblem }) {
  const { t, lang } = useLang();
  if (problem.status === 0)
    return (
      <p role="alert" className="input-errors hub-problem" data-status="0">
        {t('hub.unreachable')}
      </p>
    );
  const shown = problem.errors.slice(0, SHOWN);
  const more = problem.errorCount - shown.length;
  return (
    <div role="alert" className="input-errors hub-problem" data-status={problem.status}>
      <p>
        <strong>{problem.title}</strong> <span className="muted">({t('hub.refused', { status: String(problem.status) })})</span>
      </p>
      {problem.detail ? <p className="hub-problem-detail">{problem.detail}</p> : null}
      {shown.length ? (
        <ul>
          {shown.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a problem's list never reorders
            <li key={i}>
              {e.path ? <code>{e.path}</code> : null} {e.message[lang]}
            </li>
          ))}
          {more > 0 ? <li>{t('hub.moreErrors', { n: more })}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
