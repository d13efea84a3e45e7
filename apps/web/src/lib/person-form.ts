import { CLASS_LEVELS, type CandidateInput, ETHNIC_GROUPS, type PlaceIndex, type Problem, type Rulebook } from '@p135/rules';
import { illustrativeStatus } from './units';

export type ClassLevel = (typeof CLASS_LEVELS)[number];

/** What the person-check form holds: text inputs as typed, the rest as chosen. */
export interface PersonForm {
  readonly role: string;
  readonly district: string;
  readonly commune: string;
  readonly communeListed: boolean;
  readonly communeStruckOff: boolean;
  readonly village: string;
  readonly villageListed: boolean;
  readonly villageStruckOff: boolean;
  readonly gender: 'female' | 'male';
  readonly birthYear: string;
  readonly ethnicity: string;
  readonly provinceTrainingYears: readonly number[];
  readonly planYearClasses: readonly ClassLevel[];
}

/** A commune's Program 135 standing: the pack's places say it when they know it, else the Lạng Sơn example's illustrative status. */
function statusOf(places: PlaceIndex, communeCode: string): { listed: boolean; struckOff: boolean } {
  return places.commune(communeCode)?.p135 ?? illustrativeStatus(communeCode);
}

/** A commune's form fields, with its (illustrative) Program 135 status as the default. */
export function placeFields(places: PlaceIndex, communeCode: string): Pick<PersonForm, 'commune' | 'communeListed' | 'communeStruckOff'> {
  const s = statusOf(places, communeCode);
  return { commune: communeCode, communeListed: s.listed, communeStruckOff: s.struckOff };
}

/** The first commune of a district (of the pack's places) that is listed, else its first commune. */
export function defaultCommune(places: PlaceIndex, districtCode: string): string {
  const d = places.district(districtCode);
  const listed = d?.communes.find((c) => statusOf(places, c.code).listed && !statusOf(places, c.code).struckOff);
  return (listed ?? d?.communes[0])?.code ?? '';
}

/** A starting point: the pack's first role, a listed commune of the pack's places, a woman born 35 years before the plan year. */
export function defaultForm(book: Rulebook, places: PlaceIndex): PersonForm {
  const district = places.districts.find((d) => d.communes.some((c) => statusOf(places, c.code).listed))?.code ?? places.districts[0]?.code ?? '';
  return {
    role: book.pack.roles[0]?.code ?? '',
    district,
    ...placeFields(places, defaultCommune(places, district)),
    village: '',
    villageListed: false,
    villageStruckOff: false,
    gender: 'female',
    birthYear: String(book.pack.meta.year - 35),
    ethnicity: ETHNIC_GROUPS.find((g) => g.minority)?.code ?? '01',
    provinceTrainingYears: [],
    planYearClasses: [],
  };
}

/** Years a person may have attended province classes: the five years up to the plan year. */
export function trainingYears(book: Rulebook): number[] {
  const y = book.pack.meta.year;
  return [y - 4, y - 3, y - 2, y - 1, y];
}

/** The candidate the form describes, as @p135/rules reads it (validated there, not here). */
export function candidateFromForm(form: PersonForm, name: string, places: PlaceIndex): CandidateInput {
  const year = form.birthYear.trim();
  const candidate: CandidateInput = {
    id: 'form',
    name,
    gender: form.gender,
    birthYear: /^\d{1,4}$/.test(year) ? Number(year) : (year as unknown as number),
    ethnicity: form.ethnicity,
    role: form.role,
    district: { code: form.district, name: places.district(form.district)?.name },
    commune: { code: form.commune, name: places.commune(form.commune)?.name, p135: { listed: form.communeListed, struckOff: form.communeStruckOff } },
    provinceTrainingYears: [...form.provinceTrainingYears].sort(),
    planYearClasses: CLASS_LEVELS.filter((l) => form.planYearClasses.includes(l)),
  };
  if (form.village.trim()) candidate.village = { name: form.village.trim(), p135: { listed: form.villageListed, struckOff: form.villageStruckOff } };
  return candidate;
}

/**
 * The plan year when the form's year of birth comes after it (a person not yet born in the plan
 * year cannot be checked: the form refuses it before deciding), else undefined.
 */
export function birthYearAfterPlan(form: PersonForm, book: Rulebook): number | undefined {
  const year = form.birthYear.trim();
  const planYear = book.pack.meta.year;
  return /^\d{4}$/.test(year) && Number(year) > planYear ? planYear : undefined;
}

/** Which form field a validation problem is about (`$.birthYear` → `birthYear`). */
export function fieldOfProblem(problem: Problem): string {
  return /^\$\.([A-Za-z]+)/.exec(problem.path)?.[1] ?? '';
}

/** Toggles a value in a list, keeping the list's order. */
export function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((v) => v !== value);
  return on ? [...without, value] : without;
}
