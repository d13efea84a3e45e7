/**
 * A second province end to end, as docs/packs.md walks it: `pack init` for Cao Bằng 2021 with the
 * province's places, the data edits of examples/cao-bang-2021/edits.json merged in (nothing else),
 * then validate, test, decide and check a plan with the result. The merged pack is the committed
 * fixture examples/cao-bang-2021/cao-bang-2021.json (the API and web tests load it), so the fixture
 * is what these commands make. P135_WRITE_FIXTURE=1 rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { p135, ROOT, rosterCsv, tmp } from './helpers.js';

const CB = join(ROOT, 'examples/cao-bang-2021');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** Objects merged key by key; anything else (a list, a value) replaced. */
function merge(into: Record<string, unknown>, edits: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...into };
  for (const [k, v] of Object.entries(edits)) {
    const cur = out[k];
    const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
    out[k] = isObj(cur) && isObj(v) ? merge(cur, v) : v;
  }
  return out;
}

describe('a second province (Cao Bằng-like, 2021) from pack init and data edits only', () => {
  const dir = tmp();
  const packFile = join(dir, 'cao-bang-2021.json');

  it('pack init writes the province, the year and its places; the edits merged in give the committed fixture', () => {
    const r = p135(['pack', 'init', 'cao-bang-2021', '--from', 'lang-son-2020', '--year', '2021', '--province', '04:Tỉnh Cao Bằng', '--places', join(CB, 'places.json'), '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    const { $schema: _, ...made } = read(packFile);
    expect(made.meta).toMatchObject({ year: 2021, province: { code: '04', name: 'Tỉnh Cao Bằng' } });
    expect(made.places.districts.map((d: { code: string }) => d.code)).toEqual(['040', '042', '047', '053']);
    const edited = merge(made, read(join(CB, 'edits.json')));
    writeFileSync(packFile, `${JSON.stringify(edited, null, 2)}\n`);
    const fixture = join(CB, 'cao-bang-2021.json');
    if (process.env.P135_WRITE_FIXTURE === '1') {
      writeFileSync(fixture, `${JSON.stringify(edited, null, 2)}\n`);
      writeFileSync(join(CB, 'cao-bang-2021.tests.json'), readFileSync(join(dir, 'cao-bang-2021.tests.json')));
    }
    expect(edited).toEqual(read(fixture));
  });

  it('validates, with a warning for each inherited clause that still states 2020 or 8.040 triệu', () => {
    const r = p135(['pack', 'validate', packFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ .*cao-bang-2021\.json: hợp lệ \(cao-bang-2021 0\.1\.0/);
    expect(r.stdout).toMatch(/\$\.clauses\.replace\[\d+\]\.text: Điều khoản KH\.II\.5\.1 kế thừa còn nêu 2020, budget\.total = 8040000000/);
    expect(r.stdout).not.toContain('places_other_province');
    expect(r.stdout).not.toContain('không phải của Tỉnh Cao Bằng');
  });

  it('its first test passes', () => {
    const r = p135(['pack', 'test', packFile]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^cao-bang-2021: 1 đạt, 0 không đạt$/m);
  });

  it('decides a person of a Cao Bằng commune with the 2021 pack', () => {
    const roster = join(dir, 'cb.csv');
    writeFileSync(roster, rosterCsv('CB-1,Nông Thị Hoa,Nữ,1985,Tày,Chủ tịch UBND xã,042,01293,Có'));
    const r = p135(['decide', roster, '--pack', packFile, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const d = (Array.isArray(out) ? out[0] : (out.decisions?.[0] ?? out.results?.[0])) as { pack: { id: string }; tracks: { track: string; eligible: boolean }[] };
    expect(d.pack.id).toBe('cao-bang-2021');
    expect(d.tracks.find((t) => t.track === 'province_cadre')?.eligible).toBe(true);
    // The roster gives codes only: explain names the place with the pack's places.
    const explained = p135(['explain', roster, '--id', 'CB-1', '--pack', packFile]);
    expect(explained.stdout).toContain('Nơi: Xã Đức Hạnh (01293), Huyện Bảo Lâm (042)');
  });

  it("checks a 2021 plan: a 3-day commune class in August 2021 is right, and findings name the pack's communes", () => {
    const plan = join(dir, 'plan.json');
    writeFileSync(
      plan,
      JSON.stringify({
        classes: [
          { id: 'X-1', track: 'commune_community', district: '042', commune: '01293', start: '2021-08-02', end: '2021-08-04', days: '3', trainees: [] },
          { id: 'X-2', track: 'commune_community', district: '042', commune: '01293', start: '2021-08-09', end: '2021-08-11', days: '3', trainees: [] },
          { id: 'X-3', track: 'commune_community', district: '042', commune: '01293', start: '2021-08-16', end: '2021-08-18', days: '3', trainees: [] },
        ],
        budget: [],
        candidates: [],
      }),
    );
    const r = p135(['plan', 'check', plan, '--pack', packFile, '--format', 'json']);
    const findings = JSON.parse(r.stdout).findings as { ruleId: string; where: { communeName?: string } }[];
    const ids = findings.map((f) => f.ruleId);
    expect(ids).not.toContain('class.commune_community.days');
    expect(ids).not.toContain('class.commune_community.window');
    expect(findings.find((f) => f.ruleId === 'commune.commune_community.classes_max')?.where.communeName).toBe('Xã Đức Hạnh');
  });
});
