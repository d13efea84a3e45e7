import type { Pack } from './schemas/pack.js';
import { placeCodeProblems } from './pack/checks/places.js';
import { inspectJson, PACK_LIMITS, parseJsonText } from './pack/safe-json.js';
import { type Checked, zodProblems } from './problems.js';
import { type PlaceCommune, type PlaceDistrict, type Places, PlacesSchema } from './schemas/places.js';

/** A pack's places, looked up by code (Maps built once per call of `placesOf`). */
export interface PlaceIndex {
  /** The pack's province (code and name). */
  readonly province: { readonly code: string; readonly name: string };
  /** Where the codes and names come from; empty when the pack has no places. */
  readonly source: string;
  readonly statusNote: Places['statusNote'];
  /** The districts in the pack's order, each with its communes. */
  readonly districts: readonly PlaceDistrict[];
  district(code: string): PlaceDistrict | undefined;
  commune(code: string): PlaceCommune | undefined;
  /** The district a commune belongs to. */
  districtOfCommune(code: string): PlaceDistrict | undefined;
  /** The official name of a district or commune code; else `given`; else the code. */
  name(code: string | undefined, given?: string): string;
}

/**
 * The districts and communes of a pack's province (its `places`, inherited through `extends`),
 * with lookups by code. A pack without places gives an index that knows no code.
 */
export function placesOf(pack: Pick<Pack, 'meta' | 'places'>): PlaceIndex {
  const districts = pack.places?.districts ?? [];
  const districtByCode = new Map(districts.map((d) => [d.code, d] as const));
  const communeByCode = new Map(districts.flatMap((d) => d.communes.map((c) => [c.code, { commune: c, district: d }] as const)));
  return {
    province: { code: pack.meta.province.code, name: pack.meta.province.name },
    source: pack.places?.source ?? '',
    statusNote: pack.places?.statusNote,
    districts,
    district: (code) => districtByCode.get(code),
    commune: (code) => communeByCode.get(code)?.commune,
    districtOfCommune: (code) => communeByCode.get(code)?.district,
    name(code, given) {
      if (!code) return given ?? '';
      return districtByCode.get(code)?.name ?? communeByCode.get(code)?.commune.name ?? given ?? code;
    },
  };
}

/** Keys a places file may carry for its readers (where it was copied from, a note), not read. */
const DOCUMENTATION_KEYS = ['copiedFrom', 'note'] as const;

/**
 * Reads a places file (JSON text or a parsed value: `{ province?, source, statusNote?, districts }`,
 * the shape of `examples/lang-son-2020/units.json`): every problem with its JSON path, Vietnamese
 * first; nothing throws. `copiedFrom` and `note` are left out; any other unknown key is refused.
 */
export function parsePlaces(input: unknown): Checked<Places> {
  let raw: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input, PACK_LIMITS);
    if (parsed.errors.length) return { value: undefined, errors: parsed.errors, warnings: [] };
    raw = parsed.value;
  } else {
    const unsafe = inspectJson(input, PACK_LIMITS);
    if (unsafe.length) return { value: undefined, errors: unsafe, warnings: [] };
  }
  const body = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : raw;
  if (typeof body === 'object' && body !== null) for (const k of DOCUMENTATION_KEYS) delete (body as Record<string, unknown>)[k];
  const r = PlacesSchema.safeParse(body);
  if (!r.success) return { value: undefined, errors: zodProblems(r.error, [], '$', body), warnings: [] };
  const errors = placeCodeProblems(r.data, []);
  return { value: errors.length ? undefined : r.data, errors, warnings: [] };
}
