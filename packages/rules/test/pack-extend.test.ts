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

const base = bundledPack('lang-son-2020') as Pack;

/** A minimal extension of `of` (Lạng Sơn 2020 unless given), edited by `edit`. */
function extension(edit: (e: Record<string, unknown>) => void = () => {}, of = 'lang-son-2020', id = 'tinh-thu-2021'): Record<string, unknown> {
  const e: Record<string, unknown> = { format: 1, id, version: '0.1.0', extends: { pack: of } };
  edit(e);
  return e;
}
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
      extension((e) => (e.rules = { disable: [{ id: 'priority.young_cadre', clause: 'KH.NO.SUCH' }] }), 'tinh-mot-2021'),
      { resolveBase },
    );
    expect(r.errors.length).toBeGreaterThan(0);
    for (const p of r.errors) {
      expect(p.path).toMatch(/^\$\.rules\.disable\[0\]/);
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
