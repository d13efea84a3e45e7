import { useState } from 'react';
import type { ExportFormat } from '../engine/protocol';
import { useLang } from '../i18n/lang';

/**
 * The CSV and XLSX export buttons, with the file saved said when done. `save` writes the file in
 * the format asked and returns its name (undefined when nothing was saved).
 */
export function ExportButtons({ legend, count, save }: { legend: string; count: number; save: (format: ExportFormat) => Promise<string | undefined> }) {
  const { t } = useLang();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    setDone(null);
    try {
      const name = await save(format);
      if (name) setDone(name);
    } finally {
      setBusy(null);
    }
  };
  return (
    <fieldset className="export">
      <legend className="export-label">{legend}</legend>
      {(['csv', 'xlsx'] as const).map((f) => (
        <button key={f} type="button" disabled={busy !== null || count === 0} onClick={() => void run(f)}>
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
