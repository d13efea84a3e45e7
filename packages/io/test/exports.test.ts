/**
 * The surface of @p135/io is what the apps (CLI, API, web) use, and little else: adding a name is
 * a decision, made here. (Before this list: 118 names in the main entry, 80 used nowhere outside io.)
 */
import { describe, expect, it } from 'vitest';
import * as main from '../src/index.js';
import * as node from '../src/node.js';

describe('the export list of @p135/io', () => {
  it('the main (browser-safe) entry', () => {
    expect(Object.keys(main).sort()).toEqual([
      'COST_CATEGORY_ORDER',
      'COST_WORDS',
      'CsvParser',
      'CsvRosterReader',
      'INPUT_FORMATS',
      'PAYER_WORDS',
      'SEVERITY_WORDS',
      'STATUS_WORDS',
      'Utf8Decoder',
      'budgetSheet',
      'checkFileSize',
      'csvRows',
      'decisionCsvWriter',
      'decisionsSheet',
      'findingsSheet',
      'formatInputError',
      'formatPlace',
      'inputError',
      'isMoneyCell',
      'isStreamedFormat',
      'jsonLine',
      'planTemplate',
      'rankingSheet',
      'readPlan',
      'readResults',
      'readRoster',
      'reportCsv',
      'reportHtml',
      'reportJson',
      'reportTableKeys',
      'reportTables',
      'reportXlsx',
      'resultsSheets',
      'resultsTemplate',
      'rosterSheet',
      'sheetsCsv',
      'streamRoster',
      'toCsv',
      'toJson',
      'toJsonLines',
      'toXlsx',
      'withStreamLimits',
    ]);
  });

  it('the /node entry (files and standard input)', () => {
    expect(Object.keys(node).sort()).toEqual(['openRosterInput', 'readRosterFile', 'readRosterInput', 'readSource', 'streamRosterInput', 'unwritable', 'writeOutputFile']);
  });
});
