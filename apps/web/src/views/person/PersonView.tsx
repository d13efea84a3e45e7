import { type Candidate, type Decision, decideSync, parseCandidate, placesOf, type WhatWouldChange, whatWouldChangeEach } from '@p135/rules';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLang } from '../../i18n/lang';
import { UI, type UiKey } from '../../i18n/ui';
import { birthYearAfterPlan, candidateFromForm, defaultForm, fieldOfProblem, type PersonForm as Form } from '../../lib/person-form';
import { usePack } from '../../state/pack';
import { PersonForm } from './PersonForm';
import { PersonResult } from './PersonResult';

/** Person check: the form, and the answer, decided again on every change (synchronously, in microseconds). */
export function PersonView() {
  const { t, lang } = useLang();
  const { book } = usePack();
  const places = useMemo(() => placesOf(book.pack), [book.pack]);
  const [form, setForm] = useState<Form>(() => defaultForm(book, places));
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // A role the active pack does not know (after switching packs) falls back to the pack's first role;
  // a commune not among the pack's places, to the pack's first listed commune.
  const withRole = book.pack.roles.some((r) => r.code === form.role) ? form : { ...form, role: book.pack.roles[0]?.code ?? '' };
  const placeKnown = places.districts.length === 0 || places.districtOfCommune(withRole.commune)?.code === withRole.district;
  const fresh = placeKnown ? undefined : defaultForm(book, places);
  const current = fresh ? { ...withRole, district: fresh.district, commune: fresh.commune, communeListed: fresh.communeListed, communeStruckOff: fresh.communeStruckOff } : withRole;

  // What is wrong with the form, by field (`birthYear`), in the user's language.
  const outcome = useMemo((): { decision: Decision; candidate: Candidate } | { problems: readonly { field: string; message: string }[] } => {
    const planYear = birthYearAfterPlan(current, book);
    if (planYear !== undefined) return { problems: [{ field: 'birthYear', message: t('person.birthYearAfterPlan', { year: current.birthYear.trim(), plan: String(planYear) }) }] };
    const checked = parseCandidate(candidateFromForm(current, t('person.defaultName'), places), book);
    return checked.value ? { decision: decideSync(book, checked.value), candidate: checked.value } : { problems: checked.errors.map((p) => ({ field: fieldOfProblem(p), message: p.message[lang] })) };
  }, [current, book, t, lang, places]);

  // For each track the person may not attend: the smallest change of the facts a person or place can change that opens it.
  const [changes, setChanges] = useState<{ of: Decision; byTrack: ReadonlyMap<string, WhatWouldChange> } | undefined>();
  useEffect(() => {
    if (!('decision' in outcome)) return;
    let live = true;
    void (async () => {
      const each = await whatWouldChangeEach(book, outcome.candidate, { decision: outcome.decision });
      const byTrack = new Map<string, WhatWouldChange>(each.map((w) => [w.track, w]));
      if (live) setChanges({ of: outcome.decision, byTrack });
    })();
    return () => {
      live = false;
    };
  }, [outcome, book]);

  const problems = useMemo(() => new Map('problems' in outcome ? outcome.problems.map((p) => [p.field, p.message] as const) : []), [outcome]);
  // A field's name as the form labels it (never a JSON path).
  const fieldLabel = (field: string) => {
    const key = `person.${field}`;
    return Object.hasOwn(UI.vi, key) ? t(key as UiKey) : '';
  };

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
            <PersonResult decision={outcome.decision} changes={changes?.of === outcome.decision ? changes.byTrack : undefined} />
          ) : (
            <div role="alert" className="input-errors">
              <p className="error-title">{t('person.invalid')}</p>
              <ul>
                {outcome.problems.map((p) => (
                  <li key={`${p.field}:${p.message}`}>
                    {fieldLabel(p.field) ? <strong>{fieldLabel(p.field)}: </strong> : null}
                    {p.message}
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
