/**
 * Generates EXAMPLE results of the bundled 2020 Lạng Sơn plan (what districts report by 30/11,
 * KH.III.3): one file per district that reported and one for Ban Dân tộc's own classes and study
 * tours. Seeded: the same seed writes the same files. Invented on purpose so every part of a
 * report shows something: one district late, one missing, a class shorter than planned, a planned
 * class not held, an unplanned class, an ineligible attendee, a person reported by two districts,
 * and study tours over the 10% cap.
 *
 *   pnpm --filter @p135/rules generate-results [--seed N] [--out DIR]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPack, CandidateSchema, createRulebook, decideSync } from '../src/index.js';
import type { CandidateInput, PlanInput, ResultsInput } from '../src/index.js';
import { seeded } from './seeded.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const SEED = Number(opt('seed', '2020'));
const EXAMPLE = resolve(join(here, '../../../examples/lang-son-2020'));
const OUT = resolve(opt('out', join(EXAMPLE, 'results')));

const rand = seeded(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const plan = JSON.parse(readFileSync(join(EXAMPLE, 'plan.json'), 'utf8')) as Required<PlanInput>;
const people = JSON.parse(readFileSync(join(EXAMPLE, 'candidates.json'), 'utf8')) as CandidateInput[];

const inPlan = new Set(plan.classes.flatMap((c) => c.trainees));

const NOTE =
  'VÍ DỤ MINH HỌA — kết quả do máy sinh (seed cố định) cho kế hoạch mẫu năm 2020, không phải báo cáo thật / EXAMPLE — generated results (fixed seed) for the example 2020 plan, not a real report.';

type HeldClassInput = ResultsInput['classes'][number];
const communeName = (code: string) => people.find((p) => p.commune.code === code)?.commune.name ?? code;
const districtName = (code: string) => people.find((p) => p.district.code === code)?.district.name ?? code;
/** Spending in whole hundred-thousands of đồng, between `lo` and `hi` millions. */
const amount = (lo: number, hi: number) => String(int(lo * 10, hi * 10) * 100_000);
const lineFor = (category: string, label?: string) => plan.budget.find((l) => l.category === category && (label === undefined || (l.label ?? '').includes(label)))?.id as string;
/** Most trainees came; a few did not (the same seed drops the same people). */
const attended = (ids: readonly string[]) => ids.filter(() => rand() >= 0.04);

// --- Ban Dân tộc's own: the province classes and the study tours --------------------------------
const provinceClasses: HeldClassInput[] = plan.classes
  .filter((c) => c.track === 'province_cadre' || c.track === 'province_community')
  .map((c) => ({
    id: c.id,
    planClass: c.id,
    track: c.track,
    district: c.district,
    place: 'Hội trường Trường Chính trị Hoàng Văn Thụ, thành phố Lạng Sơn',
    start: c.start,
    end: c.end,
    days: c.days,
    trainees: attended(c.trainees),
    spending: [{ line: lineFor(c.track), amount: c.track === 'province_cadre' ? amount(85, 90) : amount(270, 287.5) }],
  }));
const tourLines = plan.budget.filter((l) => l.category === 'study_tour');
const studyTours = plan.studyTours.map((t, i) => ({
  id: t.id,
  planTour: t.id,
  destination: t.destination,
  start: t.start,
  end: t.end,
  members: t.members,
  // The third delegation spent 340 million: study tours together go over their 10% cap (KH.II.5.2.c).
  spending: [{ line: (tourLines[i] ?? tourLines[0])?.id as string, amount: i === 2 ? '340000000' : amount(250, 260) }],
}));
const province: ResultsInput = { id: 'BDT-2020', district: null, districtName: 'Ban Dân tộc tỉnh Lạng Sơn', sentOn: '2020-11-27', note: NOTE, classes: provinceClasses, studyTours };

