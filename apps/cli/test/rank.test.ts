import { describe, expect, it } from 'vitest';
import { EX, errLines, p135, readCsv } from './helpers.js';

const PLAN = `${EX}/plan.json`;

describe('p135 rank', () => {
  it('ranks a class of the plan: the admitted list then the waiting list', () => {
    const r = p135(['rank', `${EX}/candidates.csv`, '--plan', PLAN, '--class', 'PN-1', '--capacity', '100', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lớp nâng cao năng lực cộng đồng tổ chức tại tỉnh (province_community) · lớp PN-1 · 100 chỗ');
    expect(r.stdout).toContain('Được dự (100):');
    expect(r.stdout).toContain('Danh sách chờ (25):');
    expect(r.stdout).toMatch(/^ {4}1 {2}LS-\d{6} /m);
  });

  it('gives CSV rows with rank, status, points and the explanation; capacity from the track by default', () => {
    const r = p135(['rank', `${EX}/candidates.csv`, '--plan', PLAN, '--class', 'PN-1', '--format', 'csv', '--lang', 'en']);
    const rows = readCsv(r.stdout);
    expect(rows[0]).toEqual(['rank', 'status', 'id', 'full_name', 'priority_points', 'priority_criteria', 'explanation', 'ineligible_reasons']);
    expect(rows.slice(1).filter((x) => x[1] === 'admitted')).toHaveLength(125);
    expect(rows[1]?.[6]).toMatch(/^Place 1 of 125: admitted; 3 priority point\(s\)/);
  });

  it('ranks a whole roster for one track with --track, without a plan', () => {
    const r = p135(['rank', `${EX}/candidates-sample.xlsx`, '--track', 'province_cadre', '--capacity', '20', '--format', 'json']);
    const ranking = JSON.parse(r.stdout) as { admitted: unknown[]; waiting: unknown[]; ineligible: unknown[]; capacity: number };
    expect(ranking.capacity).toBe(20);
    expect(ranking.admitted).toHaveLength(20);
    expect(ranking.waiting).toHaveLength(30);
  });

  it('exits 2 with one line for a missing plan, an unknown class or track', () => {
    for (const [args, text] of [
      [['--class', 'PN-1'], '--class cần --plan'],
      [['--plan', PLAN, '--class', 'XX-9'], 'không có lớp "XX-9"'],
      [['--track', 'nope'], 'lớp "nope" không có; chấp nhận: province_cadre'],
      [[], 'cần --class ID --plan'],
      [['--plan', PLAN, '--class', 'PN-1'], 'không có 125 học viên của lớp PN-1'],
    ] as const) {
      const r = p135(['rank', `${EX}/candidates-sample.xlsx`, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(errLines(r), args.join(' ')).toHaveLength(1);
      expect(errLines(r)[0]).toContain(text);
    }
  });
});
