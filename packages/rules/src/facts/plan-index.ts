import type Decimal from 'decimal.js';
import { Dec, parseMoney } from '../money.js';
import type { Candidate } from '../schemas/candidate.js';
import type { Track } from '../schemas/pack.js';
import type { BudgetLine, Plan, StudyTour, TrainingClass } from '../schemas/plan.js';

/** Counts and lookups over one plan, computed once and shared by every plan-level fact. */
export interface PlanIndex {
  readonly plan: Plan;
  readonly candidates: ReadonlyMap<string, Candidate>;
  readonly trackLevel: ReadonlyMap<string, Track['level']>;
  readonly classCountByTrack: ReadonlyMap<string, number>;
  /** `${track}|${district}` → classes */
  readonly districtClassCount: ReadonlyMap<string, number>;
  /** `${track}|${commune}` → classes held in the commune */
  readonly communeClassCount: ReadonlyMap<string, number>;
  /** `${track}|${commune}` → trainees from the commune in classes of the track */
  readonly communeTraineeCount: ReadonlyMap<string, number>;
  /** trainee id → levels of the plan's classes they are in */
  readonly levelsByTrainee: ReadonlyMap<string, ReadonlySet<string>>;
  readonly districts: readonly string[];
  readonly communes: readonly string[];
  /** commune code → on a Program 135 list and not struck off, per any candidate record from it */
  readonly communeInProgramArea: ReadonlyMap<string, boolean>;
  /** district code → has a commune in the programme area, per the roster records */
  readonly districtInProgramArea: ReadonlyMap<string, boolean>;
  readonly budgetByCategory: ReadonlyMap<string, Decimal>;
  readonly budgetTotal: Decimal;
}

const key = (a: string, b: string) => `${a}|${b}`;
const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

export function indexPlan(plan: Plan, candidates: readonly Candidate[], tracks: readonly Track[]): PlanIndex {
  const byId = new Map<string, Candidate>();
  for (const c of candidates) if (!byId.has(c.id)) byId.set(c.id, c);
  const trackLevel = new Map(tracks.map((t) => [t.code, t.level] as const));

  const classCountByTrack = new Map<string, number>();
  const districtClassCount = new Map<string, number>();
  const communeClassCount = new Map<string, number>();
  const communeTraineeCount = new Map<string, number>();
  const levelsByTrainee = new Map<string, Set<string>>();
  const districts = new Set<string>();
  const communes = new Set<string>();

  for (const cls of plan.classes) {
    bump(classCountByTrack, cls.track);
    if (cls.district) {
      districts.add(cls.district);
      bump(districtClassCount, key(cls.track, cls.district));
    }
    if (cls.commune) {
      communes.add(cls.commune);
      bump(communeClassCount, key(cls.track, cls.commune));
    }
    const level = trackLevel.get(cls.track);
    for (const id of new Set(cls.trainees)) {
      if (level) {
        let levels = levelsByTrainee.get(id);
        if (!levels) levelsByTrainee.set(id, (levels = new Set()));
        levels.add(level);
      }
      const person = byId.get(id);
      if (person) bump(communeTraineeCount, key(cls.track, person.commune.code));
    }
  }
  const communeInProgramArea = new Map<string, boolean>();
  const districtInProgramArea = new Map<string, boolean>();
  for (const c of candidates) {
    districts.add(c.district.code);
    communes.add(c.commune.code);
    const inArea = c.commune.p135.listed && !c.commune.p135.struckOff;
    communeInProgramArea.set(c.commune.code, (communeInProgramArea.get(c.commune.code) ?? false) || inArea);
    districtInProgramArea.set(c.district.code, (districtInProgramArea.get(c.district.code) ?? false) || inArea);
  }

  const budgetByCategory = new Map<string, Decimal>();
  let budgetTotal: Decimal = new Dec(0);
  for (const line of plan.budget) {
    const amount = parseMoney(line.amount);
    budgetByCategory.set(line.category, (budgetByCategory.get(line.category) ?? new Dec(0)).plus(amount));
    budgetTotal = budgetTotal.plus(amount);
  }

  return {
    plan,
    candidates: byId,
    trackLevel,
    classCountByTrack,
    districtClassCount,
    communeClassCount,
    communeTraineeCount,
    levelsByTrainee,
    districts: [...districts].sort(),
    communes: [...communes].sort(),
    communeInProgramArea,
    districtInProgramArea,
    budgetByCategory,
    budgetTotal,
  };
}

export const countIn = (m: ReadonlyMap<string, number>, a: string, b: string) => m.get(key(a, b)) ?? 0;

export type { BudgetLine, StudyTour, TrainingClass };
