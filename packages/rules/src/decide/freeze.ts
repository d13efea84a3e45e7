/** Freezes a value and everything in it (what is frozen already is taken as done). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface TraceNode {
  params?: object;
  all?: TraceNode[];
  any?: TraceNode[];
  not?: TraceNode;
}

/**
 * Freezes a condition trace's nodes, not the values they show (a fact's value may be the person's
 * own list, a parameter's the pack's): a decision's `deepFreeze` stops at frozen nodes.
 */
export function freezeTrace<T extends TraceNode>(trace: T): T {
  if (Object.isFrozen(trace)) return trace;
  if (trace.params) Object.freeze(trace.params);
  for (const child of [...(trace.all ?? []), ...(trace.any ?? []), ...(trace.not ? [trace.not] : [])]) freezeTrace(child);
  if (trace.all) Object.freeze(trace.all);
  if (trace.any) Object.freeze(trace.any);
  return Object.freeze(trace);
}
