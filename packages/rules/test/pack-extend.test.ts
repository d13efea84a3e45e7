/**
 * What an extension does to its base, field by field, as a province adapting Lạng Sơn's pack
 * relies on: sources that replace each other, lists that gain codes once, disabled rules that
 * add up along a chain, rates removed, places and words of its own, and problems reported where
 * the province wrote them.
 */
import { describe, expect, it } from 'vitest';
import { bundledPack, type Pack, parsePack } from '../src/index.js';
import { applyExtension } from '../src/pack/extend.js';
import { PackExtensionSchema } from '../src/schemas/pack-extension.js';
import { extensionPack as extension } from './helpers.js';

const base = bundledPack('lang-son-2020') as Pack;

/** The merge alone, before the merged pack is validated. */
const merged = (edit: (e: Record<string, unknown>) => void, on: Pack = base) => applyExtension(on, PackExtensionSchema.parse(extension(edit)));

describe('parameters', () => {
  it('an override that cites a clause drops the assumption the base gave', () => {
    const id = 'priority.young_max_age';
    expect(base.parameters[id]?.assumption).toBeDefined();
    const m = merged((e) => (e.parameters = { override: { [id]: { value: '30', clause: 'KH.II.2.2.b' } } }));
    expect(m.errors).toEqual([]);
    const p = m.pack.parameters as Record<string, Record<string, unknown>>;
    expect(p[id]).toMatchObject({ value: '30', clause: 'KH.II.2.2.b', unit: base.parameters[id]?.unit });
    expect(p[id]).not.toHaveProperty('assumption');
  });

  it('a list gains the codes it lacks; one it has already is not added again', () => {
    const list = base.parameters['roles.commune_community']?.value as string[];
    const m = merged((e) => (e.appendToLists = { 'roles.commune_community': [list[0], 'village_head'] }));
    expect((m.pack.parameters as Record<string, { value: string[] }>)['roles.commune_community']?.value).toEqual([...list, 'village_head']);
  });
});

describe('rules disabled along a chain of extensions', () => {
  const first = parsePack(
    extension((e) => (e.rules = { disable: ['priority.woman'] }), 'lang-son-2020', 'tinh-mot-2021'),
    { resolveBase: (id) => bundledPack(id) },
  );
  const resolveBase = (id: string) => (id === 'tinh-mot-2021' ? first.value : bundledPack(id));

  it('keeps the rules its base disabled, and adds its own', () => {
    expect(first.errors).toEqual([]);
    const r = parsePack(
      extension((e) => (e.rules = { disable: ['priority.young_cadre'] }), 'tinh-mot-2021'),
      { resolveBase },
    );
    expect(r.errors).toEqual([]);
    expect(r.value?.disabled?.map((d) => d.id)).toEqual(['priority.woman', 'priority.young_cadre']);
    expect(r.value?.rules.some((x) => x.id === 'priority.woman' || x.id === 'priority.young_cadre')).toBe(false);
  });

  it('reports a mistake in its own disable list at its path there, after the base’s', () => {
    const r = parsePack(
      extension((e) => (e.rules = { disable: ['priority.small_ethnic_minority', { id: 'priority.young_cadre', clause: 'KH.NO.SUCH' }] }), 'tinh-mot-2021'),
      { resolveBase },
    );
    expect(r.errors.length).toBeGreaterThan(0);
    for (const p of r.errors) {
      expect(p.path).toMatch(/^\$\.rules\.disable\[1\]/);
      expect(p.message.en).not.toContain('(in the pack as extended)');
    }
  });
});

