import type { Finding } from '@p135/rules';
import { useMemo, useState } from 'react';
import { ClauseRef } from '../../components/ClauseRef';
import { ReasonItem } from '../../components/ReasonItem';
import { useLang } from '../../i18n/lang';
import { groupFindings, whereText } from '../../lib/findings';
import { count } from '../../lib/format';

const FIRST = 5;
const STEP = 50;

/** Findings grouped by rule: severity, the pack's message, where, and the clause; long groups open step by step. */
export function FindingList({ title, findings, id }: { title: string; findings: readonly Finding[]; id: string }) {
  const { t, lang } = useLang();
  const groups = useMemo(() => groupFindings(findings), [findings]);
  return (
    <section aria-labelledby={`${id}-title`} className="findings" id={id}>
      <h2 id={`${id}-title`}>
        {title} ({count(findings.length, lang)})
      </h2>
      {groups.length === 0 ? <p className="muted">{t('plan.noFindings')}</p> : null}
      {groups.map((g) => (
        <FindingGroupView key={g.ruleId} ruleId={g.ruleId} clause={g.clause} severity={g.severity} findings={g.findings} />
      ))}
    </section>
  );
}

function FindingGroupView({ ruleId, clause, severity, findings }: { ruleId: string; clause: string; severity: Finding['severity']; findings: readonly Finding[] }) {
  const { t, lang } = useLang();
  const [shown, setShown] = useState(FIRST);
  return (
    <article className={`finding-group ${severity}`} data-rule={ruleId}>
      <header>
        <span className={`badge ${severity === 'error' ? 'bad' : 'warn'}`}>{t(severity === 'error' ? 'plan.error' : 'plan.warning')}</span> {t('plan.findingCount', { n: findings.length })}
      </header>
      <ClauseRef id={clause} />
      <ul>
        {findings.slice(0, shown).map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings of a report never reorder
          <li key={i} className="finding">
            <p>{f.message[lang]}</p>
            {whereText(f.where, lang) ? <p className="muted">{whereText(f.where, lang)}</p> : null}
            {f.reasons?.length ? (
              <ul className="reasons">
                {f.reasons.map((r) => (
                  <ReasonItem key={r.ruleId} reason={r} />
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {findings.length > shown ? (
        <button type="button" className="secondary" onClick={() => setShown(shown + STEP)}>
          {t('common.showMore', { n: Math.min(STEP, findings.length - shown) })}
        </button>
      ) : null}
      <p className="id-line muted">{t('common.ruleId', { id: ruleId })}</p>
    </article>
  );
}
