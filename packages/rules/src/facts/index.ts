import type { Scope } from '../schemas/pack.js';
import { candidateFacts } from './candidate.js';
import { classFacts, communeFacts, districtFacts, membershipFacts, planFacts, studyTourFacts } from './plan.js';
import type { FactDef } from './types.js';

/** Every fact a rule may name, by the scope it is evaluated in. This is the allowlist for packs. */
export const FACTS: Readonly<Record<Scope, readonly FactDef<never>[]>> = {
  candidate: candidateFacts as readonly FactDef<never>[],
  class: classFacts as readonly FactDef<never>[],
  study_tour: studyTourFacts as readonly FactDef<never>[],
  district: districtFacts as readonly FactDef<never>[],
  commune: communeFacts as readonly FactDef<never>[],
  membership: membershipFacts as readonly FactDef<never>[],
  plan: planFacts as readonly FactDef<never>[],
};

export const PARAM_FACT_PREFIX = 'param:';

export * from './types.js';
