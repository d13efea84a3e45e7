import { CLASS_LEVELS, ETHNIC_GROUPS, ROLE_GROUPS } from '@p135/rules';
import { useLang } from '../../i18n/lang';
import { type PersonForm as Form, toggle, trainingYears } from '../../lib/person-form';
import { usePack } from '../../state/pack';
import { Check, PlaceFields } from './PlaceFields';

type Change = (patch: Partial<Form>) => void;

/** The person-check form: every field labelled, in reading order; roles and years come from the pack. */
export function PersonForm({ form, onChange, problems }: { form: Form; onChange: Change; problems: ReadonlyMap<string, string> }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const year = book.pack.meta.year;
  const fieldError = (name: string) => {
    const text = problems.get(name);
    return text ? (
      <p className="field-error" id={`person-${name}-error`}>
        {text}
      </p>
    ) : null;
  };
  return (
    <form className="person-form" aria-labelledby="person-form-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="person-form-title">{t('person.form')}</h2>
      <div className="field">
        <label htmlFor="person-role">{t('person.role')}</label>
        <select id="person-role" value={form.role} onChange={(e) => onChange({ role: e.currentTarget.value })}>
          {ROLE_GROUPS.map((g) => {
            const roles = book.pack.roles.filter((r) => r.group === g);
            return roles.length ? (
              <optgroup key={g} label={t(`rolegroup.${g}`)}>
                {roles.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.label[lang]}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
        {fieldError('role')}
      </div>
      <PlaceFields form={form} onChange={onChange} />
      <fieldset className="inline">
        <legend>{t('person.gender')}</legend>
        {(['female', 'male'] as const).map((g) => (
          <div className="check" key={g}>
            <input id={`person-gender-${g}`} type="radio" name="person-gender" value={g} checked={form.gender === g} onChange={() => onChange({ gender: g })} />
            <label htmlFor={`person-gender-${g}`}>{t(`person.${g}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="person-birth-year">{t('person.birthYear')}</label>
        <input
          id="person-birth-year"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={form.birthYear}
          maxLength={4}
          aria-invalid={problems.has('birthYear')}
          aria-describedby={problems.has('birthYear') ? 'person-birthYear-error' : undefined}
          onChange={(e) => onChange({ birthYear: e.currentTarget.value })}
        />
        {fieldError('birthYear')}
      </div>
      <div className="field">
        <label htmlFor="person-ethnicity">{t('person.ethnicity')}</label>
        <select id="person-ethnicity" value={form.ethnicity} onChange={(e) => onChange({ ethnicity: e.currentTarget.value })}>
          {ETHNIC_GROUPS.map((g) => (
            <option key={g.code} value={g.code}>
              {g.name} ({g.code})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="inline">
        <legend>{t('person.provinceYears')}</legend>
        {trainingYears(book).map((y) => (
          <Check
            key={y}
            id={`person-year-${y}`}
            label={String(y)}
            checked={form.provinceTrainingYears.includes(y)}
            onChange={(on) => onChange({ provinceTrainingYears: toggle(form.provinceTrainingYears, y, on) })}
          />
        ))}
      </fieldset>
      <fieldset className="inline">
        <legend>{t('person.planYearClasses', { year: String(year) })}</legend>
        {CLASS_LEVELS.map((l) => (
          <Check
            key={l}
            id={`person-level-${l}`}
            label={t(`person.level.${l}`)}
            checked={form.planYearClasses.includes(l)}
            onChange={(on) => onChange({ planYearClasses: toggle(form.planYearClasses, l, on) })}
          />
        ))}
      </fieldset>
    </form>
  );
}
