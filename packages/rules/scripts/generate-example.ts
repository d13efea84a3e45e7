/**
 * Generates the Lạng Sơn 2020 example: which communes the example treats as Program 135 communes
 * (ILLUSTRATIVE: the real lists of Decisions 900/QĐ-TTg and 1747/QĐ-TTg are not in this repo),
 * a candidate roster, and a full plan (2 + 4 + 10 + 212 classes, 3 study tours, budget lines).
 * Seeded: the same seed writes the same files, byte for byte.
 *
 *   pnpm --filter @p135/rules generate-example [--seed N] [--out DIR]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPack } from '../src/index.js';
import type { CandidateInput, PlanInput } from '../src/index.js';
import { seeded } from './seeded.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const SEED = Number(opt('seed', '135'));
const OUT = resolve(opt('out', join(here, '../../../examples/lang-son-2020')));

const rand = seeded(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [x, w] of xs) if ((r -= w) < 0) return x;
  return (xs[xs.length - 1] as readonly [T, number])[0];
};
function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}

interface Unit {
  code: string;
  name: string;
  type: string;
}
interface District extends Unit {
  communes: Unit[];
}
const units = JSON.parse(readFileSync(join(OUT, 'units.json'), 'utf8')) as { districts: District[] };
const pack = bundledPack('lang-son-2020');
if (!pack) throw new Error('bundled pack lang-son-2020 is missing');
const roleList = (id: string) => pack.parameters[id]?.value as string[];
const CADRE = roleList('roles.commune_cadre');
const CIVIL = roleList('roles.commune_civil_servant');
const PROVINCE_COMMUNITY = roleList('roles.province_community');
const COMMUNE_COMMUNITY = roleList('roles.commune_community');

// --- Which communes the example treats as Program 135 communes (illustrative) ---------------
const CITY = '178';
const rural = units.districts.filter((d) => d.code !== CITY);
const xa = rural.flatMap((d) => d.communes.filter((c) => c.type === 'Xã').map((c) => ({ ...c, district: d.code })));
shuffle(xa);
const IN_AREA = 120;
const STRUCK = 15;
const VILLAGE_ONLY = 10;
const status = new Map<string, { listed: boolean; struckOff: boolean; villageListed?: string }>();
xa.forEach((c, i) => {
  if (i < IN_AREA) status.set(c.code, { listed: true, struckOff: false });
  else if (i < IN_AREA + STRUCK) status.set(c.code, { listed: true, struckOff: true });
  else if (i < IN_AREA + STRUCK + VILLAGE_ONLY) status.set(c.code, { listed: false, struckOff: false, villageListed: `Thôn Nà ${pick(['Pàn', 'Lầy', 'Kéo', 'Thang', 'Pò', 'Mò'])}` });
  else status.set(c.code, { listed: false, struckOff: false });
});
const allCommunes = units.districts.flatMap((d) => d.communes.map((c) => ({ ...c, district: d.code, districtName: d.name })));
const inArea = allCommunes.filter((c) => status.get(c.code)?.listed && !status.get(c.code)?.struckOff);
inArea.sort((a, b) => (a.code < b.code ? -1 : 1));

// --- People ---------------------------------------------------------------------------------
const FAMILY = ['Hoàng', 'Nông', 'Lường', 'Vi', 'Lăng', 'Hà', 'Lộc', 'Chu', 'Đinh', 'Nguyễn', 'Trần', 'Lê', 'Phùng', 'Triệu', 'Mã', 'Lý', 'Vy', 'Dương', 'Lương', 'Bế'];
const MIDDLE_F = ['Thị', 'Thị', 'Thu', 'Thanh', 'Ngọc', 'Hồng'];
const MIDDLE_M = ['Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Xuân'];
const GIVEN_F = ['Lan', 'Hoa', 'Mai', 'Hương', 'Thảo', 'Liên', 'Nhung', 'Hà', 'Vân', 'Yến', 'Duyên', 'Phượng', 'Hạnh', 'Loan'];
const GIVEN_M = ['Hùng', 'Dũng', 'Tuấn', 'Thắng', 'Cường', 'Hải', 'Long', 'Nam', 'Sơn', 'Bình', 'Quý', 'Toàn', 'Khánh', 'Tài'];
const ETHNIC: [string, number][] = [
  ['07', 43],
  ['02', 35],
  ['01', 16],
  ['09', 4],
  ['04', 1],
  ['08', 0.5],
  ['15', 0.5],
];

type Person = CandidateInput & { provinceTrainingYears: number[]; planYearClasses: never[] };
const people: Person[] = [];
let seq = 0;
function person(commune: (typeof allCommunes)[number], role: string, opts: { young?: boolean; prior?: number[] } = {}): Person {
  const gender = rand() < 0.45 ? 'female' : 'male';
  const name = `${pick(FAMILY)} ${pick(gender === 'female' ? MIDDLE_F : MIDDLE_M)} ${pick(gender === 'female' ? GIVEN_F : GIVEN_M)}`;
  const st = status.get(commune.code) ?? { listed: false, struckOff: false };
  seq++;
  const p: Person = {
    id: `LS-${String(seq).padStart(6, '0')}`,
    name,
    gender,
    birthYear: opts.young ? int(1986, 2000) : int(1962, 1998),
    ethnicity: weighted(ETHNIC),
    role,
    district: { code: commune.district, name: commune.districtName },
    commune: { code: commune.code, name: commune.name, p135: { listed: st.listed, struckOff: st.struckOff } },
    provinceTrainingYears: opts.prior ?? [],
    planYearClasses: [],
  };
  if (st.villageListed) p.village = { name: st.villageListed, p135: { listed: true, struckOff: false } };
  people.push(p);
  return p;
}

// --- Classes --------------------------------------------------------------------------------
type ClassInput = PlanInput['classes'][number];
const classes: ClassInput[] = [];
const dateIn = (fromMonth: number, toMonth: number, days: number) => {
  const month = int(fromMonth, toMonth);
  const lastDay = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  const startDay = int(1, lastDay - days);
  const iso = (d: number) => `2020-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { start: iso(startDay), end: iso(startDay + days - 1) };
};

// Province cadre classes: 2 × 100, 1–2 per Program 135 commune (80 communes send 2, 40 send 1).
const provinceCadre: string[] = [];
inArea.forEach((c, i) => {
  const n = i < 80 ? 2 : 1;
  const titles = shuffle([...CADRE]);
  for (let k = 0; k < n; k++) provinceCadre.push(person(c, titles[k] as string).id);
});
for (let k = 0; k < 2; k++) {
  classes.push({ id: `PC-${k + 1}`, track: 'province_cadre', district: CITY, ...dateIn(7, 10, 4), days: '3.5', trainees: provinceCadre.slice(k * 100, k * 100 + 100) });
}

// Province community classes: 4 × 125.
const provinceCommunity: string[] = [];
for (let k = 0; k < 500; k++) provinceCommunity.push(person(inArea[k % inArea.length] as (typeof inArea)[number], pick(PROVINCE_COMMUNITY), { young: rand() < 0.3 }).id);
for (let k = 0; k < 4; k++) {
  classes.push({ id: `PN-${k + 1}`, track: 'province_community', district: CITY, ...dateIn(7, 10, 4), days: '3.5', trainees: provinceCommunity.slice(k * 125, k * 125 + 125) });
}

// District cadre classes: 1 per rural district, 70 each, cadres and civil servants not trained at province.
for (const d of rural) {
  const communes = inArea.filter((c) => c.district === d.code);
  const trainees: string[] = [];
  for (let k = 0; k < 70; k++) {
    const c = communes[k % communes.length] as (typeof inArea)[number];
    trainees.push(person(c, rand() < 0.5 ? pick(CADRE) : pick(CIVIL)).id);
  }
  classes.push({ id: `H-${d.code}`, track: 'district_cadre', district: d.code, ...dateIn(7, 10, 4), days: '3.5', trainees });
}

// Commune community classes: 212 = 92 communes × 2 + 28 × 1, 70 each.
let communeClassNo = 0;
inArea.forEach((c, i) => {
  const n = i < 92 ? 2 : 1;
  for (let k = 0; k < n; k++) {
    const trainees: string[] = [];
    for (let j = 0; j < 70; j++) trainees.push(person(c, pick(COMMUNE_COMMUNITY), { young: rand() < 0.25 }).id);
    communeClassNo++;
    classes.push({ id: `X-${c.code}-${k + 1}`, track: 'commune_community', district: c.district, commune: c.code, ...dateIn(7, 10, 2), days: '2', trainees });
  }
});
if (communeClassNo !== 212) throw new Error(`expected 212 commune classes, made ${communeClassNo}`);

// Study tours: 3 delegations of 20 from this year's cadre classes and exemplary citizens.
const byId = new Map(people.map((p) => [p.id, p] as const));
const tourPool = classes
  .flatMap((c) => c.trainees)
  .filter((id) => {
    const role = byId.get(id)?.role as string;
    return CADRE.includes(role) || CIVIL.includes(role) || role === 'exemplary_citizen';
  });
shuffle(tourPool);
const DESTINATIONS = ['Tỉnh Cao Bằng', 'Tỉnh Bắc Kạn', 'Tỉnh Thái Nguyên'];
const studyTours = DESTINATIONS.map((destination, k) => ({
  id: `DOAN-${k + 1}`,
  destination,
  ...dateIn(8, 11, 5),
  members: tourPool.slice(k * 20, k * 20 + 20),
}));

// People put forward but not in any class: some eligible, many not (for the decisions to show).
const outside = allCommunes.filter((c) => !(status.get(c.code)?.listed && !status.get(c.code)?.struckOff));
for (let k = 0; k < 120; k++) person(pick(inArea), pick([...CADRE, ...CIVIL]), { prior: [pick([2017, 2018, 2019])] });
for (let k = 0; k < 120; k++) person(pick(outside), pick([...CADRE, ...COMMUNE_COMMUNITY]));
for (let k = 0; k < 60; k++) person(pick(inArea), 'other');
for (let k = 0; k < 60; k++) person(pick(inArea), pick(PROVINCE_COMMUNITY), { young: true });

// --- Budget (example figures: the plan gives only the total and the study-tour cap) ----------
const budget = [
  { id: 'NS-01', category: 'province_cadre', label: 'Lớp cán bộ cơ sở tại tỉnh (2 lớp)', amount: '180000000' },
  { id: 'NS-02', category: 'province_community', label: 'Lớp cộng đồng tại tỉnh (4 lớp)', amount: '1150000000' },
  { id: 'NS-03', category: 'district_cadre', label: 'Lớp cán bộ cơ sở tại huyện (10 lớp)', amount: '420000000' },
  ...rural.map((d, i) => {
    const n = classes.filter((c) => c.track === 'commune_community' && c.district === d.code).length;
    return { id: `NS-${String(4 + i).padStart(2, '0')}`, category: 'commune_community', label: `Lớp cộng đồng tại xã, ${d.name} (${n} lớp)`, amount: String(n * 25_000_000) };
  }),
  ...studyTours.map((t, i) => ({ id: `NS-${14 + i}`, category: 'study_tour', label: `Đoàn tham quan học tập ${t.destination}`, amount: '260000000' })),
  { id: 'NS-17', category: 'management', label: 'Quản lý, kiểm tra, giám sát, tổng hợp báo cáo', amount: '150000000' },
];

const ILLUSTRATIVE = {
  vi: 'Dữ liệu minh họa do máy sinh (seed cố định): tên người là giả; xã nào thuộc danh sách Chương trình 135 là giả định minh họa, không phải danh sách của Quyết định 900/QĐ-TTg, 1747/QĐ-TTg, 414/QĐ-UBDT hay 958/QĐ-UBDT; số tiền từng dòng dự toán là ví dụ.',
  en: 'Generated illustrative data (fixed seed): the people are invented; which communes are on the Program 135 lists is ILLUSTRATIVE, not the lists of Decisions 900/QĐ-TTg, 1747/QĐ-TTg, 414/QĐ-UBDT or 958/QĐ-UBDT; budget line amounts are examples.',
};

const plan = {
  id: 'lang-son-2020-example',
  title: 'Kế hoạch chi tiết năm 2020 (ví dụ minh họa)',
  year: 2020,
  note: ILLUSTRATIVE.en,
  classes,
  studyTours,
  budget,
};

mkdirSync(OUT, { recursive: true });
const write = (name: string, value: unknown) => writeFileSync(join(OUT, name), `${JSON.stringify(value, null, 1)}\n`);
write('p135-status.illustrative.json', {
  note: ILLUSTRATIVE,
  seed: SEED,
  communes: [...status.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, s]) => ({ code, listed: s.listed, struckOff: s.struckOff, ...(s.villageListed ? { listedVillage: s.villageListed } : {}) })),
});
writeFileSync(join(OUT, 'candidates.json'), `[\n${people.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`);
write('plan.json', plan);
console.log(`seed ${SEED}: ${people.length} candidates, ${classes.length} classes, ${studyTours.length} study tours, ${budget.length} budget lines → ${OUT}`);
