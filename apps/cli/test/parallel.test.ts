/**
 * `p135 decide FILE.csv -o OUT` on worker threads writes byte for byte what one thread writes, and
 * any problem anywhere gives exactly the errors (and exit code) of one thread: the file is cut into
 * pieces of a few KiB here (`--block-bytes`) so that every case lands across many pieces.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EX, hasStack, p135, tmp } from './helpers.js';

const dir = tmp();
const example = readFileSync(join(EX, 'candidates.csv'), 'utf8');
const [header, ...rows] = example.split('\r\n').filter((l) => l !== '');
const csv = (lines: readonly string[], end = '\r\n') => `\uFEFF${(header as string).replace(/^\uFEFF/, '')}${end}${lines.join(end)}${end}`;

/** Decides `text` (written to a file) on one thread and on worker threads; both runs and both outputs. */
function both(name: string, text: string | Buffer, extra: readonly string[] = []) {
  const input = join(dir, name);
  writeFileSync(input, text);
  const run = (threads: string) => {
    const out = join(dir, `${name}.${threads}.out`);
    const r = p135(['decide', input, '-o', out, '--threads', threads, '--block-bytes', '4096', '--debug', ...extra]);
    // --debug says how the file was decided (and shows the stack of an error); the rest of stderr is compared
    const lines = r.stderr.split('\n');
    const said = lines.filter((l) => /worker threads|luồng phụ/.test(l));
    const rest = lines.filter((l) => !said.includes(l) && !/^\s+at |^CliError/.test(l));
    return { ...r, said, stderr: rest.join('\n'), file: existsSync(out) ? readFileSync(out) : undefined };
  };
  return { one: run('1'), many: run('3') };
}

describe('decide on worker threads: the same bytes as one thread', () => {
  it('the example roster, to CSV and to JSON Lines, in Vietnamese and English', () => {
    for (const extra of [[], ['--format', 'jsonl'], ['--lang', 'en']]) {
      const { one, many } = both(`example-${extra.join('')}.csv`, example, extra);
      expect(many.code).toBe(0);
      expect(one.said).toEqual([]);
      expect(many.said.join()).toMatch(/^p135: (decided on|đã xét trên) 3 (worker threads|luồng phụ), [\d.,]+ (pieces|phần)$/);
      expect(many.stderr).toBe(one.stderr);
      expect(many.file?.length).toBeGreaterThan(1_000_000);
      expect(many.file?.equals(one.file as Buffer)).toBe(true);
    }
  });

  it('a list as offices make it: title rows above the header, an STT column, a footer with signatures', () => {
    const cols = (header as string).split(',').length;
    const title = [`DANH SÁCH HỌC VIÊN – HUYỆN TRÀNG ĐỊNH${','.repeat(cols)}`, `Tràng Định, ngày 15 tháng 6 năm 2020${','.repeat(cols)}`, ','.repeat(cols)];
    const body = [`STT,${(header as string).replace(/^\uFEFF/, '')}`, ...rows.slice(0, 3000).map((l, i) => `${i + 1},${l}`)];
    for (const footer of [[], [`Tổng cộng${','.repeat(cols)}`, `,Người lập biểu${','.repeat(cols - 1)}`]]) {
      const { one, many } = both(`titled-${footer.length}.csv`, `${[...title, ...body, ...footer].join('\r\n')}\r\n`);
      expect(one.code).toBe(0);
      expect(many.code).toBe(0);
      // a footer in a later piece is placed by the usual way (the piece's rows are not the file's)
      if (!footer.length) expect(many.said.join()).toMatch(/đã xét trên 3 luồng phụ/);
      expect(many.stderr).toBe(one.stderr);
      expect(one.stderr).toContain('dòng tiêu đề là dòng 4');
      expect(many.file?.equals(one.file as Buffer)).toBe(true);
    }
  });

  it('line breaks inside quoted names, falling at and around the cuts', () => {
    // every 7th person's name holds a line break (a name may), so some cuts fall inside quotes
    const lines = rows.slice(0, 3000).map((line, i) => (i % 7 ? line : line.replace(/^([^,]+),([^,]+),/, (_, id, name) => `${id},"${name}\n(${'x'.repeat(i % 50)})",`)));
    const { one, many } = both('multiline.csv', csv(lines));
    expect(one.code).toBe(0);
    expect(many.code).toBe(0);
    expect(many.said.join()).toMatch(/đã xét trên 3 luồng phụ/);
    expect(many.file?.equals(one.file as Buffer)).toBe(true);
  });

  it('LF line ends, semicolons, blank lines and no line break at the end', () => {
    const semi = rows.slice(0, 2000).map((l) => l.replace(/,/g, ';'));
    // blank lines at the top and in the middle, and no line break at the very end
    const text = `${(header as string).replace(/,/g, ';')}\n\n${semi.slice(0, 1000).join('\n')}\n\n\n${semi.slice(1000).join('\n')}`;
    const { one, many } = both('semicolons.csv', text);
    expect(one.code).toBe(0);
    expect(many.said.join()).toMatch(/đã xét trên 3 luồng phụ/);
    expect(many.file?.equals(one.file as Buffer)).toBe(true);
  });

  it('a U+FEFF starting a row far into the file (read as space, as one thread reads it)', () => {
    const { one, many } = both('feff.csv', csv(rows.slice(0, 2000).map((l, i) => (i === 1500 ? `\uFEFF${l}` : l))));
    expect(one.code).toBe(0);
    expect(many.said.join()).toMatch(/đã xét trên 3 luồng phụ/);
    expect(many.file?.equals(one.file as Buffer)).toBe(true);
  });

  it('--check and --require count the same', () => {
    const { one, many } = both('check.csv', example, ['--check', '--require', 'province_cadre']);
    expect(one.code).toBe(1);
    expect(many.code).toBe(1);
    expect(many.stderr).toBe(one.stderr);
  });
});

