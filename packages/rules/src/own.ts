/**
 * Names in a pack (parameter ids, message ids, fact params) come from untrusted files. `name in
 * record` and `record[name]` also see what every object inherits (`constructor`, `toString`,
 * `__proto__`…), so a pack could name `param:constructor` and pass validation. Every lookup of a
 * name from a pack goes through these two.
 */
export function hasOwn(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}

/** The record's own entry `key`, never an inherited one. */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A frozen record without a prototype: indexing it with any name gives only what was put in. */
export function bareRecord<V>(entries: Iterable<readonly [string, V]>): Readonly<Record<string, V>> {
  const out: Record<string, V> = Object.create(null);
  for (const [k, v] of entries) out[k] = v;
  return Object.freeze(out);
}
