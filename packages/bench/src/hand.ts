/**
 * The practical bound: the Lạng Sơn 2020 tracks decided by a plain, hand-written TypeScript
 * function, for the benchmark only. It re-implements the pack on purpose (nothing else may)
 * and must agree with the pack on every candidate; the benchmark checks that it does.
 */
import type { Candidate, Pack } from '@p135/rules';
import type { DecisionCore, RuleRef, TrackCore } from '@p135/rules/evaluate';

export function createHandDecider(pack: Pack): (c: Candidate) => DecisionCore {
  const list = (id: string) => new Set(pack.parameters[id]?.value as string[]);
  const num = (id: string) => pack.parameters[id]?.value as number;
  const CADRE = list('roles.commune_cadre');
  const CIVIL = list('roles.commune_civil_servant');
  const PROV_COMMUNITY = list('roles.province_community');
  const COMMUNE_COMMUNITY = list('roles.commune_community');
  const TOUR_CITIZEN = list('roles.study_tour_citizen');
  const MINORITY = list('priority.small_minority_groups');
  const YEAR = num('plan.year');
  const FROM = num('prior_training.from_year');
  const YOUNG = num('priority.young_max_age');
  const POINTS = num('priority.points_per_criterion');
  const ref = (ruleId: string): RuleRef => {
    const r = pack.rules.find((x) => x.id === ruleId);
    if (!r) throw new Error(`the hand-written decider expects rule ${ruleId}`);
    return Object.freeze({ ruleId, clause: r.clause });
  };
  const R = {
    scope: ref('scope.program_area'),
    pcRole: ref('province_cadre.role'),
    pcTrained: ref('province_cadre.not_trained_at_province'),
    pnRole: ref('province_community.role'),
    dcRole: ref('district_cadre.role'),
    dcTrained: ref('district_cadre.not_trained_at_province'),
    ccRole: ref('commune_community.role'),
    ccNotCadre: ref('commune_community.not_cadre_or_civil_servant'),
    ccTrained: ref('commune_community.not_trained_at_province'),
    stRole: ref('study_tour.role'),
    stAttended: ref('study_tour.attended_class_this_year'),
    minority: ref('priority.small_ethnic_minority'),
    young: ref('priority.young_cadre'),
    woman: ref('priority.woman'),
  };
  const SELF = Object.freeze({ meals: 'trainee', lodging: 'trainee', travel: 'trainee' } as const);
  const PAID = Object.freeze({ meals: 'programme', lodging: 'programme', travel: 'programme' } as const);
  const CRITERIA = [R.minority, R.young, R.woman];
  /** Each track's eligibility rules, in the pack's order, and whether its priority criteria count. */
  const SPECS = [
    { track: 'province_cadre', fails: [R.scope, R.pcRole, R.pcTrained], ranked: false, payer: SELF },
    { track: 'province_community', fails: [R.scope, R.pnRole], ranked: true, payer: PAID },
    { track: 'district_cadre', fails: [R.scope, R.dcRole, R.dcTrained], ranked: false, payer: SELF },
    { track: 'commune_community', fails: [R.scope, R.ccRole, R.ccNotCadre, R.ccTrained], ranked: true, payer: PAID },
    { track: 'study_tour', fails: [R.scope, R.stRole, R.stAttended], ranked: false, payer: PAID },
  ] as const;
  const pick = (refs: readonly RuleRef[], mask: number) => Object.freeze(refs.filter((_, b) => (mask & (1 << b)) !== 0));

  /**
   * The same sharing as the compiled path: a track's result is built once per combination of its
   * rules' outcomes and shared (frozen) by everyone with that combination, and so is the list of a
   * person's five track results; so the benchmark compares
   * evaluators, not how many objects each leaves to the garbage collector.
   */
  const interned = SPECS.map(() => [] as (TrackCore | undefined)[]);
  const track = (ti: number, failed: number, held: number): TrackCore => {
    const spec = SPECS[ti] as (typeof SPECS)[number];
    const key = failed | (spec.ranked ? held << spec.fails.length : 0);
    const cache = interned[ti] as (TrackCore | undefined)[];
    let core = cache[key];
    if (!core) {
      const criteria = spec.ranked ? pick(CRITERIA, held) : pick(CRITERIA, 0);
      core = cache[key] = Object.freeze({ track: spec.track, eligible: failed === 0, failed: pick(spec.fails, failed), points: criteria.length * POINTS, criteria, payer: spec.payer });
    }
    return core;
  };

  const lists = new Map<number, readonly TrackCore[]>();
  return (c) => {
    const p = c.commune.p135;
    const v = c.village?.p135;
    const out = (p.listed && !p.struckOff) || (v !== undefined && v.listed && !v.struckOff) ? 0 : 1;
    let trained = c.planYearClasses.includes('province');
    if (!trained) for (const y of c.provinceTrainingYears) if (y >= FROM && y <= YEAR) trained = true;
    const thisYear = c.planYearClasses.length > 0 || c.provinceTrainingYears.includes(YEAR);
    const cadre = CADRE.has(c.role);
    const civil = CIVIL.has(c.role);
    const t = trained ? 1 : 0;
    const held = (MINORITY.has(c.ethnicity) ? 1 : 0) | (YEAR - c.birthYear <= YOUNG ? 2 : 0) | (c.gender === 'female' ? 4 : 0);
    const k0 = out | (cadre ? 0 : 2) | (t << 2);
    const k1 = out | (PROV_COMMUNITY.has(c.role) ? 0 : 2) | (held << 2);
    const k2 = out | (cadre || civil ? 0 : 2) | (t << 2);
    const k3 = out | (COMMUNE_COMMUNITY.has(c.role) ? 0 : 2) | (cadre || civil ? 4 : 0) | (t << 3) | (held << 4);
    const k4 = out | (cadre || civil || TOUR_CITIZEN.has(c.role) ? 0 : 2) | (thisYear ? 0 : 4);
    // The whole list is shared too, by everyone whose five tracks came out alike (21 bits in all).
    const key = k0 | (k1 << 3) | (k2 << 8) | (k3 << 11) | (k4 << 18);
    let tracks = lists.get(key);
    if (!tracks) {
      tracks = Object.freeze([track(0, k0, 0), track(1, k1 & 3, k1 >> 2), track(2, k2, 0), track(3, k3 & 15, k3 >> 4), track(4, k4, 0)]);
      lists.set(key, tracks);
    }
    return { candidateId: c.id, tracks };
  };
}
