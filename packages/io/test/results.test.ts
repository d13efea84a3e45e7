import { checkPlan, type Decision, decide, decideSync, parsePlan, rankClass } from '@p135/rules';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetSheet, csvRows, decisionCsvWriter, decisionsSheet, findingsSheet, rankingSheet } from '../src/index.js';
import { decisionColumns, decisionRow } from '../src/results/decisions.js';
import { book, EXAMPLES, exampleCandidates } from './helpers.js';

const byKey = (sheet: { columns: readonly { key: string }[] }, row: readonly unknown[]) => Object.fromEntries(sheet.columns.map((c, i) => [c.key, row[i]]));

describe('result tables', () => {
  it('gives one row per person: eligible yes/no per track, failed reasons with clauses, priority and payers', async () => {
    const people = exampleCandidates().slice(0, 1);
    const d = await decide(book, people[0] as never);
    const sheet = decisionsSheet([d], book, 'vi');
    expect(sheet.columns.slice(0, 4).map((c) => c.header)).toEqual(['Mã', 'Họ và tên', 'Được dự', 'Lớp cán bộ cơ sở xã tổ chức tại tỉnh: được dự']);
    const row = byKey(sheet, sheet.rows[0] as unknown[]);
    expect(row).toMatchObject({
      id: 'LS-000001',
      full_name: 'Mã Đức Hùng',
      province_cadre_eligible: 'Có',
      province_cadre_priority: 0,
      province_cadre_meals: 'Học viên',
      province_community_eligible: 'Không',
    });
    expect(row.province_community_reasons).toMatch(/^KH\.II\.2\.1\.b: /);
    expect(row.province_community_meals).toBeNull();
    const en = decisionsSheet([d], book, 'en');
    expect(en.columns.map((c) => c.header)).toContain('province_cadre_meals_paid_by');
    expect(byKey(en, en.rows[0] as unknown[])).toMatchObject({ province_cadre_eligible: 'yes', eligible_tracks: 'province_cadre; district_cadre', province_cadre_travel: 'trainee' });
  });

  it('lists the admitted, the waiting and the ineligible of a ranking', async () => {
    const ranking = await rankClass(book, exampleCandidates().slice(0, 40), { track: 'province_cadre', capacity: 3 });
    const sheet = rankingSheet(ranking, 'vi');
    const statuses = sheet.rows.map((r) => r[1]);
    expect(statuses.slice(0, 3)).toEqual(['Được dự', 'Được dự', 'Được dự']);
    expect(statuses).toContain('Danh sách chờ');
    expect(sheet.rows.length).toBe(40);
  });

  it('puts the plan findings and the budget summary, money as money cells', async () => {
    const plan = parsePlan(JSON.parse(readFileSync(`${EXAMPLES}plan.json`, 'utf8')), book);
    if (!plan.value) throw new Error('plan');
    const report = await checkPlan(book, plan.value, { candidates: exampleCandidates() });
    const budget = budgetSheet(report, book, 'vi');
    expect(budget.rows[0]).toEqual(['Tổng dự toán', null, { money: '7980000000' }, { money: '8040000000' }, null, 'Có', 'KH.II.5.1']);
    expect(budget.rows.at(-1)).toEqual(['Giới hạn: Đoàn trao đổi, học tập kinh nghiệm', 'study_tour', { money: '780000000' }, { money: '804000000' }, '10%', 'Có', 'KH.II.5.2.c']);
    expect(findingsSheet(report, 'en').columns.map((c) => c.header)).toEqual([
      'severity',
      'clause',
      'rule',
      'class',
      'study_tour',
      'trainee',
      'trainee_name',
      'role',
      'district',
      'district_name',
      'commune',
      'commune_name',
      'budget_lines',
      'message',
      'reasons',
    ]);
  });

  it("names each finding's trainee, their role, and the district and commune by code and name — not only ids", async () => {
    const parsed = parsePlan(JSON.parse(readFileSync(`${EXAMPLES}plan.json`, 'utf8')), book);
    if (!parsed.value) throw new Error('plan');
    const people = exampleCandidates();
    // a community member put in a province cadre class: not eligible for it
    const worker = people.find((c) => c.role === 'non_specialised_worker');
    if (!worker) throw new Error('no worker in the example');
    const first = parsed.value.classes.findIndex((c) => c.track === 'province_cadre');
    const classes = parsed.value.classes.map((c, i) => (i === first ? { ...c, trainees: [...c.trainees, worker.id] } : c));
    const report = await checkPlan(book, { ...parsed.value, classes }, { candidates: people });
    const vi = findingsSheet(report, 'vi', { book, candidates: people });
    expect(vi.columns.map((c) => c.header).slice(3, 12)).toEqual(['Lớp', 'Đoàn', 'Mã học viên', 'Họ và tên', 'Chức vụ', 'Mã huyện', 'Huyện', 'Mã xã', 'Xã']);
    const rows = vi.rows.map((r) => byKey(vi, r as unknown[])).filter((r) => r.trainee === worker.id);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatchObject({
        trainee_name: worker.name,
        role: book.pack.roles.find((r) => r.code === 'non_specialised_worker')?.label.vi,
        district: worker.district.code,
        district_name: worker.district.name,
        commune: worker.commune.code,
        commune_name: worker.commune.name,
      });
    expect(worker.commune.name).toMatch(/^Xã |^Thị trấn /);
    // without the people, the finding's own names (from the roster the check was given) are kept
    const bare = findingsSheet(report, 'en');
    const row = byKey(bare, bare.rows.find((r) => r[5] === worker.id) as unknown[]);
    expect(row.trainee_name).toBe(worker.name);
  });
});

