import { type Problem, problem, jsonPath, type PathPart } from '../../problems.js';
import type { Places } from '../../schemas/places.js';
import type { Pack } from '../../schemas/pack.js';
import type { PackCheck } from './common.js';

/** Each district code and each commune code once; paths under `prefix` (`places` in a pack, none in a places file). */
export function placeCodeProblems(places: Places | undefined, prefix: readonly PathPart[]): Problem[] {
  const out: Problem[] = [];
  const districts = new Map<string, string>();
  const communes = new Map<string, string>();
  places?.districts.forEach((d, i) => {
    const here = jsonPath([...prefix, 'districts', i]);
    const first = districts.get(d.code);
    if (first !== undefined)
      out.push(problem(`${here}.code`, 'pack.duplicate_id', `Mã huyện "${d.code}" đã dùng ở ${first}: mỗi mã một lần`, `district code "${d.code}" is already used at ${first}: each code once`));
    else districts.set(d.code, here);
    d.communes.forEach((c, j) => {
      const at = jsonPath([...prefix, 'districts', i, 'communes', j]);
      const seen = communes.get(c.code);
      if (seen !== undefined)
        out.push(problem(`${at}.code`, 'pack.duplicate_id', `Mã xã "${c.code}" đã dùng ở ${seen}: mỗi mã một lần`, `commune code "${c.code}" is already used at ${seen}: each code once`));
      else communes.set(c.code, at);
    });
  });
  return out;
}

/** Each district code and each commune code of the pack's places once. */
export const placeCodesUnique: PackCheck = {
  name: 'placeCodesUnique',
  severity: 'error',
  run: (pack: Pack): Problem[] => placeCodeProblems(pack.places, ['places']),
};

/** The places are of the pack's own province (a pack made for another province still carrying its base's places is warned). */
export const placesOfPackProvince: PackCheck = {
  name: 'placesOfPackProvince',
  severity: 'warning',
  run(pack: Pack): Problem[] {
    const of = pack.places?.province;
    const mine = pack.meta.province;
    if (!of || of.code === mine.code) return [];
    return [
      problem(
        '$.places.province',
        'pack.places_other_province',
        `Danh sách huyện, xã là của ${of.name} (${of.code}), không phải của ${mine.name} (${mine.code}): hãy thêm "places" của tỉnh (hoặc "p135 pack init … --places TỆP")`,
        `the districts and communes are those of ${of.name} (${of.code}), not of ${mine.name} (${mine.code}): give the province's own "places" (or "p135 pack init … --places FILE")`,
      ),
    ];
  },
};