describe('rates, places and words', () => {
  it('removes the rates it names, and only those', () => {
    const m = merged((e) => (e.rates = { remove: ['rate.travel_allowance'] }));
    expect((m.pack.rates as { id: string }[]).map((r) => r.id)).toEqual(base.rates.map((r) => r.id).filter((id) => id !== 'rate.travel_allowance'));
  });

  it('brings its own districts and communes in place of the base’s', () => {
    const places = { source: 'Danh mục của tỉnh thử', districts: [{ code: '999', name: 'Huyện Thử', communes: [{ code: '99999', name: 'Xã Thử' }] }] };
    const m = merged((e) => (e.places = places));
    expect(m.pack.places).toEqual(places);
    expect(merged(() => {}).pack.places).toEqual(base.places);
  });

  it('appends its words to the base’s, list by list, and its blank-yes/no reading replaces the base’s', () => {
    const header = { value: 'id', words: ['Số hiệu'], assumption: { vi: 'Cách ghi của tỉnh thử', en: 'The test province’s heading' } };
    const blankYesNo = { value: 'yes', assumption: { vi: 'Ô trống là Có', en: 'A blank is yes' } };
    const m = merged((e) => (e.vocabulary = { headers: [header], blankYesNo }));
    const words = m.pack.vocabulary as Record<string, unknown>;
    expect(words.headers).toEqual([...(base.vocabulary?.headers ?? []), header]);
    expect(words.roles).toEqual(base.vocabulary?.roles);
    expect(words.blankYesNo).toEqual(blankYesNo);
    expect((merged(() => {}).pack.vocabulary as Record<string, unknown>).blankYesNo).toEqual(base.vocabulary?.blankYesNo);
  });
});