// --- Districts ----------------------------------------------------------------------------------
const districts = [...new Set(plan.classes.filter((c) => c.track === 'district_cadre' || c.track === 'commune_community').map((c) => c.district as string))].sort();
const MISSING = districts[districts.length - 1] as string;
const LATE = districts[3] as string;
const reports = new Map<string, ResultsInput>();
for (const code of districts) {
  if (code === MISSING) continue;
  const mine = plan.classes.filter((c) => c.district === code && (c.track === 'district_cadre' || c.track === 'commune_community'));
  const classes: HeldClassInput[] = mine.map((c) => ({
    id: c.id,
    planClass: c.id,
    track: c.track,
    district: code,
    ...(c.commune ? { commune: c.commune } : {}),
    place: c.commune ? `Hội trường UBND ${communeName(c.commune)}` : `Hội trường UBND ${districtName(code)}`,
    start: c.start,
    end: c.end,
    days: c.days,
    trainees: attended(c.trainees),
    spending: [
      { line: c.track === 'district_cadre' ? lineFor('district_cadre') : lineFor('commune_community', districtName(code)), amount: c.track === 'district_cadre' ? amount(40, 42) : amount(22, 25) },
    ],
  }));
  reports.set(code, {
    id: `BC-${code}-2020`,
    district: code,
    districtName: districtName(code),
    sentOn: code === LATE ? '2020-12-04' : `2020-11-${String(int(10, 30)).padStart(2, '0')}`,
    note: NOTE,
    classes,
    studyTours: [],
  });
}

// --- The few things wrong, on purpose -----------------------------------------------------------
const [first, second, third] = [...reports.values()] as [ResultsInput, ResultsInput, ResultsInput];
const communeClasses = (r: ResultsInput) => r.classes.filter((c) => c.track === 'commune_community');
// 1. A commune class held for 1.5 days where the plan says 2.
const short = communeClasses(first)[0] as HeldClassInput;
short.days = '1.5';
// 2. A planned commune class that was not held (the district drops it from its report).
const dropped = communeClasses(second)[1] as HeldClassInput;
second.classes = second.classes.filter((c) => c !== dropped);
// 3. An ineligible attendee: someone put forward with no Program 135 role, in a commune class.
const intruder = people.find((p) => !inPlan.has(p.id) && p.role === 'other' && p.district.code === third.district) ?? people.find((p) => !inPlan.has(p.id) && p.role === 'other');
(communeClasses(third)[0] as HeldClassInput).trainees.push(intruder?.id as string);
// 4. A person reported by two districts: a trainee of the first district also in the second's district class.
const twice = (communeClasses(first)[1] as HeldClassInput).trainees[0] as string;
(second.classes.find((c) => c.track === 'district_cadre') as HeldClassInput).trainees.push(twice);
// 5. An unplanned class: a district adds a commune class of people put forward but not in the plan.
const book = createRulebook(bundledPack('lang-son-2020') as NonNullable<ReturnType<typeof bundledPack>>);
const eligibleForCommuneClass = (p: CandidateInput) => decideSync(book, CandidateSchema.parse(p)).eligibleTracks.includes('commune_community');
const extra = people.filter((p) => !inPlan.has(p.id) && p.district.code === first.district && eligibleForCommuneClass(p)).slice(0, 25);
if (extra.length) {
  const c = extra[0] as CandidateInput;
  first.classes.push({
    id: `X-${c.commune.code}-THEM`,
    planClass: null,
    track: 'commune_community',
    district: first.district as string,
    commune: c.commune.code,
    place: `Nhà văn hóa ${c.commune.name ?? c.commune.code}`,
    start: '2020-10-20',
    end: '2020-10-21',
    days: '2',
    trainees: extra.map((p) => p.id),
    spending: [{ line: lineFor('commune_community', districtName(first.district as string)), amount: amount(15, 18) }],
  });
}

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (f.endsWith('.json')) rmSync(join(OUT, f));
const write = (name: string, value: unknown) => writeFileSync(join(OUT, name), `${JSON.stringify(value, null, 1)}\n`);
write('province.json', province);
for (const [code, r] of reports) write(`district-${code}.json`, r);
console.log(
  `seed ${SEED}: ${reports.size} district reports + Ban Dân tộc's own → ${OUT}; missing ${MISSING}, late ${LATE}, shorter ${short.id}, not held ${dropped.id}, ineligible ${intruder?.id} in ${communeClasses(third)[0]?.id}, reported twice ${twice} (${first.district}, ${second.district}), study tours over the cap`,
);
