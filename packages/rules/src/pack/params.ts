import type { ParamValues } from '../facts/types.js';
import type { Pack, Parameter, ParameterValue } from '../schemas/pack.js';
import { bareRecord } from '../own.js';

/** The default "as of" date of a pack: the last day of its plan year (the values in force then). */
export function defaultAsOf(pack: Pack): string {
  return `${pack.meta.year}-12-31`;
}

/** A parameter's value on a date: the latest dated value from on or before it, else `value`. */
export function valueAsOf(p: Parameter, asOf: string): ParameterValue {
  let v = p.value;
  for (const d of p.values ?? []) if (d.from <= asOf) v = d.value;
  return v;
}

/** Every parameter's value on a date, in a record without a prototype (no inherited names). */
export function resolveParams(pack: Pack, asOf: string = defaultAsOf(pack)): ParamValues {
  return bareRecord(Object.entries(pack.parameters).map(([id, p]) => [id, valueAsOf(p, asOf)] as const));
}