describe('decide on worker threads: a problem anywhere gives the errors of one thread', () => {
  const cases: [string, () => string | Buffer][] = [
    ['a bad row far into the file', () => csv(rows.slice(0, 3000).map((l, i) => (i === 2500 ? l.replace(/,Nam,|,Nữ,/, ',X,') : l)))],
    ['an id repeated in a distant piece', () => csv([...rows.slice(0, 3000), rows[5] as string])],
    ['bytes that are not UTF-8 in a later piece', () => Buffer.concat([Buffer.from(csv(rows.slice(0, 2000))), Buffer.from([0xc3, 0x28, 0x0d, 0x0a])])],
    ['a zero byte in a later piece', () => Buffer.concat([Buffer.from(csv(rows.slice(0, 2000))), Buffer.from('LS-9,\u0000\r\n')])],
    ['a quote never closed', () => `${csv(rows.slice(0, 2000))}LS-X,"Tên\r\n`],
    ['a header with an unknown column', () => csv(rows.slice(0, 2000)).replace('Họ và tên', 'Ho ten sai')],
  ];
  it.each(cases)('%s', (name, make) => {
    const { one, many } = both(`${name.replace(/\W+/g, '-')}.csv`, make());
    expect(one.code).toBe(2);
    expect(many.code).toBe(2);
    expect(many.stderr).toBe(one.stderr);
    expect(many.said.join()).toMatch(/gặp một lỗi; đọc lại tệp theo cách thường/);
    expect(many.file).toBeUndefined();
    // without --debug: one line per problem, no stack
    const plain = p135(['decide', join(dir, `${name.replace(/\W+/g, '-')}.csv`), '-o', join(dir, 'plain.out'), '--threads', '3', '--block-bytes', '4096']);
    expect(plain.code).toBe(2);
    expect(hasStack(plain.stderr)).toBe(false);
    expect(plain.stderr.trim().split('\n').length).toBeLessThan(5);
  });

  it('leaves no temporary file behind', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
