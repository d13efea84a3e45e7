/** Results reports (district and province) rendered: printed-layout XLSX, CSV, JSON, printable HTML. */
export { REPORT_WORDS, type ReportTable, reportTableKeys, reportTables, type ResultsReport } from './tables.js';
export { escapeHtml, reportCsv, reportHtml, reportJson, tableSheet } from './text.js';
export { type ReportXlsxOptions, reportXlsx } from './xlsx.js';
export { RESULTS_COLUMNS, resultsSheets, resultsTemplate, sheetsCsv } from './template.js';
export { resultsFromCsv } from './from-csv.js';
export { type ReadResultsOptions, type ReadResultsResult, readResults } from './read.js';
export { resultsFromWorkbook, type WorkbookResults } from './from-workbook.js';
