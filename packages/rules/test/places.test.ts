/**
 * A pack's own places: its province's districts and communes (codes and names), inherited through
 * `extends`, replaced by an extension that names its own, checked path by path, and used for the
 * names in plan findings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPack, checkPlan, createRulebook, type Pack, parsePack, parsePlaces, placesOf, scaffoldPack } from '../src/index.js';
import { person } from './helpers.js';

const resolveBase = (id: string) => bundledPack(id);
const langSon = bundledPack('lang-son-2020') as Pack;
const units = JSON.parse(readFileSync(new URL('../../../examples/lang-son-2020/units.json', import.meta.url), 'utf8')) as {
  districts: { code: string; name: string; communes: { code: string; name: string }[] }[];
};

const caoBangPlaces = {
  source: 'ví dụ / example',
  districts: [
    { code: '040', name: 'Thành phố Cao Bằng', communes: [{ code: '01269', name: 'Phường Sông Hiến' }] },
    { code: '042', name: 'Huyện Bảo Lâm', communes: [{ code: '01290', name: 'Thị trấn Pác Miầu', p135: { listed: true, struckOff: false } }] },
  ],
};
const ext = (extra: Record<string, unknown> = {}) => ({ format: 1, id: 'tinh-thu-2021', version: '0.1.0', extends: { pack: 'lang-son-2020' }, ...extra });

describe("a pack's places", () => {
  it("Lạng Sơn 2020 carries Lạng Sơn's 11 districts and 200 communes, the official codes and names of examples/lang-son-2020/units.json", () => {
    const places = placesOf(langSon);
    expect(places.province).toEqual({ code: '20', name: 'Tỉnh Lạng Sơn' });
    expect(places.districts.map((d) => [d.code, d.name, d.communes.map((c) => [c.code, c.name])])).toEqual(units.districts.map((d) => [d.code, d.name, d.communes.map((c) => [c.code, c.name])]));
    expect(places.name('05998')).toBe('Xã Khánh Long');
    expect(places.districtOfCommune('05998')?.code).toBe('180');
    expect(places.name('99999', 'Xã Lạ')).toBe('Xã Lạ');
    expect(places.name('99999')).toBe('99999');
  });

  it('an extension without places inherits its base’s; one with places has only its own', () => {
    expect(placesOf(bundledPack('example-2021') as Pack).districts).toHaveLength(11);
    const own = parsePack(ext({ places: caoBangPlaces }), { resolveBase });
    expect(own.errors).toEqual([]);
    const places = placesOf(own.value as Pack);
    expect(places.districts.map((d) => d.code)).toEqual(['040', '042']);
    expect(places.commune('05998')).toBeUndefined();
    expect(places.commune('01290')?.p135).toEqual({ listed: true, struckOff: false });
  });

  it('a code twice is refused at its JSON path, Vietnamese first, naming where it was first', () => {
    const places = structuredClone(caoBangPlaces);
    places.districts[1]!.communes.push({ code: '01269', name: 'Xã Trùng' } as never);
    places.districts.push({ code: '040', name: 'Huyện Trùng', communes: [{ code: '01300', name: 'Xã Một' }] });
    const r = parsePack(ext({ places }), { resolveBase });
    expect(r.value).toBeUndefined();
    expect(r.errors.map((p) => p.path)).toEqual(['$.places.districts[1].communes[1].code', '$.places.districts[2].code']);
    expect(r.errors[0]?.message.vi).toBe('Mã xã "01269" đã dùng ở $.places.districts[0].communes[0]: mỗi mã một lần');
  });

  it('a malformed code or a missing name is a problem at its path', () => {
    const places = structuredClone(caoBangPlaces) as Record<string, any>;
    places.districts[0].communes[0].code = '1269';
    delete places.districts[1].name;
    const r = parsePack(ext({ places }), { resolveBase });
    expect(r.errors.map((p) => p.path).sort()).toEqual(['$.places.districts[0].communes[0].code', '$.places.districts[1].name']);
    expect(r.errors.find((p) => p.path.endsWith('code'))?.message.vi).toBe('mã xã gồm 5 chữ số, ví dụ "05995"');
  });

  it("plan findings name places with the pack's names when the roster gives none", async () => {
    const pack = parsePack(ext({ places: caoBangPlaces }), { resolveBase }).value as Pack;
    const book = createRulebook(pack);
    const p = person({ id: 'CB-1', district: { code: '042' }, commune: { code: '01290', p135: { listed: true, struckOff: false } } });
    const report = await checkPlan(
      book,
      {
        id: 'cb',
        year: 2020,
        classes: [{ id: 'C1', track: 'commune_community', level: 'commune', district: '042', commune: '01290', start: '2020-08-01', end: '2020-08-03', days: '3', trainees: [p.id] }],
        studyTours: [],
        budget: [],
      } as never,
      { candidates: [p] },
    );
    const named = report.findings.filter((f) => f.where.commune === '01290');
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((f) => f.where.communeName === 'Thị trấn Pác Miầu')).toBe(true);
  });
});

describe('pack init for another province and year (scaffoldPack)', () => {
  const base = langSon;
  const placesFile = readFileSync(new URL('../../../examples/cao-bang-2021/places.json', import.meta.url), 'utf8');
  const made = async () => {
    const places = parsePlaces(placesFile);
    expect(places.errors).toEqual([]);
    const { pack } = await scaffoldPack({ id: 'cao-bang-2021', base, year: 2021, province: { code: '04', name: 'Tỉnh Cao Bằng' }, places: places.value });
    return { ext: pack, r: parsePack(pack, { resolveBase }) };
  };

  it("sets the pack's province, title and year, and carries the province's places from the places file", async () => {
    const { r } = await made();
    expect(r.errors).toEqual([]);
    const pack = r.value as Pack;
    expect(pack.meta).toMatchObject({ year: 2021, province: { code: '04', name: 'Tỉnh Cao Bằng' } });
    expect(pack.meta.title.vi).toContain('năm 2021 — Tỉnh Cao Bằng');
    expect(placesOf(pack).districts.map((d) => d.code)).toEqual(['040', '042', '047', '053']);
    expect(placesOf(pack).province).toEqual({ code: '04', name: 'Tỉnh Cao Bằng' });
    expect(r.warnings.filter((w) => w.code === 'pack.places_other_province')).toEqual([]);
  });

  it('moves every date parameter and every class window into the new year: no date of 2020 is left', async () => {
    const pack = (await made()).r.value as Pack;
    const dates = Object.entries(pack.parameters).flatMap(([id, p]) => [...(p.unit === 'date' ? [[id, String(p.value)]] : []), ...(p.values ?? []).map((v) => [id, v.from])]);
    expect(dates.length).toBeGreaterThanOrEqual(9);
    expect(dates.filter(([, d]) => !d?.startsWith('2021-'))).toEqual([]);
    const windows = Object.keys(base.parameters).filter((id) => id.includes('window'));
    expect(windows.length).toBeGreaterThan(0);
    for (const id of windows) expect(String(pack.parameters[id]?.value), id).toMatch(/^2021-/);
  });

  it('marks each inherited clause "kế thừa từ …, hãy thay bằng văn bản của kế hoạch của tỉnh"', async () => {
    const pack = (await made()).r.value as Pack;
    expect(pack.clauses).toHaveLength(base.clauses.length);
    for (const c of pack.clauses) expect(c.text.vi).toMatch(/^\[Kế thừa từ lang-son-2020, hãy thay bằng văn bản của kế hoạch của tỉnh\] /);
  });

  it('validation warns at each inherited clause that still states the year it changed, and stops once the text is replaced', async () => {
    const { ext, r } = await made();
    const stale = r.warnings.filter((w) => w.code === 'pack.inherited_text_stale');
    const i = base.clauses.findIndex((c) => c.id === 'KH.II.2.2.b');
    expect(stale.map((w) => w.path)).toContain(`$.clauses.replace[${i}].text`);
    expect(stale.find((w) => w.path === `$.clauses.replace[${i}].text`)?.message.vi).toBe(
      'Điều khoản KH.II.2.2.b kế thừa còn nêu 2020, mà bộ quy tắc này đã thay đổi: hãy thay bằng văn bản của kế hoạch của tỉnh',
    );
    const edited = structuredClone(ext);
    const clause = edited.clauses?.replace?.[i];
    if (clause) clause.text = { vi: 'Lớp cộng đồng tại xã năm 2021: 02 ngày/lớp.', en: 'Commune community classes in 2021: 2 days each.' };
    const again = parsePack(edited, { resolveBase });
    expect(again.warnings.map((w) => w.path)).not.toContain(`$.clauses.replace[${i}].text`);
  });

  it('warns where an inherited text states a figure an override changed (the budget, as digits, grouped, in triệu or tỷ)', () => {
    const r = parsePack(ext({ parameters: { override: { 'budget.total': { value: '7000000000', assumption: { vi: 'ví dụ', en: 'example' } } } } }), { resolveBase });
    const stale = r.warnings.filter((w) => w.code === 'pack.inherited_text_stale');
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((w) => w.message.en.includes('budget.total = 8040000000'))).toBe(true);
    expect(stale.map((w) => w.path)).toContain(`$.clauses[${langSon.clauses.findIndex((c) => c.id === 'KH.II.5.1')}].text`);
  });

  it('a places file with a problem is refused path by path; its documentation keys are left out', () => {
    expect(parsePlaces(placesFile).value?.districts).toHaveLength(4);
    const bad = JSON.parse(placesFile);
    bad.districts[0].communes[0].code = 'x';
    bad.extra = 1;
    const r = parsePlaces(bad);
    expect(r.errors.map((p) => p.path).sort()).toEqual(['$', '$.districts[0].communes[0].code']);
    expect(parsePlaces('{"source": "x", "districts": [}').errors[0]?.message.vi).toMatch(/dòng 1/);
  });

  it('a pack made for another province that keeps its base’s places is warned', async () => {
    const { pack } = await scaffoldPack({ id: 'cao-bang-2021', base, year: 2021, province: { code: '04', name: 'Tỉnh Cao Bằng' } });
    const r = parsePack(pack, { resolveBase });
    expect(r.warnings.filter((w) => w.code === 'pack.places_other_province').map((w) => w.message.vi)).toEqual([
      'Danh sách huyện, xã là của Tỉnh Lạng Sơn (20), không phải của Tỉnh Cao Bằng (04): hãy thêm "places" của tỉnh (hoặc "p135 pack init … --places TỆP") (trong bộ quy tắc sau khi kế thừa)',
    ]);
  });
});
