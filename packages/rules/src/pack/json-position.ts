/**
 * Where JSON text stops being JSON: the offset of the first character that cannot continue a
 * valid document (the text's length when it ends too early), or -1 when it is valid. Iterative (no
 * recursion), so nesting as deep as the text allows costs no stack.
 */
export function firstJsonError(text: string): number {
  let i = 0;
  const n = text.length;
  const space = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  /** A string, number or literal at i; false (i at the fault) when there is none. */
  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        const ch = text.charCodeAt(i);
        if (ch < 0x20) return false;
        if (text[i] === '\\') {
          i++;
          if (text[i] === 'u') {
            for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) return ((i += k), false);
            i += 4;
          } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x') || i >= n) return false;
        }
        i++;
      }
      if (i >= n) return false;
      i++;
      return true;
    }
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?|^true|^false|^null/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  // What may come next in each open container: a value, a key, or a separator.
  const stack: ('[' | '{')[] = [];
  let want: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    space();
    if (want === 'value') {
      if (text[i] === '[' || text[i] === '{') {
        stack.push(text[i] as '[' | '{');
        i++;
        space();
        if (text[i] === (stack[stack.length - 1] === '[' ? ']' : '}')) {
          stack.pop();
          i++;
          want = 'after';
        } else want = stack[stack.length - 1] === '{' ? 'key' : 'value';
        continue;
      }
      if (!scalar()) return i;
      want = 'after';
    } else if (want === 'key') {
      if (text[i] !== '"' || !scalar()) return i;
      space();
      if (text[i] !== ':') return i;
      i++;
      want = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i === n ? -1 : i;
      if (text[i] === ',') {
        i++;
        want = top === '{' ? 'key' : 'value';
      } else if (text[i] === (top === '[' ? ']' : '}')) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
