import type { ResultsReport } from '@p135/io';
import { useState } from 'react';
import type { ReportEngine } from '../../engine/report-client';
import type { ReportFormat } from '../../engine/report-protocol';
import { useLang } from '../../i18n/lang';
import { saveFile } from '../../lib/download';

const LABEL = { xlsx: 'reports.xlsx', csv: 'reports.csv', html: 'reports.html' } as const;

/** The report as the printed workbook (XLSX), CSV, or the printable A4 page (HTML), written by @p135/io in the worker. */
export function ReportDownloads({ report, engine }: { report: ResultsReport; engine: ReportEngine }) {
  const { t, lang } = useLang();
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const base = report.kind === 'province' ? 'bao-cao-tong-hop' : `bao-cao-huyen${report.district ? `-${report.district}` : ''}`;
  const run = async (format: ReportFormat) => {
    setBusy(format);
    setDone(null);
    try {
      const r = await engine.run<'rendered'>({ kind: 'render', format, lang, report });
      const name = `${base}-${lang}.${format}`;
      saveFile(r.bytes, name, r.type);
      setDone(name);
    } finally {
      setBusy(null);
    }
  };
  return (
    <fieldset className="export report-downloads">
      <legend className="export-label">{t('reports.downloads')}</legend>
      {(['xlsx', 'csv', 'html'] as const).map((f) => (
        <button key={f} type="button" data-format={f} disabled={busy !== null} onClick={() => void run(f)}>
          {busy === f ? t('phase.export') : t(LABEL[f])}
        </button>
      ))}
      {done ? (
        <span role="status" className="muted">
          {t('reports.saved', { name: done })}
        </span>
      ) : null}
    </fieldset>
  );
}