describe('what an extension is told, at the place it wrote', () => {
  const resolveBase = (id: string) => bundledPack(id);
  const told = (edit: (e: Record<string, unknown>) => void) => {
    const r = parsePack(extension(edit), { resolveBase });
    return [...r.errors, ...r.warnings].map((p) => ({ code: p.code, path: p.path, vi: p.message.vi, en: p.message.en }));
  };
  const notInBase = (path: string, vi: string, en: string, hint: 'add' | 'none' = 'add') => ({
    code: 'pack.override_unknown',
    path,
    vi: `${vi} không có trong bộ quy tắc gốc "lang-son-2020"${hint === 'add' ? ': dùng "add" để thêm mục mới' : ': kiểm tra chính tả của mã'}`,
    en: `${en} does not exist in the base pack "lang-son-2020"${hint === 'add' ? ': use "add" for something new' : ": check the id's spelling"}`,
  });

  it('a change to something the base lacks names what it is, and says to add it instead', () => {
    expect(told((e) => (e.parameters = { override: { 'khong.co': { value: 1 } } }))).toEqual([notInBase('$.parameters.override["khong.co"]', 'Tham số "khong.co"', 'parameter "khong.co"')]);
    const track = structuredClone(base.tracks[0]);
    expect(told((e) => (e.tracks = { replace: [{ ...track, code: 'lop_thon' }] }))).toEqual([notInBase('$.tracks.replace[0].code', 'Loại lớp "lop_thon"', 'track "lop_thon"')]);
    const role = structuredClone(base.roles[0]);
    expect(told((e) => (e.roles = { replace: [{ ...role, code: 'truong_thon' }] }))).toEqual([notInBase('$.roles.replace[0].code', 'Chức vụ "truong_thon"', 'role "truong_thon"')]);
    const clause = structuredClone(base.clauses[0]);
    expect(told((e) => (e.clauses = { replace: [{ ...clause, id: 'KH.IX' }] }))).toEqual([notInBase('$.clauses.replace[0].id', 'Điều khoản "KH.IX"', 'clause "KH.IX"')]);
    const rate = structuredClone(base.rates[0]);
    expect(told((e) => (e.rates = { replace: [{ ...rate, id: 'rate.khong_co' }] }))).toEqual([notInBase('$.rates.replace[0].id', 'Định mức "rate.khong_co"', 'rate "rate.khong_co"')]);
  });

  it('disabling, or adding to the list of, something the base lacks says to check the spelling', () => {
    expect(told((e) => (e.rules = { disable: ['priority.phu_nu'] }))).toEqual([notInBase('$.rules.disable[0]', 'Quy tắc "priority.phu_nu"', 'rule "priority.phu_nu"', 'none')]);
    expect(told((e) => (e.appendToLists = { 'roles.khong_co': ['citizen'] }))).toEqual([
      notInBase('$.appendToLists["roles.khong_co"]', 'Tham số "roles.khong_co"', 'parameter "roles.khong_co"', 'none'),
    ]);
  });

  it('adding to a parameter that is not a list is refused', () => {
    expect(told((e) => (e.appendToLists = { 'plan.year': ['citizen'] }))).toEqual([
      { code: 'pack.not_a_list', path: '$.appendToLists["plan.year"]', vi: 'Tham số "plan.year" không phải danh sách', en: 'parameter "plan.year" is not a list' },
    ]);
  });

  it('adding what the base has says to replace it instead', () => {
    expect(told((e) => (e.parameters = { add: { 'plan.year': structuredClone(base.parameters['plan.year']) } }))).toEqual([
      {
        code: 'pack.duplicate_id',
        path: '$.parameters.add["plan.year"]',
        vi: 'Tham số "plan.year" đã có trong bộ quy tắc gốc "lang-son-2020": dùng "replace" để thay đổi nó',
        en: 'parameter "plan.year" already exists in the base pack "lang-son-2020": use "replace" to change it',
      },
    ]);
  });

  it('the same id twice in its own replace list points at the first', () => {
    const rule = structuredClone(base.rules[13]);
    expect(told((e) => (e.rules = { replace: [rule, rule] }))).toEqual([
      {
        code: 'pack.duplicate_id',
        path: '$.rules.replace[1].id',
        vi: 'Quy tắc "priority.woman" có hai lần trong chính danh sách "replace" này (lần đầu ở $.rules.replace[0]): hãy xóa một lần',
        en: 'rule "priority.woman" is twice in this "replace" list itself (first at $.rules.replace[0]): remove one',
      },
    ]);
  });

  it('a base of another version names both versions', () => {
    expect(told((e) => (e.extends = { pack: 'lang-son-2020', version: '9.9.9' }))).toEqual([
      {
        code: 'pack.base_version',
        path: '$.extends.version',
        vi: `Bộ quy tắc gốc "lang-son-2020" có phiên bản ${base.version}, không phải 9.9.9`,
        en: `the base pack "lang-son-2020" is version ${base.version}, not 9.9.9`,
      },
    ]);
  });

  it('a parameter it adds and nothing uses is warned of at its place in "add"', () => {
    const p = { label: { vi: 'Số lớp thử', en: 'Test classes' }, value: 2, unit: 'class', assumption: { vi: 'thử', en: 'test' } };
    const r = parsePack(
      extension((e) => (e.parameters = { add: { 'thu.so_lop': p } })),
      { resolveBase },
    );
    expect(r.errors).toEqual([]);
    expect(r.value?.parameters['thu.so_lop']).toEqual(p);
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([['pack.unused_parameter', '$.parameters.add["thu.so_lop"]']]);
  });

  it('a mistake in its metadata is reported there, not as "in the pack as extended"', () => {
    expect(told((e) => (e.meta = { clause: 'KH.IX' }))).toEqual([expect.objectContaining({ code: 'pack.unknown_clause', path: '$.meta.clause', en: expect.not.stringContaining('as extended') })]);
  });

  it('a rule it adds after disabling another keeps its place in "add"', () => {
    const rule = { ...structuredClone(base.rules[13]), id: 'priority.thu', clause: 'KH.IX' };
    const got = told((e) => (e.rules = { disable: ['priority.woman'], add: [rule] }));
    expect(got.map((p) => [p.code, p.path])).toEqual([['pack.unknown_clause', '$.rules.add[0].clause']]);
  });

  it('a change to a message replaces the base’s words; no disabled list appears when nothing is disabled', () => {
    const words = { vi: 'Xếp theo điểm ưu tiên', en: 'By priority points' };
    const r = parsePack(
      extension((e) => (e.messages = { 'rank.tie_break': words })),
      { resolveBase },
    );
    expect(r.errors).toEqual([]);
    expect(r.value?.messages['rank.tie_break']).toEqual(words);
    expect(r.value?.messages['rank.admitted']).toEqual(base.messages['rank.admitted']);
    expect(r.value).not.toHaveProperty('disabled');
  });

  it('an override of a value alone keeps the base’s source, clause or assumption', () => {
    const r = parsePack(
      extension((e) => (e.parameters = { override: { 'province_cadre.days': { value: '4' }, 'priority.young_max_age': { value: 35 } } })),
      { resolveBase },
    );
    expect(r.errors).toEqual([]);
    expect(r.value?.parameters['province_cadre.days']).toEqual({ ...base.parameters['province_cadre.days'], value: '4' });
    expect(r.value?.parameters['priority.young_max_age']).toEqual({ ...base.parameters['priority.young_max_age'], value: 35 });
  });
});
