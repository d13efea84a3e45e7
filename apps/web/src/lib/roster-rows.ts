import { type Candidate, type Decision, foldText } from '@p135/rules';
import { placeName } from './units';
import type { PlaceIndex } from '@p135/rules';

/** One person of a decided roster, flattened for filtering and sorting. */
export interface RosterRow {
  /** Position in the roster (and in the decisions). */
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly district: string;
  readonly districtName: string;
  readonly commune: string;
  readonly communeName: string;
  /** Per track, in the pack's order. */
  readonly eligible: readonly boolean[];
  readonly points: readonly number[];
  readonly eligibleCount: number;
  /** Name and id without case or diacritics, for searching. */
  readonly folded: string;
}

export function rosterRows(candidates: readonly Candidate[], decisions: readonly Decision[], places?: PlaceIndex): RosterRow[] {
  // The pack's names of places when given, else Lạng Sơn's official list; then the roster's.
  const nameOf = (code: string, given: string | undefined) => (places ? places.name(code, given) : placeName(code, given));
  return decisions.map((d, index) => {
    const c = candidates[index] as Candidate;
    const eligible = d.tracks.map((t) => t.eligible);
    return {
      index,
      id: c.id,
      name: c.name,
      district: c.district.code,
      districtName: nameOf(c.district.code, c.district.name),
      commune: c.commune.code,
      communeName: nameOf(c.commune.code, c.commune.name),
      eligible,
      points: d.tracks.map((t) => t.priority.points),
      eligibleCount: d.eligibleTracks.length,
      folded: foldText(`${c.id} ${c.name}`),
    };
  });
}

export interface RosterFilter {
  /** Index of a track in the pack's order, or -1 for any track. */
  readonly track: number;
  readonly eligible: 'any' | 'yes' | 'no';
  /** A commune code, or '' for all. */
  readonly commune: string;
  /** Fewest priority points on a track the person may attend (the chosen one, or any), or 0 for any. */
  readonly minPoints: number;
  readonly text: string;
}

export const NO_FILTER: RosterFilter = { track: -1, eligible: 'any', commune: '', minPoints: 0, text: '' };

/** Priority points that count: on a track the person may attend (on the chosen track, or the best of them). */
export function pointsOf(row: RosterRow, track: number): number {
  if (track >= 0) return row.eligible[track] ? (row.points[track] ?? 0) : 0;
  let best = 0;
  for (let i = 0; i < row.points.length; i++) if (row.eligible[i] && (row.points[i] ?? 0) > best) best = row.points[i] ?? 0;
  return best;
}

/** Rows that pass every filter. "Eligible" with any track means eligible for at least one. */
export function filterRows(rows: readonly RosterRow[], f: RosterFilter): RosterRow[] {
  const text = foldText(f.text);
  return rows.filter((r) => {
    if (f.commune && r.commune !== f.commune) return false;
    const ok = f.track >= 0 ? r.eligible[f.track] === true : r.eligibleCount > 0;
    if (f.eligible === 'yes' && !ok) return false;
    if (f.eligible === 'no' && ok) return false;
    if (f.minPoints > 0 && pointsOf(r, f.track) < f.minPoints) return false;
    if (text && !r.folded.includes(text)) return false;
    return true;
  });
}

/** `order`: as in the file. A track column sorts by eligible, then points. */
export type SortKey = 'order' | 'id' | 'name' | 'place' | 'count' | `track:${number}`;
export interface Sort {
  readonly key: SortKey;
  readonly dir: 'asc' | 'desc';
}

export const FILE_ORDER: Sort = { key: 'order', dir: 'asc' };

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Vietnamese alphabetical rank of each row's name or place, by row index. Names repeat a lot, so
 * only the distinct ones go through the (slow) collator: tens of thousands of rows sort at once.
 */
const ranks = new WeakMap<readonly RosterRow[], Map<string, Int32Array>>();
function rankOf(all: readonly RosterRow[], key: 'name' | 'place'): Int32Array {
  let byKey = ranks.get(all);
  if (!byKey) ranks.set(all, (byKey = new Map()));
  let out = byKey.get(key);
  if (!out) {
    const text = key === 'name' ? (r: RosterRow) => r.name : (r: RosterRow) => `${r.communeName}\u0000${r.districtName}`;
    const distinct = [...new Set(all.map(text))].sort((a, b) => {
      const [ca = '', da = ''] = a.split('\u0000');
      const [cb = '', db = ''] = b.split('\u0000');
      return collator.compare(ca, cb) || collator.compare(da, db);
    });
    const rank = new Map(distinct.map((t, i) => [t, i] as const));
    out = new Int32Array(all.reduce((n, r) => Math.max(n, r.index + 1), 0));
    for (const r of all) out[r.index] = rank.get(text(r)) ?? 0;
    byKey.set(key, out);
  }
  return out;
}

/** Sorted copy; ties keep the file's order. `all` is the whole roster the rows come from. */
export function sortRows(rows: readonly RosterRow[], sort: Sort, all: readonly RosterRow[] = rows): RosterRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const track = sort.key.startsWith('track:') ? Number(sort.key.slice(6)) : -1;
  let cmp: (a: RosterRow, b: RosterRow) => number;
  switch (sort.key) {
    case 'order':
      cmp = () => 0;
      break;
    case 'id':
      cmp = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      break;
    case 'name':
    case 'place': {
      const rank = rankOf(all, sort.key);
      cmp = (a, b) => (rank[a.index] ?? 0) - (rank[b.index] ?? 0);
      break;
    }
    case 'count':
      cmp = (a, b) => a.eligibleCount - b.eligibleCount;
      break;
    default:
      cmp = (a, b) => Number(a.eligible[track]) - Number(b.eligible[track]) || (a.points[track] ?? 0) - (b.points[track] ?? 0);
  }
  return [...rows].sort((a, b) => sign * cmp(a, b) || a.index - b.index);
}

/** Communes present in the roster, grouped by district, in the order of names. */
export function communesIn(rows: readonly RosterRow[]): { district: string; districtName: string; communes: { code: string; name: string }[] }[] {
  const byDistrict = new Map<string, { district: string; districtName: string; communes: Map<string, string> }>();
  for (const r of rows) {
    let d = byDistrict.get(r.district);
    if (!d) byDistrict.set(r.district, (d = { district: r.district, districtName: r.districtName, communes: new Map() }));
    d.communes.set(r.commune, r.communeName);
  }
  return [...byDistrict.values()]
    .sort((a, b) => a.district.localeCompare(b.district))
    .map((d) => ({ district: d.district, districtName: d.districtName, communes: [...d.communes].map(([code, name]) => ({ code, name })).sort((a, b) => collator.compare(a.name, b.name)) }));
}

/** The distinct point values above zero on tracks people may attend, for the priority filter. */
export function pointLevels(rows: readonly RosterRow[]): number[] {
  const set = new Set<number>();
  for (const r of rows) r.points.forEach((p, i) => r.eligible[i] && p > 0 && set.add(p));
  return [...set].sort((a, b) => a - b);
}

export const PAGE_SIZE = 50;

export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return { items: items.slice((p - 1) * size, p * size), page: p, pages };
}
