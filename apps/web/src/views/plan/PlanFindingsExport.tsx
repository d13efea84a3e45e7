import { findingsSheet, toCsv, toXlsx } from '@p135/io';
import type { Candidate, PlanReport, Rulebook } from '@p135/rules';
import { useState } from 'react';
import { useLang } from '../../i18n/lang';
import { resultName, saveFile } from '../../lib/download';

type Format = 'csv' | 'xlsx';

/**
 * Export the plan's findings to CSV or XLSX (written by @p135/io, as `p135 plan check -o` writes
 * them): each with its trainee's name and role, and the district and commune by code and name.
 */
export function PlanFindingsExport({ report, people, book, fileName }: { report: PlanReport; people: readonly Candidate[]; book: Rulebook; fileName: string }) {
  const { t, lang } = useLang();
  const [busy, setBusy] = useState<Format | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (format: Format) => {
    setBusy(format);
    setDone(null);
    try {
      const sheet = findingsSheet(report, lang, { book, candidates: people });
      const name = resultName(fileName, lang === 'vi' ? 'phat-hien' : 'findings', format);
      if (format === 'csv') saveFile(toCsv(sheet), name, 'text/csv;charset=utf-8');
      else saveFile(await toXlsx([sheet]), name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      setDone(name);
    } finally {
      setBusy(null);
    }
  };
  return (
    <fieldset className="export">
      <legend className="export-label">{t('plan.exportFindings', { n: report.findings.length })}</legend>
      {(['csv', 'xlsx'] as const).map((f) => (
        <button key={f} type="button" disabled={busy !== null || report.findings.length === 0} onClick={() => void run(f)}>
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
