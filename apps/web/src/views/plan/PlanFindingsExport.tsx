import { findingsSheet, toCsv, toXlsx } from '@p135/io';
import type { Candidate, PlanReport, Rulebook } from '@p135/rules';
import { ExportButtons } from '../../components/ExportButtons';
import { useLang } from '../../i18n/lang';
import { resultName, saveFile } from '../../lib/download';

/**
 * Export the plan's findings to CSV or XLSX (written by @p135/io, as `p135 plan check -o` writes
 * them): each with its trainee's name and role, and the district and commune by code and name.
 */
export function PlanFindingsExport({ report, people, book, fileName }: { report: PlanReport; people: readonly Candidate[]; book: Rulebook; fileName: string }) {
  const { t, lang } = useLang();
  return (
    <ExportButtons
      legend={t('plan.exportFindings', { n: report.findings.length })}
      count={report.findings.length}
      save={async (format) => {
        const sheet = findingsSheet(report, lang, { book, candidates: people });
        const name = resultName(fileName, lang === 'vi' ? 'phat-hien' : 'findings', format);
        if (format === 'csv') saveFile(toCsv(sheet), name, 'text/csv;charset=utf-8');
        else saveFile(await toXlsx([sheet]), name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return name;
      }}
    />
  );
}
