import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStack, p135, ROOT, tmp } from './helpers.js';

const LANG_SON = join(ROOT, 'packages/rules/packs/lang-son-2020.json');
const message = { pass: { vi: 'đạt', en: 'met' }, fail: { vi: 'không đạt', en: 'not met' } };

/** Lạng Sơn's pack with a rule that can never hold, a track closed to every role and an unused parameter; a test naming a rule the pack does not have. */
function plantedFiles(): { pack: string; tests: string; rule: number } {
  const dir = tmp();
  const raw = JSON.parse(readFileSync(LANG_SON, 'utf8'));
  const rule = raw.rules.length;
  raw.rules.push(
    {
      id: 'planted.bounds',
      kind: 'eligibility',
      clause: 'KH.II.2.1.a',
      tracks: ['district_cadre'],
      conditions: {
        all: [
          { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
          { fact: 'age', operator: 'lessThan', value: 10 },
        ],
      },
      message,
    },
    { id: 'planted.closes', kind: 'eligibility', clause: 'KH.II.2.1.a', tracks: ['study_tour'], conditions: { all: [{ fact: 'role', operator: 'equal', value: 'other' }] }, message },
  );
  raw.parameters['planted.unused'] = { label: { vi: 'Không dùng', en: 'Unused' }, value: 1, unit: 'point', assumption: { vi: 'cài sẵn', en: 'planted' } };
  const pack = join(dir, 'planted.json');
  writeFileSync(pack, JSON.stringify(raw));
  const tests = join(dir, 'planted.tests.json');
  const person = {
    id: 'T-1',
    name: 'A',
    gender: 'male',
    birthYear: 1980,
    ethnicity: '07',
    role: 'citizen',
    district: { code: '180' },
    commune: { code: '05998', p135: { listed: true, struckOff: false } },
  };
  writeFileSync(tests, JSON.stringify({ pack: 'lang-son-2020', cases: [{ name: 'x', input: person, expected: { province_cadre: { eligible: false, because: ['province_cadre.rolee'] } } }] }));
  return { pack, tests, rule };
}

describe('p135 pack check', () => {
  it('lists each planted defect with its JSON path, Vietnamese by default; exit 1 for the errors', () => {
    const { pack, tests, rule } = plantedFiles();
    const r = p135(['pack', 'check', pack, '--tests', tests]);
    expect(r.code).toBe(1);
    expect(hasStack(r.stdout + r.stderr)).toBe(false);
    expect(r.stdout).toContain(`! cảnh báo $.rules[${rule}].conditions: Quy tắc "planted.bounds" không bao giờ đúng`);
    expect(r.stdout).toContain('✗ lỗi $.tracks[4]: Không chức vụ nào được học loại lớp "study_tour"');
    expect(r.stdout).toContain('! cảnh báo $.parameters["planted.unused"]:');
    expect(r.stdout).toContain(`✗ lỗi ${tests} $.cases[0].expected.province_cadre.because[0]: Bộ quy tắc không có quy tắc "province_cadre.rolee". Có phải ý bạn là "province_cadre.role"?`);
    expect(r.stdout).toMatch(/^lang-son-2020 1\.0\.0 \(ngày 2020-12-31\): 2 lỗi, \d+ cảnh báo$/m);
    const en = p135(['pack', 'check', pack, '--tests', tests, '--lang', 'en', '--as-of', '2020-08-01']);
    expect(en.stdout).toContain('✗ error $.tracks[4]: no role can enter track "study_tour"');
    expect(en.stdout).toMatch(/^lang-son-2020 1\.0\.0 \(as of 2020-08-01\): 2 error\(s\)/m);
  });

  it('warnings alone exit 0: the bundled Lạng Sơn pack lists only real findings (role "other", prose clauses; its vectors show every rule at work)', () => {
    const r = p135(['pack', 'check', 'lang-son-2020', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.errors).toBe(0);
    expect([...new Set(report.findings.map((f: { code: string }) => f.code))].sort()).toEqual(['pack.clause_uncited', 'pack.role_admitted_nowhere']);
  });

  it('an unknown pack: exit 2, one line, no stack', () => {
    const r = p135(['pack', 'check', 'no-such-pack']);
    expect(r.code).toBe(2);
    expect(hasStack(r.stderr)).toBe(false);
  });
});

describe('p135 pack diff --roster', () => {
  const extensionFile = () => {
    const file = join(tmp(), 'x-2021.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 1,
        id: 'x-2021',
        version: '1.0.0',
        extends: { pack: 'lang-son-2020' },
        rules: { disable: [{ id: 'district_cadre.not_trained_at_province', reason: { vi: 'Tỉnh cho học lại', en: 'The province lets people attend again' }, clause: 'KH.II.2.2.a' }] },
      }),
    );
    return file;
  };
  const ROSTER = join(ROOT, 'examples/lang-son-2020/candidates.csv');

  it('says how many answers change per track, with examples giving both packs’ reasons, and the disable’s reason', () => {
    const r = p135(['pack', 'diff', 'lang-son-2020', extensionFile(), '--roster', ROSTER, '--examples', '2']);
    expect(r.code).toBe(0);
    expect(hasStack(r.stderr)).toBe(false);
    expect(r.stdout).toContain('− Quy tắc "district_cadre.not_trained_at_province" bị tắt (KH.II.2.2.a): Tỉnh cho học lại');
    expect(r.stdout).toMatch(/^Trên danh sách .*candidates\.csv \(16600 người\): [1-9]\d* người có kết quả đủ điều kiện thay đổi$/m);
    expect(r.stdout).toMatch(/^ {2}district_cadre: \+[1-9]\d* thành đủ điều kiện, −0 không còn đủ điều kiện/m);
    expect(r.stdout).toMatch(/^ {2}province_cadre: \+0 thành đủ điều kiện, −0 không còn đủ điều kiện, 0 thay đổi khác/m);
    expect(r.stdout).toMatch(/^ {8}trước: không đủ điều kiện.*: district_cadre\.not_trained_at_province \(KH\.II\.2\.2\.a\) /m);
    expect(r.stdout).toMatch(/^ {8}sau: đủ điều kiện/m);
  });

  it('as JSON, with both packs read as of --as-of', () => {
    const r = p135(['pack', 'diff', 'lang-son-2020', extensionFile(), '--roster', ROSTER, '--format', 'json', '--as-of', '2020-08-01']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.roster.before.asOf, out.roster.after.asOf]).toEqual(['2020-08-01', '2020-08-01']);
    const track = out.roster.tracks.find((t: { track: string }) => t.track === 'district_cadre');
    expect(track.becameEligible).toBeGreaterThan(0);
    expect(track.examples[0].before.reasons[0].ruleId).toBe('district_cadre.not_trained_at_province');
    expect(out.changes.find((c: { id: string }) => c.id === 'district_cadre.not_trained_at_province').disabled.clause).toBe('KH.II.2.2.a');
  });

  it('a roster that cannot be read: exit 2, no stack', () => {
    const bad = join(tmp(), 'bad.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    const r = p135(['pack', 'diff', 'lang-son-2020', 'example-2021', '--roster', bad]);
    expect(r.code).toBe(2);
    expect(hasStack(r.stderr)).toBe(false);
  });
});
