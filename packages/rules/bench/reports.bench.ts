/**
 * pnpm --filter @p135/rules bench-reports [-- --n 1000000]
 * Times the district report and the provincial consolidation on the bundled example results, and
 * on a generated province of N trainees (default 1,000,000: 10 districts, classes of 70, every
 * trainee in one class). Beside each, a baseline measured in the same run on the same people:
 * `decideMany` over every trainee, so the figures read as a ratio on a shared, noisy machine.
 * Not a test: it prints figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bundledPack, type Candidate, createRulebook, decideMany, districtReport, parseCandidates, parsePlan, parseResults, type Plan, provinceReport, type Results } from '../src/index.js';
import { seeded } from '../scripts/seeded.js';

const args = process.argv.slice(2);
const nArg = args.indexOf('--n');
const N = nArg >= 0 ? Number(args[nArg + 1]) : 1_000_000;
const pack = bundledPack('lang-son-2020');
if (!pack) throw new Error('no bundled pack');
const book = createRulebook(pack);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [(performance.now() - t0) / 1000, v];
}
const s = (x: number) => `${x.toFixed(2)} s`;

// --- The bundled example ------------------------------------------------------------------------
const EX = fileURLToPath(new URL('../../../examples/lang-son-2020/', import.meta.url));
const plan = parsePlan(JSON.parse(readFileSync(join(EX, 'plan.json'), 'utf8')), book).value as Plan;
const roster = parseCandidates(JSON.parse(readFileSync(join(EX, 'candidates.json'), 'utf8')), book).value as Candidate[];
const rosterById = new Map(roster.map((c) => [c.id, c] as const));
const files = readdirSync(join(EX, 'results'))
  .filter((f) => f.endsWith('.json'))
  .sort();
const results = files.map((f) => parseResults(JSON.parse(readFileSync(join(EX, 'results', f), 'utf8')), book, { plan, roster: rosterById }).value as Results);
const one = results.find((r) => r.district === '180') as Results;
await districtReport(book, plan, one, { roster: rosterById }); // warm-up
const [exDistrict] = await time(() => districtReport(book, plan, one, { roster: rosterById }));
const [exProvince] = await time(() => provinceReport(book, plan, results, { roster: rosterById }));
const exPeople = [...new Set(results.flatMap((r) => r.classes.flatMap((c) => c.trainees)))].map((id) => rosterById.get(id) as Candidate);
const [exBase] = await time(() => decideMany(book, exPeople));
console.log(
  `example: district 180 ${s(exDistrict)}; province (${results.length} reports, ${exPeople.length} trainees) ${s(exProvince)}; decideMany baseline ${s(exBase)} → province/baseline ${(exProvince / exBase).toFixed(1)}×`,
);

// --- A generated province of N trainees ---------------------------------------------------------
const rand = seeded(1_000_000);
const DISTRICTS = ['180', '181', '182', '183', '184', '185', '186', '187', '188', '189'];
const CLASS_SIZE = 70;
const roles = pack.parameters['roles.commune_community']?.value as string[];
const places = DISTRICTS.flatMap((d, i) =>
  Array.from({ length: 20 }, (_, k) => ({ district: { code: d }, commune: { code: String(5000 + i * 100 + k).padStart(5, '0'), p135: { listed: true, struckOff: false } } })),
);
const people: Candidate[] = [];
const classes: Plan['classes'] = [];
const perDistrict = new Map<string, Results['classes']>();
for (let c = 0; c * CLASS_SIZE < N; c++) {
  const place = places[c % places.length] as (typeof places)[number];
  const trainees: string[] = [];
  for (let k = 0; k < CLASS_SIZE && people.length < N; k++) {
    const id = `G-${String(people.length + 1).padStart(7, '0')}`;
    people.push({
      id,
      name: 'Người Thử',
      gender: rand() < 0.5 ? 'female' : 'male',
      birthYear: 1960 + Math.floor(rand() * 40),
      ethnicity: rand() < 0.8 ? '07' : '01',
      role: roles[Math.floor(rand() * roles.length)] as string,
      district: place.district,
      commune: place.commune,
      provinceTrainingYears: [],
      planYearClasses: [],
    });
    trainees.push(id);
  }
  const id = `X-${place.commune.code}-${c}`;
  const cls = { id, track: 'commune_community', district: place.district.code, commune: place.commune.code, start: '2020-09-01', end: '2020-09-02', days: '2', trainees };
  classes.push(cls);
  const list = perDistrict.get(place.district.code) ?? perDistrict.set(place.district.code, []).get(place.district.code);
  list?.push({ ...cls, planClass: id, place: 'Hội trường', spending: [{ line: `NS-${place.district.code}`, amount: '24000000' }] });
}
const bigPlan: Plan = { classes, studyTours: [], budget: DISTRICTS.map((d) => ({ id: `NS-${d}`, category: 'commune_community', amount: String((perDistrict.get(d)?.length ?? 0) * 25_000_000) })) };
const bigRoster = new Map(people.map((p) => [p.id, p] as const));
const bigResults: Results[] = DISTRICTS.map((d) => ({ district: d, sentOn: '2020-11-20', classes: perDistrict.get(d) ?? [], studyTours: [] }));
console.log(`generated: ${people.length} trainees in ${classes.length} classes of ${CLASS_SIZE}, ${DISTRICTS.length} districts`);
const [bigBase] = await time(() => decideMany(book, people));
const [bigDistrict, d] = await time(() => districtReport(book, bigPlan, bigResults[0] as Results, { roster: bigRoster }));
const [bigProvince, p] = await time(() => provinceReport(book, bigPlan, bigResults, { roster: bigRoster }));
console.log(
  `generated province: district ${DISTRICTS[0]} (${d.trainees.total.trainees} trainees) ${s(bigDistrict)}; province (${p.trainees.total.trainees} trainees) ${s(bigProvince)}; decideMany baseline (${people.length}) ${s(bigBase)} → province/baseline ${(bigProvince / bigBase).toFixed(1)}×`,
);
