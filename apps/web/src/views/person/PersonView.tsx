import { type Decision, decideSync, parseCandidate, type Problem } from '@p135/rules';
import { useMemo, useRef, useState } from 'react';
import { useLang } from '../../i18n/lang';
import { candidateFromForm, defaultForm, fieldOfProblem, type PersonForm as Form } from '../../lib/person-form';
import { usePack } from '../../state/pack';
import { PersonForm } from './PersonForm';
import { PersonResult } from './PersonResult';

/** Person check: the form, and the answer, decided again on every change (synchronously, in microseconds). */
export function PersonView() {
  const { t, lang } = useLang();
  const { book } = usePack();
  const [form, setForm] = useState<Form>(() => defaultForm(book));
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // A role the active pack does not know (after switching packs) falls back to the pack's first role.
  const current = book.pack.roles.some((r) => r.code === form.role) ? form : { ...form, role: book.pack.roles[0]?.code ?? '' };

  const outcome = useMemo((): { decision: Decision } | { problems: readonly Problem[] } => {
    const checked = parseCandidate(candidateFromForm(current, t('person.defaultName')), book);
    return checked.value ? { decision: decideSync(book, checked.value) } : { problems: checked.errors };
  }, [current, book, t]);

  const problems = useMemo(() => new Map('problems' in outcome ? outcome.problems.map((p) => [fieldOfProblem(p), p.message[lang]] as const) : []), [outcome, lang]);

  return (
    <div className="view person-view">
      <h1>{t('person.title')}</h1>
      <p className="intro">{t('person.intro')}</p>
      <div className="two-columns">
        <div className="form-column">
          <PersonForm form={current} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} problems={problems} />
          {/* On a narrow screen the answer is below the form: this bar keeps it in sight while filling in. */}
          <div className="jump-result">
            <span>{'decision' in outcome ? t('person.summary', { n: outcome.decision.eligibleTracks.length, total: outcome.decision.tracks.length }) : t('person.invalid')}</span>
            <button type="button" className="secondary" onClick={() => resultHeading.current?.focus()}>
              {t('person.seeResult')} ↓
            </button>
          </div>
        </div>
        <section className="person-result" aria-labelledby="person-result-title">
          <h2 id="person-result-title" ref={resultHeading} tabIndex={-1}>
            {t('person.result')}
          </h2>
          {'decision' in outcome ? (
            <PersonResult decision={outcome.decision} />
          ) : (
            <div role="alert" className="input-errors">
              <p className="error-title">{t('person.invalid')}</p>
              <ul>
                {outcome.problems.map((p) => (
                  <li key={`${p.path}:${p.code}`}>
                    <code>{p.path}</code>: {p.message[lang]}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
