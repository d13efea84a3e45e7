import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errLines, hasStack, p135, ROOT, tmp } from './helpers.js';

const EXAMPLE_PACK = join(ROOT, 'packages/rules/packs/example-2021.json');
const EXAMPLE_TESTS = join(ROOT, 'packages/rules/packs/example-2021.tests.json');

describe('p135 pack test', () => {
  it.each(['lang-son-2020', 'example-2021'])('passes the vectors shipped with %s (exit 0)', (id) => {
    const r = p135(['pack', 'test', id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${id}: \\d+ đạt, 0 không đạt$`, 'm'));
  });

  it('finds the tests beside a pack file, and the pack’s base beside it or bundled', () => {
    const r = p135(['pack', 'test', EXAMPLE_PACK, '--lang', 'en']);
    expect(r.code).toBe(0);
    const cases = JSON.parse(readFileSync(EXAMPLE_TESTS, 'utf8')).cases.length;
    expect(r.stdout).toMatch(new RegExp(`^example-2021: ${cases} passed, 0 failed$`, 'm'));
  });

  it('fails (exit 1) when a vector is changed, showing what differs and the pack’s reasons', () => {
    const dir = tmp();
    const suite = JSON.parse(readFileSync(EXAMPLE_TESTS, 'utf8'));
    suite.cases[0].expected.commune_community = { eligible: false, because: ['commune_community.role'] };
    const file = join(dir, 'changed.tests.json');
    writeFileSync(file, JSON.stringify(suite));
    const r = p135(['pack', 'test', 'example-2021', '--tests', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✗ VD\.2\.2\.b — a village head/m);
    expect(r.stdout).toContain('commune_community.eligible: expected false, got true');
    expect(r.stdout).toContain('commune_community.because: expected ["commune_community.role"], got []');
    expect(r.stdout).toMatch(new RegExp(`^example-2021: ${suite.cases.length - 1} passed, 1 failed$`, 'm'));
  });

  it('reads test vectors written in YAML', () => {
    const dir = tmp();
    const file = join(dir, 'cases.tests.yaml');
    writeFileSync(
      file,
      [
        'pack: example-2021',
        'cases:',
        '  - name: "VD.2.2.b — a village head attends the commune class"',
        '    input: { id: Y-1, name: Người Thử, gender: male, birthYear: 1976, ethnicity: "07", role: village_head,',
        '             district: { code: "180" }, commune: { code: "05998", p135: { listed: true, struckOff: false } } }',
        '    expected:',
        '      commune_community: { eligible: true }',
        '      district_cadre: { eligible: false, because: [district_cadre.role] }',
      ].join('\n'),
    );
    const r = p135(['pack', 'test', 'example-2021', '--tests', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^example-2021: 1 đạt, 0 không đạt$/m);
  });

  it('a test file that cannot be read or is invalid: exit 2, one line naming the place', () => {
    const dir = tmp();
    const broken = join(dir, 'broken.tests.json');
    writeFileSync(broken, '{"pack": "x", "cases": [');
    const r1 = p135(['pack', 'test', 'lang-son-2020', '--tests', broken]);
    expect(r1.code).toBe(2);
    expect(errLines(r1)[0]).toMatch(/^p135: .*broken\.tests\.json: không phải JSON hoặc YAML hợp lệ/);
    const invalid = join(dir, 'invalid.tests.json');
    writeFileSync(invalid, JSON.stringify({ pack: 'lang-son-2020', cases: [{ name: 'x', input: { id: 'a' }, expected: {} }] }));
    const r2 = p135(['pack', 'test', 'lang-son-2020', '--tests', invalid]);
    expect(r2.code).toBe(2);
    expect(errLines(r2)[0]).toContain('invalid.tests.json');
    expect(hasStack(r1.stderr + r2.stderr)).toBe(false);
    const r3 = p135(['pack', 'test', 'lang-son-2020', '--tests', join(dir, 'none.json')]);
    expect(r3.code).toBe(2);
  });
});

describe('p135 pack diff', () => {
  it('lists what the 2021 example changes, in words', () => {
    const r = p135(['pack', 'diff', 'lang-son-2020', 'example-2021', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^lang-son-2020 1\.0\.0 → example-2021 0\.1\.0: \d+ change\(s\)$/m);
    expect(r.stdout).toMatch(/^~ Parameter "commune_community\.days" \(Days per class\): 2 → 3; source KH\.II\.2\.2\.b → VD\.2\.2\.b$/m);
    expect(r.stdout).toMatch(/^~ Parameter "study_tour\.cap_share" .*: 10% → 5%/m);
    expect(r.stdout).toMatch(/^\+ Role "village_head" added \(Village head\)$/m);
    const json = JSON.parse(p135(['pack', 'diff', 'lang-son-2020', 'example-2021', '--format', 'json']).stdout);
    expect(json).toContainEqual(expect.objectContaining({ kind: 'parameter', id: 'budget.total', change: 'changed' }));
  });
  it('nothing between a pack and itself', () => {
    expect(p135(['pack', 'diff', 'lang-son-2020', 'lang-son-2020']).stdout).toMatch(/: 0 thay đổi\n$/);
  });
});

describe('p135 pack init', () => {
  it('writes a pack extending the base and a first test that passes, then validates and tests it', () => {
    const dir = tmp();
    const r = p135(['pack', 'init', 'quang-tri-2021', '--from', 'lang-son-2020', '--year', '2021', '--dir', dir]);
    expect(r.code).toBe(0);
    const pack = JSON.parse(readFileSync(join(dir, 'quang-tri-2021.json'), 'utf8'));
    expect(pack).toMatchObject({ id: 'quang-tri-2021', extends: { pack: 'lang-son-2020' }, meta: { year: 2021, status: 'example' } });
    expect(pack.$schema).toMatch(/pack\.schema\.json$/);
    expect(p135(['pack', 'validate', join(dir, 'quang-tri-2021.json')]).code).toBe(0);
    expect(p135(['pack', 'test', join(dir, 'quang-tri-2021.json')]).code).toBe(0);
  });
  it('does not overwrite files, and refuses an id that is not a pack id', () => {
    const dir = tmp();
    expect(p135(['pack', 'init', 'a-2021', '--dir', dir]).code).toBe(0);
    const again = p135(['pack', 'init', 'a-2021', '--dir', dir]);
    expect(again.code).toBe(2);
    expect(errLines(again)[0]).toMatch(/a-2021\.json đã có; dùng --force để ghi đè/);
    const bad = p135(['pack', 'init', 'Quảng Trị', '--dir', dir]);
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'Quảng Trị.json'))).toBe(false);
  });
});

describe('the 2021 example pack gives different answers where its data differ', () => {
  const dir = tmp();
  const plan = join(dir, 'plan-2021.json');
  writeFileSync(
    plan,
    JSON.stringify({
      classes: [{ id: 'X-1', track: 'commune_community', district: '180', commune: '05998', start: '2021-06-01', end: '2021-06-03', days: '3', trainees: [] }],
      budget: [{ id: 'NS-1', category: 'study_tour', amount: '300000000' }],
      candidates: [],
    }),
  );
  it('a 3-day commune class in June 2021: wrong for Lạng Sơn 2020 (2 days, July–October 2020), right for the example', () => {
    const ls = p135(['plan', 'check', plan, '--format', 'json']);
    const ex = p135(['plan', 'check', plan, '--pack', 'example-2021', '--format', 'json']);
    const ids = (r: { stdout: string }) => (JSON.parse(r.stdout).findings as { ruleId: string }[]).map((f) => f.ruleId);
    expect(ids(ls)).toEqual(expect.arrayContaining(['class.commune_community.days', 'class.commune_community.window']));
    expect(ids(ex)).not.toContain('class.commune_community.days');
    expect(ids(ex)).not.toContain('class.commune_community.window');
    // 300 million of study tours: within 10% of 8,040 million, over 5% of 5,200 million
    expect(ids(ls)).not.toContain('budget.cap.study_tour');
    expect(ids(ex)).toContain('budget.cap.study_tour');
  });
  it('a village head: read by Lạng Sơn 2020 as a non-specialised worker (its vocabulary, an assumption), by the example as its own role; the commune class either way', () => {
    const roster = join(dir, 'truong-thon.csv');
    writeFileSync(roster, 'Mã,Họ và tên,Giới tính,Năm sinh,Dân tộc,Chức vụ,Mã huyện,Mã xã,Xã thuộc CT135\nT-1,Lý Văn Thôn,Nam,1976,Tày,Trưởng thôn,180,05998,Có\n');
    const ls = p135(['decide', roster, '--format', 'json']);
    expect(ls.code).toBe(0);
    const [l] = JSON.parse(ls.stdout);
    expect(l.eligibleTracks).toEqual(['commune_community']);
    const ex = p135(['decide', roster, '--pack', 'example-2021', '--format', 'json']);
    expect(ex.code).toBe(0);
    const [d] = JSON.parse(ex.stdout);
    expect(d.eligibleTracks).toContain('commune_community');
  });
});
