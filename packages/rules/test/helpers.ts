import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPack, type Candidate, CandidateSchema, type CandidateInput, createRulebook, decide, type Pack, type Rulebook } from '../src/index.js';
import { createJreEvaluator } from '../src/evaluate.js';
import type { FactDef } from '../src/facts/types.js';
import { it } from 'vitest';

export const pack: Pack = bundledPack('lang-son-2020') as Pack;
/** The default rulebook (compiled evaluator) and the reference one (json-rules-engine). */
export const book: Rulebook = createRulebook(pack);
export const jreBook: Rulebook = createRulebook(pack, { evaluator: createJreEvaluator });
export const BOOKS = [
  ['compiled', book],
  ['json-rules-engine', jreBook],
] as const;

/** A person from a commune on the Program 135 list, not struck off, with no prior training. */
export function person(overrides: Partial<CandidateInput> = {}): Candidate {
  return CandidateSchema.parse({
    id: 'P-1',
    name: 'Hoàng Văn Thử',
    gender: 'male',
    birthYear: 1975,
    ethnicity: '07',
    role: 'committee_chair',
    district: { code: '180' },
    commune: { code: '05998', p135: { listed: true, struckOff: false } },
    provinceTrainingYears: [],
    planYearClasses: [],
    ...overrides,
  });
}

export const TRACKS = ['province_cadre', 'province_community', 'district_cadre', 'commune_community', 'study_tour'] as const;
export type TrackCode = (typeof TRACKS)[number];

export async function tracksOf(c: Candidate, b: Rulebook = book) {
  const d = await decide(b, c);
  return Object.fromEntries(d.tracks.map((t) => [t.track, t])) as Record<TrackCode, (typeof d.tracks)[number]>;
}

/** Ids of the failed rules for one track. */
export async function whyNot(c: Candidate, track: TrackCode, b: Rulebook = book): Promise<string[]> {
  return (await tracksOf(c, b))[track].reasons.map((r) => r.ruleId);
}

/** A copy of the bundled pack, changed by `edit`, for tests of validation and adaptation. */
export function editedPack(edit: (p: Record<string, any>) => void): Record<string, any> {
  const copy = structuredClone(pack) as Record<string, any>;
  edit(copy);
  return copy;
}

/** The pass and fail words of a rule a test plants; tests assert codes and paths, not these. */
export const RULE_MESSAGE = { pass: { vi: 'đạt', en: 'met' }, fail: { vi: 'không đạt', en: 'not met' } };

/** An eligibility rule a test plants in a pack: for `tracks`, citing `clause`, with `conditions`. */
export const eligibilityRule = (id: string, tracks: string[], conditions: unknown, clause = 'KH.II.2.1.a') => ({ id, kind: 'eligibility', clause, tracks, conditions, message: RULE_MESSAGE });

/** A minimal pack extending `of` (the bundled Lạng Sơn 2020 pack unless given), as a province starts one, edited by `edit`. */
export function extensionPack(edit: (e: Record<string, any>) => void = () => {}, of = 'lang-son-2020', id = 'tinh-thu-2021'): Record<string, any> {
  const e: Record<string, any> = { format: 1, id, version: '0.1.0', extends: { pack: of } };
  edit(e);
  return e;
}

/** `extensionPack(…)` written as `<id>.json` in `dir`, extending `of`, with `more` added: a pack file as a province keeps one. */
export function writeExtensionPack(dir: string, id: string, of = 'lang-son-2020', more: Record<string, unknown> = {}): void {
  writeFileSync(join(dir, `${id}.json`), JSON.stringify({ ...extensionPack(() => {}, of, id), ...more }));
}

/**
 * `it`, except in mutation runs (`P135_MUTATION=1`, set by stryker.shared.mjs), where the test is
 * skipped. For the few tests that judge the packs' data rather than the code: they run a pack's
 * whole vector suite once per rule or per parameter (8 of the suite's 16 seconds), and under Stryker
 * every surviving mutant they cover would pay for them again, making a run hours long.
 */
export const itOutsideMutationRuns: ReturnType<typeof it.skipIf> = it.skipIf(process.env.P135_MUTATION === '1');

/** A fact's value, read from its table (candidateFacts, planFacts, …) by name: the one way tests read a fact directly. */
export function factValue<C>(table: readonly FactDef<C>[], name: string, ctx: C, args: Record<string, string> = {}, params: Record<string, unknown> = book.params): unknown {
  const def = table.find((f) => f.name === name);
  if (!def) throw new Error(`no fact ${name}`);
  return def.compute(ctx, args, params as never);
}
