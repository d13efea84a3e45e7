import { useId } from 'react';
import { useLang } from '../../i18n/lang';
import { type LoadedFile, readPicked } from '../../lib/files';

/** The results files: several at once (every district's, and the province's own), chosen with a visible file input. */
export function ResultsPicker({ files, onFiles }: { files: readonly LoadedFile[]; onFiles: (files: LoadedFile[]) => void }) {
  const { t } = useLang();
  const id = useId();
  return (
    <div className="drop">
      <input
        id={id}
        className="visually-hidden"
        type="file"
        multiple
        accept=".xlsx,.csv,.json,text/csv,application/json"
        onChange={(e) => {
          const picked = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (picked.length) void Promise.all(picked.map(readPicked)).then(onFiles);
        }}
      />
      <label htmlFor={id} className="file-label">
        {t('reports.pickResults')}
      </label>
      <p className="file-name" data-input="results">
        {t('reports.results')}: {files.length ? t('reports.resultsCount', { n: files.length, names: files.map((f) => f.name).join(', ') }) : t('reports.none')}
      </p>
    </div>
  );
}
