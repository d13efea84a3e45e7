/** One line of a text, numbered from 1, without its line end. */
export interface Line {
  readonly line: number;
  readonly text: string;
}

/**
 * Splits text given in pieces into lines at CRLF, LF or CR, even when a piece ends between CR and
 * LF. Only the line not yet ended is held. `split(text)` and `end()` together give what
 * `text.split(/\r?\n|\r/)` gives, numbered.
 */
export class LineSplitter {
  #pending = '';
  #line = 1;
  /** The last piece ended with CR: an LF at the start of the next one belongs to it. */
  #afterCr = false;

  /** Characters of the line not ended yet. */
  get pendingLength(): number {
    return this.#pending.length;
  }

  /** The lines this text ends. */
  push(text: string): Line[] {
    const out: Line[] = [];
    let start = 0;
    if (this.#afterCr && text.charCodeAt(0) === 10) start = 1;
    if (text.length) this.#afterCr = false;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      out.push({ line: this.#line++, text: this.#pending + text.slice(start, i) });
      this.#pending = '';
      if (c === 13) {
        if (i + 1 === text.length) this.#afterCr = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    if (start < text.length) this.#pending += text.slice(start);
    return out;
  }

  /** The last line (empty when the text ended with a line end). */
  end(): Line {
    const last = { line: this.#line++, text: this.#pending };
    this.#pending = '';
    return last;
  }
}
