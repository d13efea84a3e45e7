/**
 * @p135/io — Program 135 rosters and results as tables: CSV, JSON, JSON Lines and XLSX in and out.
 * Runs unchanged in a browser (no Node imports); file and stream helpers are in `@p135/io/node`.
 *
 * This entry holds what the apps (CLI, API, web) use, and little else: the export list is pinned
 * by test/exports.test.ts. The parts inside (parsers, column tables, vocabularies, zip reading)
 * are reached through these.
 */

// Where things are, and what is wrong with them
export { formatInputError, formatPlace, type InputError, inputError, type Place } from './place.js';
export { checkFileSize, type ReadLimits, withStreamLimits } from './limits.js';

// Reading rosters and plans, whole
export { readRoster, type ReadRosterOptions, type ReadRosterResult, type Source } from './read-roster.js';
export { readPlan } from './plan.js';
export { planTemplate } from './plans/template.js';
export { INPUT_FORMATS, type InputFormat } from './detect.js';

// Reading a roster as it comes: CSV text → people and errors (one way, for a whole file or a piece of one)
export { type CsvHeader, type CsvRosterOptions, CsvRosterReader } from './roster/csv-roster.js';
export { isStreamedFormat, type RosterPiece, type StreamedFormat, streamRoster } from './roster-stream.js';
export type { CsvLimits } from './csv-parser.js';
export { Utf8Decoder } from './utf8-decoder.js';

// Writing results
export { decisionCsvWriter, decisionsSheet } from './results/decisions.js';
export { rankingSheet } from './results/ranking.js';
export { budgetSheet, findingsSheet } from './results/plan-report.js';
export { COST_CATEGORY_ORDER, COST_WORDS, PAYER_WORDS, SEVERITY_WORDS, STATUS_WORDS } from './results/words.js';
export { rosterSheet } from './roster/to-table.js';
export { type Cell, isMoneyCell, type Sheet } from './table.js';
export { csvRows, toCsv } from './csv-write.js';
export { toXlsx } from './xlsx-write.js';
export { jsonLine, toJson, toJsonLines } from './json-write.js';

// For the I/O floor of the CLI benchmark (apps/cli/bench/io-floor.mjs): the bare CSV parser
export { CsvParser } from './csv-parser.js';

// Results reports: rendered as a printed report (XLSX, HTML), CSV and JSON; the results template
export {
  type ReadResultsOptions,
  type ReadResultsResult,
  readResults,
  reportCsv,
  reportHtml,
  reportJson,
  type ReportTable,
  reportTableKeys,
  reportTables,
  type ReportXlsxOptions,
  reportXlsx,
  type ResultsReport,
  resultsSheets,
  resultsTemplate,
  sheetsCsv,
} from './reports/index.js';
