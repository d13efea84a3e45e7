import { type Candidate, ETHNIC_GROUPS, type Plan, type Rulebook } from '@p135/rules';

/** Classes of each track per district: district code ('' when the plan gives none) → track → count. */
export function classesByDistrict(plan: Plan): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const cls of plan.classes) {
    const d = cls.district ?? '';
    let row = out.get(d);
    if (!row) out.set(d, (row = new Map()));
    row.set(cls.track, (row.get(cls.track) ?? 0) + 1);
  }
  return new Map([...out].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b))));
}

/** How many classes (or delegations, for a study-tour track) the detailed plan has of each track. */
export function plannedByTrack(book: Rulebook, plan: Plan): Map<string, number> {
  const out = new Map<string, number>(book.tracks.map((t) => [t.code, 0] as const));
  for (const cls of plan.classes) out.set(cls.track, (out.get(cls.track) ?? 0) + 1);
  for (const t of book.tracks) if (t.group === 'study_tour') out.set(t.code, plan.studyTours.length);
  return out;
}

export interface Tally {
  readonly key: string;
  readonly count: number;
}

export interface TraineeStats {
  /** Different people in the plan's classes and delegations. */
  readonly total: number;
  /** People per track group (a person in classes of two groups counts in both). */
  readonly byGroup: readonly Tally[];
  /** `female`, `male`, or `unknown` for ids not on the roster. */
  readonly byGender: readonly Tally[];
  /** Ethnic group codes, most first; `unknown` for ids not on the roster. */
  readonly byEthnicity: readonly Tally[];
}

function tally(counts: Map<string, number>): Tally[] {
  return [...counts].map(([key, count]) => ({ key, count }));
}

/** Who the plan trains, from its classes and delegations joined with the roster. */
export function traineeStats(book: Rulebook, plan: Plan, roster: readonly Candidate[]): TraineeStats {
  const byId = new Map(roster.map((c) => [c.id, c] as const));
  const groupOf = new Map(book.tracks.map((t) => [t.code, t.group] as const));
  const tourGroup = book.tracks.find((t) => t.group === 'study_tour')?.group;
  const groups = new Map<string, Set<string>>();
  const people = new Set<string>();
  const add = (id: string, group: string | undefined) => {
    people.add(id);
    if (!group) return;
    let set = groups.get(group);
    if (!set) groups.set(group, (set = new Set()));
    set.add(id);
  };
  for (const cls of plan.classes) for (const id of cls.trainees) add(id, groupOf.get(cls.track));
  for (const tour of plan.studyTours) for (const id of tour.members) add(id, tourGroup);

  const gender = new Map<string, number>([
    ['female', 0],
    ['male', 0],
  ]);
  const ethnicity = new Map<string, number>();
  for (const id of people) {
    const c = byId.get(id);
    const g = c?.gender ?? 'unknown';
    gender.set(g, (gender.get(g) ?? 0) + 1);
    const e = c?.ethnicity ?? 'unknown';
    ethnicity.set(e, (ethnicity.get(e) ?? 0) + 1);
  }
  const order = [...groupOf.values()].filter((g, i, all) => all.indexOf(g) === i);
  return {
    total: people.size,
    byGroup: order.filter((g) => groups.has(g)).map((g) => ({ key: g, count: groups.get(g)?.size ?? 0 })),
    byGender: tally(gender).filter((t) => t.key !== 'unknown' || t.count > 0),
    byEthnicity: tally(ethnicity).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
  };
}

/** The largest `keep` tallies, the rest summed under `others` (the unknown bucket stays on its own). */
export function topTallies(tallies: readonly Tally[], keep: number, others = 'others'): Tally[] {
  const known = tallies.filter((t) => t.key !== 'unknown');
  const unknown = tallies.filter((t) => t.key === 'unknown');
  if (known.length <= keep + 1) return [...known, ...unknown];
  const rest = known.slice(keep).reduce((s, t) => s + t.count, 0);
  return [...known.slice(0, keep), { key: others, count: rest }, ...unknown];
}

const ethnicNames = new Map(ETHNIC_GROUPS.map((g) => [g.code, g.name] as const));
export const ethnicName = (code: string): string | undefined => ethnicNames.get(code);
