import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/text/width.js';
import { EX, errLines, exampleJson, p135 } from './helpers.js';

interface PackJson {
  clauses: { id: string; text: { vi: string; en: string } }[];
}
const pack = exampleJson<PackJson>('../../packages/rules/packs/lang-son-2020.json');
const clause = (id: string) => pack.clauses.find((c) => c.id === id) as PackJson['clauses'][number];
const squash = (s: string) => s.replace(/[\s│]+/g, ' ');

describe('p135 explain', () => {
  it('prints every rule that held or failed, its clause id, its message and the clause text (vi)', () => {
    const r = p135(['explain', `${EX}/candidates.csv`, '--id', 'LS-016243']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^LS-016243 · Mã Thị Phượng$/m);
    expect(r.stdout).toContain('[1] Lớp cán bộ cơ sở xã tổ chức tại tỉnh — KHÔNG ĐƯỢC DỰ');
    expect(r.stdout).toContain('✓ scope.program_area · KH.II.1');
    expect(r.stdout).toContain('✗ province_cadre.role · KH.II.2.1.a');
    expect(r.stdout).toContain('✗ province_cadre.not_trained_at_province · KH.II.2.1.a');
    expect(squash(r.stdout)).toContain(squash(clause('KH.II.2.1.a').text.vi));
    expect(squash(r.stdout)).toContain(squash(clause('KH.II.1').text.vi));
    for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('shows priority, cost rules and the English clause text with --lang en', () => {
    const r = p135(['explain', `${EX}/candidates.csv`, '--id', 'LS-000001', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[1] Province-level class for commune cadres — ELIGIBLE');
    expect(r.stdout).toContain('Costs: trainee pays meals, lodging, travel');
    expect(r.stdout).toContain('✓ cost.cadre_group_self_funded · KH.II.5.2.a');
    expect(squash(r.stdout)).toContain(squash(clause('KH.II.5.2.a').text.en));
  });

  it('gives JSON with the decision, its condition traces and the clauses it cites', () => {
    const r = p135(['explain', `${EX}/candidates-sample.xlsx`, '--id', 'LS-000002', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { candidate: { id: string }; decision: { tracks: { satisfied: { trace?: unknown }[] }[] }; clauses: { id: string }[] };
    expect(out.candidate.id).toBe('LS-000002');
    expect(out.decision.tracks[0]?.satisfied[0]?.trace).toBeDefined();
    expect(out.clauses.map((c) => c.id)).toContain('KH.II.1');
  });

  it('says, for each track the person may not attend, what would change the answer (their commune recognised complete: KH.I)', () => {
    const r = p135(['explain', join(EX, 'candidates.csv'), '--id', 'LS-016363']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('→ Sẽ được dự nếu xã chưa được công nhận hoàn thành mục tiêu của Chương trình 135 (Quyết định 1747/QĐ-TTg)');
    const json = JSON.parse(p135(['explain', join(EX, 'candidates.csv'), '--id', 'LS-016363', '--format', 'json']).stdout);
    expect(json.whatWouldChange.find((w: { track: string }) => w.track === 'district_cadre').options).toEqual([[expect.objectContaining({ fact: 'communeStruckOff', to: false })]]);
  });

  it('exits 2 with one line when the id is not in the file', () => {
    const r = p135(['explain', `${EX}/candidates-sample.xlsx`, '--id', 'LS-999999']);
    expect(r.code).toBe(2);
    expect(errLines(r)).toEqual([expect.stringMatching(/^p135: .*candidates-sample\.xlsx: không có người có mã "LS-999999"$/)]);
    expect(p135(['explain', `${EX}/candidates-sample.xlsx`]).code).toBe(2);
  });
});
