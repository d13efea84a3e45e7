import { readdirSync, readFileSync } from 'node:fs';
import { bundledPack, type Candidate, createRulebook, parseCandidates, parsePlan, parseResults, type Plan, provinceReport, districtReport, type Results } from '@p135/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { attentionOf, byPlace } from '../../src/lib/report-view';
import { EXAMPLES_DIR } from '../../vite/examples';

const book = createRulebook(bundledPack('lang-son-2020')!);
let plan: Plan;
let roster: Candidate[];
let results: Results[];

beforeAll(() => {
  plan = parsePlan(JSON.parse(readFileSync(`${EXAMPLES_DIR}plan.json`, 'utf8')), book).value as Plan;
  roster = parseCandidates(JSON.parse(readFileSync(`${EXAMPLES_DIR}candidates.json`, 'utf8')), book).value as Candidate[];
  results = readdirSync(`${EXAMPLES_DIR}results`)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => parseResults(JSON.parse(readFileSync(`${EXAMPLES_DIR}results/${n}`, 'utf8')), book).value as Results);
}, 60_000);

describe('what a reader of a report looks for first', () => {
  it('the consolidation: the late and the missing district, the person reported twice, the study tours over their cap', async () => {
    const report = await provinceReport(book, plan, results, { roster });
    const a = attentionOf(report);
    expect(a.late.map((d) => d.district)).toEqual(report.late);
    expect(a.missing.map((d) => d.district)).toEqual(report.missing);
    expect(a.twice.map((f) => f.ruleId)).toEqual(['report.finding.reported_twice']);
    expect(a.twice).toHaveLength(report.trainees.reportedTwice);
    expect(a.overCap.map((c) => c.category)).toEqual(['study_tour']);
  });

  it("a district's report: late or not, nothing else", async () => {
    const late = await districtReport(book, plan, results.find((r) => r.district === '183') as Results, { roster });
    expect(attentionOf(late).late.map((d) => [d.district, d.daysLate])).toEqual([['183', 4]]);
    const onTime = await districtReport(book, plan, results.find((r) => r.district === '180') as Results, { roster });
    expect(attentionOf(onTime)).toEqual({ late: [], missing: [], twice: [], overCap: [] });
  });

  it('sums the classes of every track per place', () => {
    const rows = [
      { code: '180', name: 'A', track: 'x', trackLabel: { vi: '', en: '' }, planned: 2, held: 1, trainees: 5 },
      { code: '181', track: 'x', trackLabel: { vi: '', en: '' }, planned: 1, held: 1, trainees: 5 },
      { code: '180', name: 'A', track: 'y', trackLabel: { vi: '', en: '' }, planned: 30, held: 31, trainees: 5 },
    ];
    expect(byPlace(rows)).toEqual([
      { key: '180', label: 'A (180)', planned: 32, held: 32 },
      { key: '181', label: '181', planned: 1, held: 1 },
    ]);
  });
});
