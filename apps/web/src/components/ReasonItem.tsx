import type { Reason } from '@p135/rules';
import { useLang } from '../i18n/lang';
import { ClauseRef } from './ClauseRef';

/** One rule's verdict: ✓ or ✗, the pack's message, and the clause it rests on. */
export function ReasonItem({ reason }: { reason: Reason }) {
  const { t, lang } = useLang();
  return (
    <li className={reason.passed ? 'reason pass' : 'reason fail'} data-rule={reason.ruleId}>
      <span className="mark" role="img" aria-label={t(reason.passed ? 'reason.passed' : 'reason.failed')}>
        {reason.passed ? '✓' : '✗'}
      </span>
      <div className="reason-body">
        <p className="reason-message">{reason.message[lang]}</p>
        <ClauseRef id={reason.clause} />
      </div>
    </li>
  );
}
