import { COST_CATEGORIES, type Rule } from '@p135/rules';
import { useMemo } from 'react';
import { useLang } from '../../i18n/lang';
import { paramPlaceholderValues, paramsOfRule } from '../../lib/pack-info';
import { ruleText } from '../../lib/rule-text';
import { usePack } from '../../state/pack';
import { ParamSource, ParamValue } from './ParamParts';

/** One rule as the pack states it: kind, tracks, its messages when met and not, its parameters. */
export function RuleCard({ rule }: { rule: Rule }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const params = paramsOfRule(rule);
  // Parameters filled in (as decisions word them); what depends on a person or a plan is named in brackets.
  const values = useMemo(() => paramPlaceholderValues(book), [book]);
  const fill = (text: string) => ruleText(text, values, lang);
  return (
    <article className={`rule kind-${rule.kind}`} data-rule={rule.id} aria-labelledby={`rule-${rule.id}`}>
      <h3 id={`rule-${rule.id}`}>
        <span className="badge kind">{t(`rules.kind.${rule.kind}`)}</span> {fill(rule.message.pass[lang])}
        {rule.kind === 'check' ? <span className={`badge ${rule.severity === 'error' ? 'bad' : 'warn'}`}>{t(rule.severity === 'error' ? 'plan.error' : 'plan.warning')}</span> : null}
      </h3>
      <dl>
        {rule.tracks ? (
          <>
            <dt>{t('rules.tracks')}</dt>
            <dd>{rule.tracks.map((code) => book.track(code)?.label[lang] ?? code).join('; ')}</dd>
          </>
        ) : null}
        <dt>{t('rules.whenFail')}</dt>
        <dd>{fill(rule.message.fail[lang])}</dd>
        {rule.kind === 'cost' ? (
          <>
            <dt>{t('rules.payer')}</dt>
            <dd>{COST_CATEGORIES.map((c) => `${t(`cost.${c}`)}: ${t(`payer.${rule.payer[c]}`)}`).join('; ')}</dd>
          </>
        ) : null}
      </dl>
      {params.length ? (
        <div className="rule-params">
          <p className="clause-label">{t('rules.parameters')}</p>
          <ul>
            {params.map((id) => {
              const p = book.pack.parameters[id];
              if (!p) return null;
              return (
                <li key={id} data-param={id}>
                  <strong>{p.label[lang]}</strong>: <ParamValue id={id} /> <ParamSource param={p} />
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <p className="id-line muted">{rule.see?.length ? t('rules.idLineSee', { id: rule.id, see: rule.see.join(', ') }) : t('rules.idLine', { id: rule.id })}</p>
    </article>
  );
}
