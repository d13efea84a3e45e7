import type { Localized } from '../i18n.js';
import type { ParameterValue, Scope } from '../schemas/pack.js';

export type FactType = 'boolean' | 'integer' | 'decimal' | 'money' | 'string' | 'date' | 'string_list';

/** What a fact's params name: a parameter id of the pack, a track code, or a budget category code. */
export type FactArgKind = 'param' | 'track' | 'category';

export type ParamValues = Readonly<Record<string, ParameterValue>>;

/**
 * A fact the rules may name. Facts are the only code a pack depends on: they turn an input
 * (a candidate, a class, a plan) into plain values; packs compare them, with operators, to
 * literals or parameters. `reads` lists parameters the fact itself needs from the pack.
 */
export interface FactDef<Ctx> {
  readonly name: string;
  readonly type: FactType;
  readonly doc: Localized;
  readonly args?: Readonly<Record<string, FactArgKind>>;
  readonly reads?: readonly string[];
  compute(ctx: Ctx, args: Readonly<Record<string, string>>, params: ParamValues): unknown;
}

export interface FactCatalogue {
  readonly [scope: string]: readonly FactDef<never>[];
}

export type ScopeOf<T> = T extends Scope ? T : never;
