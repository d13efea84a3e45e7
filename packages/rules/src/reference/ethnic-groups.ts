import data from './ethnic-groups.json';

export interface EthnicGroup {
  /** Code of Decision 121-TCTK/PPCĐ (General Statistics Office), "01" Kinh to "54". */
  readonly code: string;
  readonly name: string;
  readonly minority: boolean;
  /** One of the 16 very-small groups of Decree 57/2017/NĐ-CP. */
  readonly verySmall: boolean;
}

/** Vietnam's 54 ethnic groups. Source and caveats: `ETHNIC_GROUPS_SOURCE`. */
export const ETHNIC_GROUPS: readonly EthnicGroup[] = data.groups;
export const ETHNIC_GROUPS_SOURCE: string = data.source;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const byFolded = new Map(ETHNIC_GROUPS.map((g) => [fold(g.name), g] as const));

/** Finds a group by code ("07") or by name, loosely ("Nùng", "nung", "Cờ Lao" = "Co Lao"). */
export function findEthnicGroup(codeOrName: string): EthnicGroup | undefined {
  const t = codeOrName.trim();
  if (/^\d{1,2}$/.test(t)) return ETHNIC_GROUPS.find((g) => g.code === t.padStart(2, '0'));
  return byFolded.get(fold(t));
}

export { fold as foldText };