describe('decisions as CSV a row at a time, in pieces', () => {
  const people = exampleCandidates().slice(0, 3000);
  const decisions = people.map((c) => decideSync(book, c));
  // one decision whose tracks are not shared (built for this person), one with a track missing
  const own: Decision = JSON.parse(JSON.stringify(decisions[0]));
  const partial: Decision = { ...own, candidateId: 'X-1', name: '=cmd|"/c calc"', tracks: own.tracks.slice(1) };

  it.each([
    ['vi', ','],
    ['en', ','],
    ['vi', ';'],
  ] as const)('joined, the pieces are exactly the whole table’s row (%s, "%s")', (lang, delimiter) => {
    const whole = csvRows(decisionColumns(book, lang), { delimiter });
    const writer = decisionCsvWriter(book, lang, { delimiter });
    expect(writer.start).toBe(whole.start);
    for (const d of [...decisions, own, partial]) {
      let line = '';
      writer.row(d, (piece) => {
        line += piece;
      });
      expect(line).toBe(whole.row(decisionRow(d, book, lang)));
    }
  });

  it('the writer leaves the decisions as they were: nothing added, nothing changed (they may be shared and frozen)', () => {
    const writer = decisionCsvWriter(book, 'en');
    const before = JSON.stringify(decisions.slice(0, 50));
    const keys = decisions.slice(0, 50).map((d) => [Reflect.ownKeys(d).length, Reflect.ownKeys(d.tracks).length]);
    for (const d of decisions.slice(0, 50)) writer.row(d, () => {});
    expect(JSON.stringify(decisions.slice(0, 50))).toBe(before);
    expect(decisions.slice(0, 50).map((d) => [Reflect.ownKeys(d).length, Reflect.ownKeys(d.tracks).length])).toEqual(keys);
  });

  it('a shared piece recurs as the very same text; the person’s own cells (id, name) are never shared', () => {
    const writer = decisionCsvWriter(book, 'vi');
    const seen = new Map<string, number>();
    const texts = new WeakMap<object, string>();
    let own = 0;
    for (const d of decisions) {
      writer.row(d, (piece, sharedBy) => {
        if (sharedBy) {
          seen.set(piece, (seen.get(piece) ?? 0) + 1);
          // the same object stands for the same text
          const before = texts.get(sharedBy);
          if (before !== undefined) expect(before).toBe(piece);
          texts.set(sharedBy, piece);
        } else {
          own++;
          expect(piece.startsWith(`${d.candidateId},`)).toBe(true);
        }
      });
    }
    expect(own).toBe(decisions.length);
    // 3,000 people: every row's rest is shared, a few hundred distinct texts, each used many times
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(decisions.length);
    expect(seen.size).toBeLessThan(decisions.length / 4);
  });
});
