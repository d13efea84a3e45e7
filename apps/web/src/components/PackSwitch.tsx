import { bundledPack } from '@p135/rules';
import { useLang } from '../i18n/lang';
import { PACK_IDS, usePack } from '../state/pack';

/** The bundled packs; an example pack is marked VÍ DỤ / EXAMPLE in the list and beside the switch. */
export function PackSwitch() {
  const { t, lang } = useLang();
  const { packId, setPackId, book } = usePack();
  const example = book.pack.meta.status === 'example';
  return (
    <div className="pack-switch">
      <label htmlFor="pack-select">{t('pack.label')}</label>
      <select id="pack-select" value={packId} onChange={(e) => setPackId(e.currentTarget.value)}>
        {PACK_IDS.map((id) => {
          const meta = bundledPack(id)?.meta;
          const status = meta?.status === 'example' ? t('pack.example') : t('pack.official');
          return (
            <option key={id} value={id}>
              {meta ? `${meta.province.name} ${meta.year}` : id} ({status}) · {id}
            </option>
          );
        })}
      </select>
      {example ? (
        <p className="badge example" title={book.pack.meta.title[lang]}>
          {t('pack.example')}: {t('pack.exampleNote')}
        </p>
      ) : null}
    </div>
  );
}
