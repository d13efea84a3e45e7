/** Results reports (KH.III.3, KH.III.1): parse what was held, build a district's report and the provincial consolidation. */
export { DEADLINE_PARAM, districtReport, type ReportOptions } from './district.js';
export { parseResults, type ParseResultsOptions } from './parse.js';
export { CONSOLIDATION_CLAUSE, type ConsolidateOptions, expectedDistricts as expectedDistrictsOf, provinceReport } from './province.js';
