import type { Scope } from './schemas/pack.js';

/**
 * What a rule's message may name besides facts (without params) and parameters (`{param:<id>}`),
 * by the rule's scope: the one table that pack validation checks placeholders against and that the
 * wording of decisions and plan findings must fill (their types are derived from it).
 */
export const MESSAGE_CONTEXT = {
  candidate: ['candidateId', 'name', 'track', 'trackLabel'],
  class: ['classId', 'track', 'trackLabel'],
  study_tour: ['tourId'],
  district: ['district', 'districtPlace'],
  commune: ['commune', 'communePlace'],
  membership: ['traineeId', 'trainee', 'groupId', 'track', 'trackLabel'],
  plan: [],
} as const satisfies Readonly<Record<Scope, readonly string[]>>;

export type ContextName<S extends Scope> = (typeof MESSAGE_CONTEXT)[S][number];

/** The values of a scope's context, as the code that words a message must give them. */
export type ContextValues<S extends Scope> = { readonly [K in ContextName<S>]: unknown };
