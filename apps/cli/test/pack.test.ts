import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EX, errLines, exampleJson, p135, ROOT, tmp } from './helpers.js';

const PACK = join(ROOT, 'packages/rules/packs/lang-son-2020.json');
const dir = tmp();

describe('p135 pack', () => {
  it('lists the bundled packs', () => {
    const r = p135(['pack', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^lang-son-2020\* +1\.0\.0 +Kế hoạch thực hiện/m);
    expect(JSON.parse(p135(['pack', 'list', '--format', 'json']).stdout)).toContainEqual(expect.objectContaining({ id: 'lang-son-2020', default: true }));
  });

  it('shows the parameters with their sources and the rules', () => {
    const r = p135(['pack', 'show']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^budget\.total +KH\.II\.5\.1 +8\.040\.000\.000 đ$/m);
    expect(r.stdout).toMatch(/^study_tour\.cap_share +KH\.II\.5\.2\.c +10%$/m);
    expect(r.stdout).toMatch(/^prior_training\.from_year +giả định +2017$/m);
    expect(r.stdout).toMatch(/^province_cadre\.role +eligibility +KH\.II\.2\.1\.a$/m);
    expect(JSON.parse(p135(['pack', 'show', PACK, '--format', 'json']).stdout).id).toBe('lang-son-2020');
  });

  it('reads dated parameters on the day asked (--as-of): the 2021 example budget is 5,000 million until 30/6/2021 and 5,200 million from 1/7 (VD.5), every value shown', () => {
    const before = p135(['pack', 'show', 'example-2021', '--as-of', '2021-06-30']);
    const after = p135(['pack', 'show', 'example-2021', '--as-of', '2021-07-01']);
    expect(before.stdout).toContain('giá trị tại ngày 2021-06-30');
    expect(before.stdout).toMatch(/^budget\.total +VD\.5 +5\.000\.000\.000 đ — ban đầu/m);
    expect(after.stdout).toMatch(/^budget\.total +VD\.5 +5\.200\.000\.000 đ — ban đầu/m);
    expect(after.stdout.replace(/\s+/g, ' ')).toContain('ban đầu 5.000.000.000 đ; từ 2021-07-01: 5.200.000.000 đ (VD.5)');
    // without --as-of: the last day of the plan year
    expect(p135(['pack', 'show', 'example-2021']).stdout).toContain('giá trị tại ngày 2021-12-31');
  });

  it('shows which roles may enter which track, read from the rules (KH.II.2.1.a: commune leaders at the province; civil servants at the district)', () => {
    const r = p135(['pack', 'matrix']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Chủ tịch Ủy ban nhân dân xã +\? +✗ +\? +✗ +\?$/m);
    expect(r.stdout).toMatch(/^Trưởng Công an xã +✗ +✗ +\? +✗ +\?$/m);
    expect(r.stdout).toContain('province_cadre.role (KH.II.2.1.a)');
    const json = JSON.parse(p135(['pack', 'matrix', '--format', 'json']).stdout);
    expect(json.pack.id).toBe('lang-son-2020');
    const chair = json.roles.find((x: { role: string }) => x.role === 'committee_chair');
    expect(chair.cells[0]).toMatchObject({ track: 'province_cadre', status: 'depends' });
    expect(chair.cells[3].closedBy.map((c: { ruleId: string }) => c.ruleId)).toEqual(['commune_community.role', 'commune_community.not_cadre_or_civil_servant']);
  });

  it('refuses a day that does not exist, on every command, in Vietnamese then English', () => {
    for (const args of [
      ['pack', 'show', '--as-of', '2021-02-30'],
      ['decide', join(EX, 'candidates-sample.xlsx'), '--as-of', '2021-13-01'],
      ['plan', 'check', join(EX, 'plan.json'), '--as-of', '1/7/2021'],
    ]) {
      const r = p135(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('ngày không tồn tại hoặc không viết dạng YYYY-MM-DD');
      expect(r.stderr).toContain('not a day of the calendar as YYYY-MM-DD');
    }
  });

  it('validates a pack file: 0 when valid, 1 when it has problems, 2 when it cannot be read', () => {
    expect(p135(['pack', 'validate', PACK]).stdout).toMatch(/^✓ .*lang-son-2020\.json: hợp lệ \(lang-son-2020 1\.0\.0, \d+ quy tắc/);
    const pack = exampleJson<{ rules: { fact?: string; conditions: { all?: { fact: string }[] } }[] }>('../../packages/rules/packs/lang-son-2020.json');
    (pack.rules[1]?.conditions.all?.[0] as { fact: string }).fact = 'salary';
    writeFileSync(join(dir, 'bad-fact.json'), JSON.stringify(pack));
    const invalid = p135(['pack', 'validate', join(dir, 'bad-fact.json')]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('$.rules[1].conditions.all[0].fact');
    writeFileSync(join(dir, 'broken.json'), '{"format": 1,');
    const broken = p135(['pack', 'validate', join(dir, 'broken.json')]);
    expect(broken.code).toBe(2);
    expect(errLines(broken)).toHaveLength(1);
    expect(p135(['pack', 'validate', join(dir, 'nope.json')]).code).toBe(2);
  });

  it('takes --pack ID or FILE on every command', () => {
    copyFileSync(PACK, join(dir, 'my-pack.json'));
    const file = p135(['decide', `${EX}/candidates-sample.xlsx`, '--format', 'json', '--pack', join(dir, 'my-pack.json')]);
    expect(file.code).toBe(0);
    expect(JSON.parse(file.stdout)[0].pack.id).toBe('lang-son-2020');
    const unknown = p135(['decide', `${EX}/candidates-sample.xlsx`, '--pack', 'ha-giang-2021']);
    expect(unknown.code).toBe(2);
    expect(errLines(unknown)).toEqual(['p135: Không có bộ quy tắc "ha-giang-2021"; có sẵn: lang-son-2020, example-2021, hoặc đường dẫn tới tệp .json']);
    const invalid = p135(['plan', 'check', `${EX}/plan.json`, '--pack', join(dir, 'bad-fact.json')]);
    expect(invalid.code).toBe(2);
    expect(errLines(invalid)[0]).toContain('bad-fact.json $.rules[1].conditions.all[0].fact');
  });
});
