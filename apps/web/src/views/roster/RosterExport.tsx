import { useState } from 'react';
import type { ExportFormat } from '../../engine/protocol';
import { useLang } from '../../i18n/lang';
import { resultName, saveFile } from '../../lib/download';
import type { RosterRow } from '../../lib/roster-rows';
import { useSession } from '../../state/session';

/** Export the filtered rows' decisions to CSV or XLSX (written by @p135/io in the engine worker). */
export function RosterExport({ rows, fileName }: { rows: readonly RosterRow[]; fileName: string }) {
  const { t, lang } = useLang();
  const { exportRoster } = useSession();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    setDone(null);
    try {
      const name = resultName(fileName, lang === 'vi' ? 'ket-qua' : 'decisions', format);
      const r = await exportRoster(
        format,
        rows.map((row) => row.index),
        lang,
        name,
      );
      if (r) {
        saveFile(r.bytes, r.name, r.type);
        setDone(r.name);
      }
    } finally {
      setBusy(null);
    }
  };
  return (
    <fieldset className="export">
      <legend className="export-label">{t('roster.export', { n: rows.length })}</legend>
      {(['csv', 'xlsx'] as const).map((f) => (
        <button key={f} type="button" disabled={busy !== null || rows.length === 0} onClick={() => void run(f)}>
          {busy === f ? t('phase.export') : t(f === 'csv' ? 'roster.exportCsv' : 'roster.exportXlsx')}
        </button>
      ))}
      {done ? (
        <span role="status" className="muted">
          {t('roster.exported', { name: done })}
        </span>
      ) : null}
    </fieldset>
  );
}
