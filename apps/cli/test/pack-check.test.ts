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
    { id: 'planted.bounds', kind: 'eligibility', clause: 'KH.II.2.1.a', tracks: ['district_cadre'], conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18 }, { fact: 'age', operator: 'lessThan', value: 10 }] }, message },
    { id: 'planted.closes', kind: 'eligibility', clause: 'KH.II.2.1.a', tracks: ['study_tour'], conditions: { all: [{ fact: 'role', operator: 'equal', value: 'other' }] }, message },
  );
  raw.parameters['planted.unused'] = { label: { vi: 'Không dùng', en: 'Unused' }, value: 1, unit: 'point', assumption: { vi: 'cài sẵn', en: 'planted' } };
  const pack = join(dir, 'planted.json');
  writeFileSync(pack, JSON.stringify(raw));
  const tests = join(dir, 'planted.tests.json');
  const person = { id: 'T-1', name: 'A', gender: 'male', birthYear: 1980, ethnicity: '07', role: 'citizen', district: { code: '180' }, commune: { code: '05998', p135: { listed: true, struckOff: false } } };
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

  it('warnings alone exit 0: the bundled Lạng Sơn pack lists only real findings (role "other", prose clauses, rules no vector exercises)', () => {
    const r = p135(['pack', 'check', 'lang-son-2020', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.errors).toBe(0);
    expect([...new Set(report.findings.map((f: { code: string }) => f.code))].sort()).toEqual(['pack.clause_uncited', 'pack.role_admitted_nowhere', 'pack.rule_untested']);
  });

  it('an unknown pack: exit 2, one line, no stack', () => {
    const r = p135(['pack', 'check', 'no-such-pack']);
    expect(r.code).toBe(2);
    expect(hasStack(r.stderr)).toBe(false);
  });
});
