/**
 * @p135/io — Program 135 rosters and results as tables: CSV, JSON, JSON Lines and XLSX in and out.
 * Runs unchanged in a browser (no Node imports); file and stream helpers are in `@p135/io/node`.
 */

// Where things are, and what is wrong with them
export { formatInputError, formatPlace, inFile, type InputError, inputError, type Place } from './place.js';
export { formatBytes, READ_LIMITS, type ReadLimits, withLimits, withStreamLimits } from './limits.js';

// Reading rosters and plans
export { readRoster, type ReadRosterOptions, type ReadRosterResult, type Source } from './read-roster.js';
export { readPlan, type ReadPlanResult } from './plan.js';
export { detectFormat, INPUT_FORMATS, type InputFormat } from './detect.js';
export { acceptedHeaders, columnForHeader, headerKey, ROSTER_COLUMNS, type ColumnKind, type RosterColumn } from './roster/columns.js';
export { type RosterOptions, type RosterResult, rosterFromTable, RosterTableReader, type TableReaderOptions } from './roster/from-table.js';
export { areCandidateObjects, CandidateObjectReader, type ObjectReaderOptions, rosterFromJsonItems } from './roster/from-json.js';
export { IdIndex } from './roster/id-index.js';
export { rosterSheet } from './roster/to-table.js';
export { roleIndex, type RoleIndex } from './roster/roles.js';
export { acceptedWords, CLASS_LEVEL_WORDS, GENDER_WORDS, lookUp, type Vocabulary, wordFor, YES_NO } from './roster/vocabulary.js';
export { type CsvResult, detectDelimiter, parseCsv } from './csv-read.js';
export { type CsvBatch, type CsvLimits, CsvParser, type DelimiterScan, scanDelimiter } from './csv-parser.js';
export { type JsonItem, type JsonItems, readJsonDocument, readJsonLine, readJsonLines, readJsonValue } from './json-read.js';
export { type Line, LineSplitter } from './lines.js';
export { cellText, readXlsx, type XlsxResult } from './xlsx-read.js';
export { decodeText, firstInvalidUtf8 } from './text.js';
export { type Decoded, Utf8Decoder } from './utf8-decoder.js';

// Reading a roster as a stream, a row at a time
export { isStreamedFormat, type RosterPiece, type RosterStreamOptions, STREAMED_FORMATS, type StreamedFormat, streamRoster } from './roster-stream.js';
export { isBlankRow, isMoneyCell, type Cell, type Column, type MoneyCell, type RawTable, type Sheet, type TableRow } from './table.js';

// Writing results
export { type CsvPieceSink, decisionColumns, decisionCsvWriter, type DecisionCsvWriter, decisionRow, decisionsSheet } from './results/decisions.js';
export { rankingSheet } from './results/ranking.js';
export { budgetSheet, findingsSheet } from './results/plan-report.js';
export { COST_CATEGORY_ORDER, COST_WORDS, PAYER_WORDS, reasonsText, SEVERITY_WORDS, STATUS_WORDS } from './results/words.js';
export { csvCellText, csvField, type CsvRows, csvRows, type CsvWriteOptions, toCsv } from './csv-write.js';
export { toXlsx, type XlsxWriteOptions } from './xlsx-write.js';
export { jsonLine, toJson, toJsonLines } from './json-write.js';
export { exactNumber, isFormulaLike, isWholeNumberText, neutraliseFormula } from './safety.js';
export { listZipEntries, looksLikeZip, withZipTimestamps, type ZipEntry, zipEntryData } from './zip.js';
export * from './reports/index.js';
