const ASCII = /^[\x20-\x7e]*$/;
const MARK = /\p{M}/u;

/** Width of one character on a terminal: combining marks take no space. */
const charWidth = (ch: string): number => (MARK.test(ch) ? 0 : 1);

/** Width of text on a terminal: code points, combining marks taking no space. */
export function displayWidth(text: string): number {
  if (ASCII.test(text)) return text.length;
  let w = 0;
  for (const ch of text.normalize('NFC')) w += charWidth(ch);
  return w;
}

/** Cuts text to `width` columns, ending with `…` when something was cut. */
export function truncate(text: string, width: number): string {
  const t = text.normalize('NFC').replace(/\s+/g, ' ');
  if (displayWidth(t) <= width) return t;
  if (width <= 0) return '';
  let out = '';
  let w = 0;
  for (const ch of t) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out.trimEnd()}…`;
}

export const padEnd = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
export const padStart = (text: string, width: number): string => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/** Splits a word longer than a line into pieces of `width` characters. */
function pieces(word: string, width: number): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

/** Word-wraps text to lines of at most `width` columns; a word longer than a line is split. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const ww = displayWidth(word);
      if (ww > width) {
        if (line) lines.push(line);
        const parts = pieces(word, width);
        lines.push(...parts.slice(0, -1));
        line = parts[parts.length - 1] ?? '';
        lineWidth = displayWidth(line);
      } else if (!line) {
        line = word;
        lineWidth = ww;
      } else if (lineWidth + 1 + ww <= width) {
        line += ` ${word}`;
        lineWidth += 1 + ww;
      } else {
        lines.push(line);
        line = word;
        lineWidth = ww;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Wraps text to `width` and indents every line by `indent` spaces. */
export function indented(text: string, indent: number, width: number): string[] {
  const pad = ' '.repeat(indent);
  return wrap(text, Math.max(20, width - indent)).map((l) => (l ? pad + l : ''));
}
