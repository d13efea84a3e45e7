/**
 * Looking places up by code, as reports and plan findings do, and reading a places file as a
 * province copies it: every lookup, every fallback of a name, and every refusal of the file.
 */
import { describe, expect, it } from 'vitest';
import { type Pack, parsePlaces, placesOf } from '../src/index.js';
import { pack } from './helpers.js';

const places = {
  source: 'ví dụ / example',
  districts: [
    { code: '040', name: 'Thành phố Cao Bằng', communes: [{ code: '01269', name: 'Phường Sông Hiến' }] },
    { code: '042', name: 'Huyện Bảo Lâm', communes: [{ code: '01290', name: 'Thị trấn Pác Miầu' }] },
  ],
};
const withPlaces = (p?: unknown): Pick<Pack, 'meta' | 'places'> => ({ meta: pack.meta, places: p as Pack['places'] });

describe('a pack’s places, by code', () => {
  const index = placesOf(withPlaces(places));

  it('a district, a commune, and the district a commune belongs to', () => {
    expect(index.district('042')?.name).toBe('Huyện Bảo Lâm');
    expect(index.commune('01290')?.name).toBe('Thị trấn Pác Miầu');
    expect(index.districtOfCommune('01290')?.code).toBe('042');
    expect(index.districtOfCommune('01269')?.code).toBe('040');
  });

  it('a code it does not have finds nothing, whichever kind is asked for', () => {
    expect(index.district('01290')).toBeUndefined();
    expect(index.commune('042')).toBeUndefined();
    expect(index.districtOfCommune('99999')).toBeUndefined();
    expect(index.district('constructor')).toBeUndefined();
  });

  it('a name: the official one, else the one given, else the code; no code: the one given, else nothing', () => {
    expect(index.name('040', 'TP')).toBe('Thành phố Cao Bằng');
    expect(index.name('01269', 'Sông Hiến')).toBe('Phường Sông Hiến');
    expect(index.name('99999', 'Xã Mới')).toBe('Xã Mới');
    expect(index.name('99999')).toBe('99999');
    expect(index.name(undefined, 'Xã Mới')).toBe('Xã Mới');
    expect(index.name(undefined)).toBe('');
    expect(index.name('', 'Xã Mới')).toBe('Xã Mới');
  });

  it('the province, the source and the districts in the pack’s order', () => {
    expect(index.province).toEqual({ code: pack.meta.province.code, name: pack.meta.province.name });
    expect(index.source).toBe('ví dụ / example');
    expect(index.statusNote).toBeUndefined();
    expect(index.districts.map((d) => d.code)).toEqual(['040', '042']);
  });

  it('a pack without places knows no code and has no source', () => {
    const none = placesOf(withPlaces(undefined));
    expect(none.source).toBe('');
    expect(none.districts).toEqual([]);
    expect(none.district('040')).toBeUndefined();
    expect(none.districtOfCommune('01269')).toBeUndefined();
    expect(none.name('040')).toBe('040');
  });
});

describe('a places file', () => {
  it('as a value or as JSON text: the same places, its documentation keys left out, the caller’s value untouched', () => {
    const given = { ...places, copiedFrom: 'https://example.vn', note: 'bản sao' };
    const r = parsePlaces(given);
    expect(r).toEqual({ value: places, errors: [], warnings: [] });
    expect(given.note).toBe('bản sao');
    expect(parsePlaces(JSON.stringify(given))).toEqual(r);
  });

  it('a value with a forbidden key is refused before the schema, at its path', () => {
    const hostile = JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(places).slice(1)}`);
    expect(parsePlaces(hostile)).toEqual({ value: undefined, errors: [expect.objectContaining({ code: 'json.forbidden_key', path: '$.__proto__' })], warnings: [] });
  });

  it('text that is not JSON is refused with its line; nothing kept', () => {
    const r = parsePlaces('{\n"source": }');
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => e.code)).toEqual(['json.malformed']);
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ['a list', [places]],
    ['text', 'places'],
    ['nothing', null],
  ])('%s, not an object, is refused at the root', (_, input) => {
    const r = parsePlaces(typeof input === 'string' ? JSON.stringify(input) : input);
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([['$', 'schema.invalid_type']]);
    expect(r.warnings).toEqual([]);
  });

  it('a code twice is refused after the schema; nothing kept', () => {
    const twice = { ...places, districts: [places.districts[0], { ...places.districts[1], code: '040' }] };
    const r = parsePlaces(twice);
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => e.path)).toEqual(['$.districts[1].code']);
    expect(r.warnings).toEqual([]);
  });
});
