import status from '@examples/p135-status.illustrative.json';
import units from '@examples/units.json';

/**
 * Lạng Sơn's districts and communes with their official codes (General Statistics Office list,
 * mid-2020), from the repository's examples/lang-son-2020/units.json, and the ILLUSTRATIVE
 * Program 135 status the example gives each commune (p135-status.illustrative.json).
 */
export interface Commune {
  readonly code: string;
  readonly name: string;
  readonly type: string;
}

export interface District {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly communes: readonly Commune[];
}

export interface ListStatus {
  readonly listed: boolean;
  readonly struckOff: boolean;
}

export const PROVINCE: { readonly code: string; readonly name: string } = units.province;
export const DISTRICTS: readonly District[] = units.districts;
export const UNITS_SOURCE: string = units.source;
export const ILLUSTRATIVE_NOTE: { readonly vi: string; readonly en: string } = status.note;

const districtByCode = new Map(DISTRICTS.map((d) => [d.code, d] as const));
const communeByCode = new Map(DISTRICTS.flatMap((d) => d.communes.map((c) => [c.code, { commune: c, district: d }] as const)));
const statusByCode = new Map(status.communes.map((c) => [c.code, { listed: c.listed, struckOff: c.struckOff }] as const));

export const districtOf = (code: string): District | undefined => districtByCode.get(code);
export const communeOf = (code: string): Commune | undefined => communeByCode.get(code)?.commune;
/** The district a commune belongs to. */
export const districtOfCommune = (code: string): District | undefined => communeByCode.get(code)?.district;

/** The example's ILLUSTRATIVE Program 135 status of a commune; not listed when the example says nothing. */
export function illustrativeStatus(communeCode: string): ListStatus {
  return statusByCode.get(communeCode) ?? { listed: false, struckOff: false };
}

/** A place's name for people: the official name when the code is known, else what the file says, else the code. */
export function placeName(code: string | undefined, given?: string): string {
  if (!code) return given ?? '';
  return districtByCode.get(code)?.name ?? communeByCode.get(code)?.commune.name ?? given ?? code;
}
