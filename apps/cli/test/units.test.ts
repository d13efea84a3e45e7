import { describe, expect, it } from 'vitest';
import { chooseFormat } from '../src/output.js';
import { PROGRESS_THRESHOLD, progressBar } from '../src/progress.js';
import { renderTable } from '../src/text/table.js';
import { displayWidth, truncate, wrap } from '../src/text/width.js';
import { ByteBatch } from '../src/stream/batch.js';
import { HashSeen, hashId } from '../src/stream/id-hashes.js';
import { langOf } from '../src/words.js';

describe('terminal text', () => {
  it('counts Vietnamese letters as one column, decomposed or not', () => {
    expect(displayWidth('Nguyễn')).toBe(6);
    expect(displayWidth('Nguye\u0302\u0303n')).toBe(6);
    expect(truncate('Lớp nâng cao năng lực cộng đồng', 10)).toBe('Lớp nâng…');
  });

  it('wraps at word boundaries and splits words longer than a line', () => {
    expect(wrap('một hai ba bốn năm', 7)).toEqual(['một hai', 'ba bốn', 'năm']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('renders a table no wider than asked, wrapping the flexible column within maxLines', () => {
    const lines = renderTable(
      [
        { header: 'Mã', width: 6 },
        { header: 'Tên', width: 8 },
        { header: 'Lý do', maxLines: 2 },
      ],
      [['LS-000001', 'Nguyễn Văn Anh', 'một lý do rất dài cần phải xuống dòng nhiều lần mới hết được']],
      40,
    );
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^LS-00… +Nguyễn… +một lý do/);
    expect(lines[3]?.endsWith('…')).toBe(true);
  });
});

describe('progress bar', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, columns: 80, written, write: (t: string) => written.push(t) };
  };

  it('draws on a terminal for large inputs and erases itself when done', () => {
    const s = stream(true);
    const bar = progressBar(s, 10_000, 'vi');
    bar.update(5000, 10_000);
    bar.update(5001, 10_000);
    bar.update(10_000, 10_000);
    bar.done();
    expect(s.written).toHaveLength(3);
    expect(s.written[0]).toMatch(/^\rĐang xét {2}\[█+░+\] {2}50% {2}5000\/10000$/);
    expect(s.written[2]).toBe('\r\x1b[2K');
  });

  it('draws nothing when the stream is not a terminal or the input is small', () => {
    for (const [tty, n] of [
      [false, 10_000],
      [true, PROGRESS_THRESHOLD - 1],
    ] as const) {
      const s = stream(tty);
      const bar = progressBar(s, n, 'en');
      bar.update(n, n);
      bar.done();
      expect(s.written).toEqual([]);
    }
  });
});

describe('options', () => {
  it('chooses the output format from --format, then the output extension, then the default', () => {
    expect(chooseFormat('json', 'x.csv', 'table')).toBe('json');
    expect(chooseFormat(undefined, 'ket-qua.XLSX', 'table')).toBe('xlsx');
    expect(chooseFormat(undefined, 'x.unknown', 'csv')).toBe('csv');
    expect(chooseFormat(undefined, undefined, 'table')).toBe('table');
  });

  it('reads --lang before the command line is parsed, for early errors', () => {
    expect(langOf(['node', 'p135', 'decide', '--lang', 'en'])).toBe('en');
    expect(langOf(['node', 'p135', '--lang=en'])).toBe('en');
    expect(langOf(['node', 'p135', 'decide'])).toBe('vi');
  });
});

describe('the duplicate-id check across pieces (hashes of ids)', () => {
  const hashesOf = (ids: readonly string[]) => {
    const out = new Uint32Array(ids.length * 2);
    ids.forEach((id, i) => hashId(id, out, 2 * i));
    return out;
  };

  it('sees a repeat, in the same piece or a later one', () => {
    const seen = new HashSeen();
    expect(seen.addAll(hashesOf(['LS-1', 'LS-2']), 2)).toBe(true);
    expect(seen.addAll(hashesOf(['LS-3', 'LS-2']), 2)).toBe(false);
    expect(new HashSeen().addAll(hashesOf(['A', 'B', 'A']), 3)).toBe(false);
  });

  it('tells apart ids that differ by one letter, their order, their length or a diacritic', () => {
    const ids = ['LS-000001', 'LS-000010', 'LS-0000001', 'SL-000001', 'Đ-1', 'D-1', 'Ð-1', '1', '11', ''];
    const h = hashesOf(ids);
    const pairs = new Set(ids.map((_, i) => `${h[2 * i]}:${h[2 * i + 1]}`));
    expect(pairs.size).toBe(ids.length);
    for (let i = 0; i < ids.length; i++) expect(h[2 * i]).not.toBe(0); // 0 marks an empty slot
  });

  it('keeps 300,000 different ids (growing as it goes) without a false repeat', () => {
    const seen = new HashSeen();
    const ids = Array.from({ length: 300_000 }, (_, i) => `BN-${String(i).padStart(7, '0')}`);
    expect(seen.addAll(hashesOf(ids), ids.length)).toBe(true);
    expect(seen.size).toBe(300_000);
    expect(seen.addAll(hashesOf(['BN-0123456']), 1)).toBe(false);
  });
});

describe('output bytes', () => {
  it('a batch holds exactly the UTF-8 of what was added: Vietnamese, emoji, lone surrogates, short and long texts', () => {
    const texts = ['', 'LS-000001,', 'Nguyễn Thị Ánh Tuyết,', 'Đặng 𝓐 😀', '\ud800 lone', 'end \udfff', 'x'.repeat(127), 'ễ'.repeat(200), `${'a'.repeat(126)}😀`];
    for (let seed = 0; seed < 200; seed++) {
      let t = '';
      for (let k = 0; k < seed % 40; k++) t += String.fromCharCode((seed * 7919 + k * 104729) % 0x10000);
      texts.push(t);
    }
    const batch = new ByteBatch();
    for (const t of texts) batch.add(t);
    batch.addBytes(Buffer.from('chia sẻ ✓', 'utf8'));
    expect(batch.take().equals(Buffer.from(`${texts.join('')}chia sẻ ✓`, 'utf8'))).toBe(true);
  });
});
