/**
 * The practical bound: the Lạng Sơn 2020 tracks decided by a plain, hand-written TypeScript
 * function, for the benchmark only. It re-implements the pack on purpose (nothing else may)
 * and must agree with the pack on every candidate; the benchmark checks that it does.
 */
import type { Candidate, DecisionCore, Pack, RuleRef } from '@p135/rules';

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
  const NONE: RuleRef[] = [];

  /** Appends a failed rule, allocating only when there is one. */
  const add = (list: RuleRef[], r: RuleRef): RuleRef[] => {
    if (list === NONE) return [r];
    list.push(r);
    return list;
  };

  return (c) => {
    const p = c.commune.p135;
    const v = c.village?.p135;
    const inScope = (p.listed && !p.struckOff) || (v !== undefined && v.listed && !v.struckOff);
    let trained = c.planYearClasses.includes('province');
    if (!trained) for (const y of c.provinceTrainingYears) if (y >= FROM && y <= YEAR) trained = true;
    const thisYear = c.planYearClasses.length > 0 || c.provinceTrainingYears.includes(YEAR);
    const cadre = CADRE.has(c.role);
    const civil = CIVIL.has(c.role);
    const base = inScope ? NONE : [R.scope];
    const scoped = () => (base === NONE ? NONE : [R.scope]);

    let pc = scoped();
    if (!cadre) pc = add(pc, R.pcRole);
    if (trained) pc = add(pc, R.pcTrained);
    let pn = scoped();
    if (!PROV_COMMUNITY.has(c.role)) pn = add(pn, R.pnRole);
    let dc = scoped();
    if (!cadre && !civil) dc = add(dc, R.dcRole);
    if (trained) dc = add(dc, R.dcTrained);
    let cc = scoped();
    if (!COMMUNE_COMMUNITY.has(c.role)) cc = add(cc, R.ccRole);
    if (cadre || civil) cc = add(cc, R.ccNotCadre);
    if (trained) cc = add(cc, R.ccTrained);
    let st = scoped();
    if (!cadre && !civil && !TOUR_CITIZEN.has(c.role)) st = add(st, R.stRole);
    if (!thisYear) st = add(st, R.stAttended);

    let criteria = NONE;
    if (MINORITY.has(c.ethnicity)) criteria = add(criteria, R.minority);
    if (YEAR - c.birthYear <= YOUNG) criteria = add(criteria, R.young);
    if (c.gender === 'female') criteria = add(criteria, R.woman);
    const points = criteria.length * POINTS;
    return {
      candidateId: c.id,
      tracks: [
        { track: 'province_cadre', eligible: pc.length === 0, failed: pc, points: 0, criteria: NONE, payer: SELF },
        { track: 'province_community', eligible: pn.length === 0, failed: pn, points, criteria, payer: PAID },
        { track: 'district_cadre', eligible: dc.length === 0, failed: dc, points: 0, criteria: NONE, payer: SELF },
        { track: 'commune_community', eligible: cc.length === 0, failed: cc, points, criteria, payer: PAID },
        { track: 'study_tour', eligible: st.length === 0, failed: st, points: 0, criteria: NONE, payer: PAID },
      ],
    };
  };
}
