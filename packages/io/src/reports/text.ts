import { formatDecimalText, type Lang } from '@p135/rules';
import { toCsv } from '../csv-write.js';
import { toJson } from '../json-write.js';
import { type Cell, isMoneyCell, type Sheet } from '../table.js';
import { type ReportTable, reportTables, type ResultsReport } from './tables.js';

/** One table as a sheet (the totals row last), for the CSV writer. */
export const tableSheet = (t: ReportTable, lang: Lang): Sheet => ({ name: t.title[lang], columns: t.columns, rows: t.total ? [...t.rows, t.total] : t.rows });

/**
 * A report as CSV: one table (by its key), or every table one after another, each under a line
 * with its title and separated by an empty line. UTF-8 with BOM, formula-safe (the CSV writer's).
 */
export function reportCsv(report: ResultsReport, lang: Lang, table?: string): string | undefined {
  const tables = reportTables(report, lang);
  if (table !== undefined) {
    const t = tables.find((x) => x.key === table);
    return t ? toCsv(tableSheet(t, lang)) : undefined;
  }
  return tables
    .map((t, i) => {
      const body = toCsv(tableSheet(t, lang)).replace(/^\uFEFF/, '');
      const title = toCsv({ name: '', columns: [{ key: 'title', header: t.title[lang] }], rows: [] }).replace(/^\uFEFF/, '');
      return `${i === 0 ? '\uFEFF' : ''}${title}${body}`;
    })
    .join('\r\n');
}

/** A report as JSON: the model itself (money as digit strings), for other systems. */
export const reportJson = (report: ResultsReport): string => toJson(report);

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
const lines = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');

function cellHtml(c: Cell, lang: Lang): string {
  if (c === null) return '<td></td>';
  if (typeof c === 'number') return `<td class="n">${escapeHtml(formatDecimalText(String(c), lang))}</td>`;
  if (isMoneyCell(c)) return `<td class="n">${escapeHtml(formatDecimalText(c.money, lang))}</td>`;
  return `<td>${lines(c)}</td>`;
}

const PRINT_CSS = `
@page { size: A4 landscape; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 11pt; color: #000; margin: 0 auto; max-width: 277mm; padding: 8mm; }
header.top { display: grid; grid-template-columns: 1fr 1fr; text-align: center; font-weight: bold; }
header.top p { margin: 0; }
.dateline { text-align: right; font-style: italic; margin: 4mm 0; }
h1 { text-align: center; font-size: 13pt; margin: 6mm 10mm 2mm; }
.recipient { text-align: center; margin: 0 0 4mm; }
.note { font-style: italic; border: 1px dashed #555; padding: 2mm 3mm; }
h2 { font-size: 11.5pt; margin: 6mm 0 2mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
footer.signatures { display: grid; grid-template-columns: 1fr 1fr; text-align: center; font-weight: bold; margin-top: 10mm; min-height: 35mm; break-inside: avoid; }
@media screen { body { background: #fff; } }
@media print { .note { border-color: #000; } }
`;

/** A report as a printable HTML page (one file, no script, print CSS for A4). */
export function reportHtml(report: ResultsReport, lang: Lang): string {
  const h = report.heading;
  const tables = reportTables(report, lang);
  const section = (t: ReportTable, i: number) => {
    const head = `<thead><tr>${t.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('')}</tr></thead>`;
    const rows = t.rows.map((r) => `<tr>${t.columns.map((_, k) => cellHtml(r[k] ?? null, lang)).join('')}</tr>`).join('\n');
    const total = t.total ? `<tr class="total">${t.columns.map((_, k) => cellHtml(t.total?.[k] ?? null, lang)).join('')}</tr>` : '';
    return `<section id="${escapeHtml(t.key)}"><h2>${i + 1}. ${escapeHtml(t.title[lang])}</h2>\n<table>${head}<tbody>\n${rows}\n${total}</tbody></table></section>`;
  };
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(h.title[lang])}</title><style>${PRINT_CSS}</style></head>
<body>
<header class="top"><p>${lines(h.issuer[lang])}</p><p>${lines(h.motto[lang])}</p></header>
<p class="dateline">${escapeHtml(h.dateline[lang])}</p>
<h1>${escapeHtml(h.title[lang])}</h1>
<p class="recipient">${escapeHtml(h.recipient[lang])}</p>
${h.note ? `<p class="note">${escapeHtml(h.note)}</p>` : ''}
${tables.map(section).join('\n')}
<footer class="signatures">${h.signatures.map((s) => `<p>${lines(s[lang])}</p>`).join('')}</footer>
</body>
</html>
`;
}
