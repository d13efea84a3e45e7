/**
 * Writes the hostile corpus beside this file (run once; the files are committed):
 *
 *   node packages/io/test/corpus/make.mjs
 *
 * Truncated and malformed CSV, XLSX, JSON and JSON Lines rosters and plans; zip bombs whose headers
 * lie; money edge strings; prototype names as column headers and JSON keys; a huge line; NUL bytes;
 * invalid UTF-8. What each must give is in cases.json, checked by packages/io/test/corpus.test.ts (through io) and apps/cli/test/corpus.test.ts (through the p135 binary).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const EX = join(HERE, '../../../../examples/lang-son-2020');
const put = (name, data) => writeFileSync(join(HERE, name), data);

const csv = readFileSync(join(EX, 'candidates.csv'), 'utf8');
const [header, ...rows] = csv.split('\r\n');
const head20 = [header, ...rows.slice(0, 20)].join('\r\n');

// CSV rosters
put('roster-empty.csv', '');
put('roster-header-only.csv', `${header}\r\n`);
put('roster-truncated-quote.csv', `${head20}\r\n${rows[20].split(',').slice(0, 2).join(',')},"Nguyễn Văn`);
put('roster-truncated-row.csv', `${head20}\r\n${rows[20].split(',').slice(0, 3).join(',')}`);
put('roster-nul.csv', Buffer.concat([Buffer.from(`${head20}\r\n`), Buffer.from([0, 0, 0, 0x41, 0]), Buffer.from('\r\n')]));
put('roster-invalid-utf8.csv', Buffer.concat([Buffer.from(`${head20}\r\n`), Buffer.from([0x4c, 0x53, 0xc3, 0x28, 0xff, 0xfe, 0x2c]), Buffer.from('\r\n')]));
put('roster-proto-headers.csv', `__proto__,constructor,prototype,toString,hasOwnProperty,valueOf\r\n1,2,3,4,5,6\r\n`);
put(
  'roster-proto-extra-header.csv',
  `${header},__proto__\r\n${rows
    .slice(0, 3)
    .map((r) => `${r},{"polluted":1}`)
    .join('\r\n')}\r\n`,
);
put('roster-huge-line.csv', `${header}\r\n${rows[0].replace(/^([^,]+),([^,]+),/, (_, id) => `${id},${'Ă'.repeat(300_000)},`)}\r\n`);
put('roster-huge-unclosed-quote.csv', `${header}\r\nLS-1,"${'x'.repeat(400_000)}\r\n`);
put('roster-too-many-columns.csv', `${header}\r\n${rows[0]}${',x'.repeat(300)}\r\n`);
put('roster-binary.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
put('roster-bom-only.csv', '\uFEFF');
put('roster-cr-only.csv', [header, ...rows.slice(0, 5)].join('\r'));

// JSON and JSON Lines rosters
const people = JSON.parse(readFileSync(join(EX, 'candidates.json'), 'utf8')).slice(0, 3);
const one = JSON.stringify(people[0]);
put('roster-truncated.json', JSON.stringify(people).slice(0, 700));
put('roster-proto-keys.json', `[${one.replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},')}]`);
put('roster-deep.json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
put('roster-not-json.json', '{ this is not json');
put('roster-huge-number.json', `[${one.replace(/"birthYear":\d+/, '"birthYear":1e100000000')}]`);
put('roster-truncated.jsonl', `${people.map((p) => JSON.stringify(p)).join('\n')}\n${one.slice(0, 40)}`);
put('roster-proto-keys.jsonl', `${one}\n{"__proto__":{"id":"X"},"constructor":1}\n`);
put('roster-nul.jsonl', Buffer.concat([Buffer.from(`${one}\n`), Buffer.from([0x7b, 0, 0x7d, 0x0a])]));

// XLSX rosters
const sample = readFileSync(join(EX, 'candidates-sample.xlsx'));
put('roster-truncated.xlsx', sample.subarray(0, Math.floor(sample.length / 2)));
put('roster-not-zip.xlsx', 'Mã,Họ và tên\r\nLS-1,A\r\n');

/** A ZIP whose headers declare `declared` bytes for each entry, whatever its data really inflates to; `alias`: more names for entry 0. */
function zip(entries, alias = 0) {
  const parts = [];
  const central = [];
  let at = 0;
  const record = (e, name, offset) => {
    const n = Buffer.from(name);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.declared, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, n);
  };
  const offsets = [];
  for (const e of entries) {
    const n = Buffer.from(e.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.declared, 22);
    h.writeUInt16LE(n.length, 26);
    offsets.push(at);
    record(e, e.name, at);
    parts.push(h, n, e.data);
    at += 30 + n.length + e.data.length;
  }
  for (let k = 0; k < alias; k++) record(entries[0], `xl/worksheets/copy${k}.xml`, offsets[0]);
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length + alias, 8);
  end.writeUInt16LE(entries.length + alias, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...parts, dir, end]);
}
// 600 MiB of zeros said to be 1,000 bytes: past the 512 MiB limit on what an XLSX may unpack to
const bomb = deflateRawSync(Buffer.alloc(600 * 1024 * 1024), { level: 9 });
put('roster-zip-bomb-lying.xlsx', zip([{ name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, declared: 1000 }]));
const small = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9 });
put('roster-zip-overlapping.xlsx', zip([{ name: 'xl/worksheets/sheet1.xml', data: small, method: 8, declared: 1024 * 1024 }], 100));
const inner = zip([{ name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 }), method: 8, declared: 10 }]);
put('roster-zip-nested.xlsx', zip([{ name: 'inner.xlsx', data: inner, method: 0, declared: inner.length }]));

// Plans: a small valid plan (two classes, the budget), then each hostile change of it
const plan = JSON.parse(readFileSync(join(EX, 'plan.json'), 'utf8'));
const base = { ...plan, note: 'corpus', classes: plan.classes.slice(0, 2), studyTours: plan.studyTours.slice(0, 1) };
const text = JSON.stringify(base, null, 1);
put('plan-truncated.json', text.slice(0, Math.floor(text.length / 2)));
put('plan-proto-keys.json', JSON.stringify(base).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},'));
put('plan-class-proto-track.json', JSON.stringify({ ...base, classes: [{ ...base.classes[0], track: '__proto__' }] }));
for (const [name, amount] of [
  ['nan', 'NaN'],
  ['infinity', 'Infinity'],
  ['hex', '0x1F'],
  ['exp', '1e100000000'],
  ['minus-zero', '-0'],
  ['fraction', '1.5'],
  ['dotted', '150.000.000'],
  ['number', 180000000.5],
]) {
  put(`plan-money-${name}.json`, JSON.stringify({ ...base, budget: base.budget.map((b, k) => (k === 0 ? { ...b, amount } : b)) }));
}
