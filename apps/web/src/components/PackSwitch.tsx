import { bundledPack } from '@p135/rules';
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import { readPicked } from '../lib/files';
import { PACK_IDS, type PackLoad, usePack } from '../state/pack';
import { FileDrop } from './FileDrop';
import { InputErrors } from './InputErrors';

/**
 * The bundled packs and the packs the user loaded (a file dropped or picked, validated in the
 * engine worker, kept in the browser); an example pack is marked VÍ DỤ / EXAMPLE. The date whose
 * parameter values decide ("as of").
 */
export function PackSwitch() {
  const { t, lang } = useLang();
  const { packId, setPackId, book, loaded, loadPackFile, removePack, asOf, setAsOf } = usePack();
  const [last, setLast] = useState<PackLoad | undefined>();
  // The file input is there only while the section is open (a page's own file input stays the only one otherwise).
  const [open, setOpen] = useState(false);
  const example = book.pack.meta.status === 'example';
  const isLoaded = loaded.some((p) => p.id === packId) && !bundledPack(packId);
  const option = (id: string, meta: { province: { name: string }; year: number; status: string } | undefined, tag?: string) => (
    <option key={id} value={id}>
      {meta ? `${meta.province.name} ${meta.year}` : id} ({meta?.status === 'example' ? t('pack.example') : t('pack.official')}
      {tag ? `, ${tag}` : ''}) · {id}
    </option>
  );
  return (
    <div className="pack-switch">
      <label htmlFor="pack-select">{t('pack.label')}</label>
      <select id="pack-select" value={packId} onChange={(e) => setPackId(e.currentTarget.value)}>
        {PACK_IDS.map((id) => option(id, bundledPack(id)?.meta))}
        {loaded.filter((p) => !bundledPack(p.id)).map((p) => option(p.id, p.meta, t('pack.loadedTag')))}
      </select>
      {example ? (
        <p className="badge example" title={book.pack.meta.title[lang]}>
          {t('pack.example')}: {t('pack.exampleNote')}
        </p>
      ) : null}
      <div className="field pack-as-of">
        <label htmlFor="pack-as-of">{t('pack.asOf')}</label>
        <input id="pack-as-of" type="date" value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} aria-describedby="pack-as-of-hint" />
        <span id="pack-as-of-hint" className="note">
          {asOf ? '' : `${t('pack.asOfHint')} (${book.ref.asOf})`}
        </span>
      </div>
      <details className="pack-load" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('pack.load')}</summary>
        <p className="note">{t('pack.loadHint')}</p>
        {open ? <FileDrop accept=".json,application/json" label={t('pack.load')} onFile={async (f) => setLast(await loadPackFile(await readPicked(f)))} /> : null}
        {last?.errors.length ? <InputErrors errors={last.errors} title={t('pack.loadErrors', { count: last.errors.length })} /> : null}
        {last?.id ? (
          <p className="pack-loaded" role="status">
            {t('pack.loadedOk', { id: last.id, title: book.pack.id === last.id ? book.pack.meta.title[lang] : '' })}
            {last.warnings.length ? ` · ${t('pack.loadWarnings', { count: last.warnings.length })}` : ''}
          </p>
        ) : null}
        {last?.warnings.length ? (
          <details className="pack-warnings">
            <summary>{t('pack.loadWarnings', { count: last.warnings.length })}</summary>
            <InputErrors errors={last.warnings} title={t('pack.loadWarnings', { count: last.warnings.length })} />
          </details>
        ) : null}
        {isLoaded ? (
          <button type="button" onClick={() => removePack(packId)}>
            {t('pack.remove')}
          </button>
        ) : null}
      </details>
    </div>
  );
}
