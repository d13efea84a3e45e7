import { placesOf } from '@p135/rules';
import { useMemo } from 'react';
import { useLang } from '../../i18n/lang';
import { defaultCommune, type PersonForm, placeFields } from '../../lib/person-form';
import { usePack } from '../../state/pack';

type Change = (patch: Partial<PersonForm>) => void;

/** District → commune from the pack's places (its province's official list), and the place's Program 135 status (editable). */
export function PlaceFields({ form, onChange }: { form: PersonForm; onChange: Change }) {
  const { t } = useLang();
  const { book } = usePack();
  const places = useMemo(() => placesOf(book.pack), [book.pack]);
  const district = places.district(form.district);
  return (
    <>
      <div className="field">
        <label htmlFor="person-district">{t('person.district')}</label>
        <select
          id="person-district"
          value={form.district}
          onChange={(e) => {
            const code = e.currentTarget.value;
            onChange({ district: code, ...placeFields(places, defaultCommune(places, code)) });
          }}
        >
          {places.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name} ({d.code})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="person-commune">{t('person.commune')}</label>
        <select id="person-commune" value={form.commune} onChange={(e) => onChange(placeFields(places, e.currentTarget.value))}>
          {district?.communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
      </div>
      <fieldset className="p135">
        <legend>
          {t('person.p135')} <span className="badge illustrative">{t('common.illustrative')}</span>
        </legend>
        <p className="note">{t('person.p135Note')}</p>
        <Check id="person-commune-listed" label={t('person.communeListed')} checked={form.communeListed} onChange={(v) => onChange({ communeListed: v })} />
        <Check id="person-commune-struck" label={t('person.communeStruckOff')} checked={form.communeStruckOff} onChange={(v) => onChange({ communeStruckOff: v })} />
        <div className="field">
          <label htmlFor="person-village">{t('person.village')}</label>
          <input id="person-village" type="text" value={form.village} maxLength={200} onChange={(e) => onChange({ village: e.currentTarget.value })} />
        </div>
        {form.village.trim() ? (
          <>
            <Check id="person-village-listed" label={t('person.villageListed')} checked={form.villageListed} onChange={(v) => onChange({ villageListed: v })} />
            <Check id="person-village-struck" label={t('person.villageStruckOff')} checked={form.villageStruckOff} onChange={(v) => onChange({ villageStruckOff: v })} />
          </>
        ) : null}
      </fieldset>
    </>
  );
}

export function Check({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
