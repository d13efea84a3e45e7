import { describe, expect, it } from 'vitest';
import { checkPlan, createRulebook, type Pack, parsePack, type Plan, type PlanReport } from '../src/index.js';
import { book, editedPack, person } from './helpers.js';
import { smallPlan } from './plans.js';

/**
 * What `checkPlan` says besides each rule's verdict: the words of its findings (places and people
 * by name, the context each scope gives a message), where a plan-level finding points in the
 * budget, how findings are summarised past a limit, the summary's order, the roster of another
 * plan, and the progress and cancelling a long check allows.
 */

const only = (r: PlanReport, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId);

/** The bundled pack with these extra check rules. */
function bookWith(...rules: unknown[]) {
  const parsed = parsePack(editedPack((p) => p.rules.push(...rules)));
  if (!parsed.value) throw new Error(JSON.stringify(parsed.errors));
  return createRulebook(parsed.value);
}
const planRule = (id: string, conditions: unknown) => ({
  id,
  kind: 'check',
  scope: 'plan',
  severity: 'warning',
  clause: 'KH.II.5.1',
  conditions,
  message: { pass: { vi: 'đạt', en: 'met' }, fail: { vi: 'Tổng {budgetTotal|money}', en: 'Total {budgetTotal|money}' } },
});

describe('the words of a finding', () => {
  it('a class finding names the class and its track', async () => {
    const r = await checkPlan(
      book,
      smallPlan((p) => ((p.classes[2] as { days: string }).days = '2')),
    );
    expect(only(r, 'class.district_cadre.days').map((f) => f.message)).toEqual([
      {
        vi: `Lớp H-180 (${book.track('district_cadre')?.label.vi}) học 2 ngày; kế hoạch quy định 3,5 ngày/lớp`,
        en: `Class H-180 (${book.track('district_cadre')?.label.en}) runs 2 days; the plan sets 3.5 days per class`,
      },
    ]);
  });

  it('a study tour finding names the tour', async () => {
    const r = await checkPlan(
      book,
      smallPlan((p) => {
        const tour = p.studyTours?.[0] as { start: string; end: string };
        tour.start = '2020-12-01';
        tour.end = '2020-12-03';
      }),
    );
    expect(only(r, 'study_tour.window')[0]?.message.vi).toMatch(/^Đoàn DOAN-1 \(01\/12\/2020 – 03\/12\/2020\) nằm ngoài thời gian /);
    expect(only(r, 'study_tour.window')[0]?.where).toEqual({ studyTour: 'DOAN-1' });
  });

  it('a district finding names the district as the pack names it, "Huyện" added when the name lacks it', async () => {
    const r = await checkPlan(
      book,
      smallPlan((p) => p.classes.push({ id: 'H-180-2', track: 'district_cadre', district: '180', start: '2020-09-14', end: '2020-09-17', days: '3.5', trainees: [] })),
    );
    const f = only(r, 'district.district_cadre.classes_per_district')[0];
    expect(f?.message.vi).toMatch(/^Huyện Tràng Định \(180\) có số lớp cán bộ cơ sở tại huyện khác 1 lớp dự kiến/);
    expect(f?.where).toEqual({ district: '180', districtName: 'Huyện Tràng Định' });
  });

  it('a place the pack does not list is named from the roster, its kind added, or by its code alone', async () => {
    const noPlaces = createRulebook(
      parsePack(
        editedPack((p) => {
          delete p.places;
        }),
      ).value as Pack,
    );
    const plan = smallPlan((p) => {
      p.classes.push({ id: 'X-2', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-01', end: '2020-10-02', days: '2', trainees: [] });
      p.classes.push({ id: 'X-3', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-03', end: '2020-10-04', days: '2', trainees: [] });
      p.candidates[0] = { ...person({ id: 'a1', role: 'committee_chair', commune: { code: '05998', name: 'Khánh Long', p135: { listed: true, struckOff: false } } }) };
    });
    const named = only(await checkPlan(noPlaces, plan), 'commune.commune_community.classes_max')[0];
    expect(named?.message.vi).toMatch(/^Xã Khánh Long \(05998\) có quá /);
    expect(named?.where).toEqual({ commune: '05998', communeName: 'Khánh Long' });
    const withKind = smallPlan((p) => {
      p.classes.push(...plan.classes.slice(4).map((c) => ({ ...c })));
      p.candidates[0] = { ...person({ id: 'a1', role: 'committee_chair', commune: { code: '05998', name: 'Thị trấn Khánh Long', p135: { listed: true, struckOff: false } } }) };
    });
    expect(only(await checkPlan(noPlaces, withKind), 'commune.commune_community.classes_max')[0]?.message.en).toMatch(/^Thị trấn Khánh Long \(05998\) /);
    const unnamed = smallPlan((p) => p.classes.push(...plan.classes.slice(4).map((c) => ({ ...c }))));
    const bare = only(await checkPlan(noPlaces, unnamed), 'commune.commune_community.classes_max')[0];
    expect(bare?.message).toMatchObject({ vi: expect.stringMatching(/^Xã 05998 có quá /), en: expect.stringMatching(/^Commune 05998 /) });
    expect(bare?.where).toEqual({ commune: '05998' });
  });

  it('the pack’s own names win over the roster’s; without them the roster’s first name is used', async () => {
    const plan = smallPlan((p) => {
      p.classes.push({ id: 'X-2', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-01', end: '2020-10-02', days: '2', trainees: [] });
      p.classes.push({ id: 'X-3', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-03', end: '2020-10-04', days: '2', trainees: [] });
      p.classes.push({ id: 'H-180-2', track: 'district_cadre', district: '180', start: '2020-09-14', end: '2020-09-17', days: '3.5', trainees: [] });
      p.candidates[0] = {
        ...person({
          id: 'a1',
          role: 'committee_chair',
          district: { code: '180', name: 'Tràng Định (cũ)' },
          commune: { code: '05998', name: 'Khánh Long (cũ)', p135: { listed: true, struckOff: false } },
        }),
      };
    });
    const r = await checkPlan(book, plan);
    expect(only(r, 'commune.commune_community.classes_max')[0]?.where).toEqual({ commune: '05998', communeName: 'Xã Khánh Long' });
    expect(only(r, 'district.district_cadre.classes_per_district')[0]?.where).toEqual({ district: '180', districtName: 'Huyện Tràng Định' });
    const noPlaces = createRulebook(parsePack(editedPack((x) => delete x.places)).value as Pack);
    const fromRoster = only(await checkPlan(noPlaces, plan), 'district.district_cadre.classes_per_district')[0];
    expect(fromRoster?.where).toEqual({ district: '180', districtName: 'Tràng Định (cũ)' });
    expect(fromRoster?.message.vi).toMatch(/^Huyện Tràng Định \(cũ\) \(180\) /);
  });

  it('a membership finding names the person and the track; the reasons come only with an eligibility rule', async () => {
    const r = await checkPlan(
      book,
      smallPlan((p) => {
        p.candidates.push({ ...person({ id: 'z1', name: 'Lý Thị Mai', role: 'citizen' }) });
        p.classes[0]?.trainees.push('z1');
      }),
    );
    const f = only(r, 'roster.trainee_eligible.province_cadre')[0];
    expect(f?.message.vi).toBe(`PC-1: Lý Thị Mai (z1) không đúng đối tượng của ${book.track('province_cadre')?.label.vi}`);
    expect(f?.where).toEqual({ class: 'PC-1', trainee: 'z1', traineeName: 'Lý Thị Mai' });
    expect(f?.reasons?.length).toBeGreaterThan(0);
    for (const other of r.findings.filter((x) => !x.ruleId.startsWith('roster.trainee_eligible.'))) expect(other.reasons).toBeUndefined();
    const twice = await checkPlan(
      book,
      smallPlan((p) => p.classes[2]?.trainees.push('a1')),
    );
    const notTwice = only(twice, 'roster.province_trainee_not_in_district_class');
    expect(notTwice.map((x) => x.where.trainee)).toEqual(['a1']);
    expect('reasons' in (notTwice[0] ?? {})).toBe(false);
  });

  it('a person not on the roster is named by id, with no name', async () => {
    const r = await checkPlan(
      book,
      smallPlan((p) => p.classes[0]?.trainees.push('ghost')),
    );
    const f = only(r, 'roster.trainee_known')[0];
    expect(f?.message.vi).toBe('PC-1: học viên ghost không có trong danh sách học viên');
    expect(f?.where).toEqual({ class: 'PC-1', trainee: 'ghost' });
  });
});

describe('where a plan-level finding points in the budget', () => {
  it('a rule on a category points at that category’s lines; one on the total at every line; others at none', async () => {
    const b = bookWith(
      planRule('plan.tours_small', { all: [{ fact: 'categoryTotal', params: { category: 'study_tour' }, operator: 'decimalLessThanInclusive', value: '1' }] }),
      planRule('plan.total_small', { all: [{ fact: 'budgetTotal', operator: 'decimalLessThanInclusive', value: '1' }] }),
    );
    const r = await checkPlan(b, smallPlan());
    expect(only(r, 'plan.tours_small').map((f) => f.where)).toEqual([{ budgetLines: ['NS-2'] }]);
    expect(only(r, 'plan.total_small').map((f) => f.where)).toEqual([{ budgetLines: ['NS-1', 'NS-2'] }]);
    expect(only(r, 'plan.total_small')[0]?.message.vi).toBe('Tổng 7.804.000.000 đ');
    expect(only(r, 'plan.study_tour.delegations').map((f) => f.where)).toEqual([{}]);
  });
});

describe('findings past the limit per rule', () => {
  /** Four trainees not on the roster (of nine: not enough to call it another plan's roster). */
  const fourUnknown = () => smallPlan((p) => p.classes[3]?.trainees.push('U-1', 'U-2', 'U-3', 'U-4'));

  it('one listed, the rest counted in one finding; the summary keeps the first three places', async () => {
    const r = await checkPlan(book, fourUnknown(), { findingsPerRule: 1 });
    expect(only(r, 'roster.trainee_known').map((f) => f.where.trainee ?? 'summary')).toEqual(['U-1', 'summary']);
    expect(only(r, 'roster.trainee_known')[1]?.message.vi).toBe('Quy tắc roster.trainee_known: và 3 trường hợp khác không được liệt kê (chỉ liệt kê 1 trường hợp đầu tiên)');
    const s = r.summary.find((x) => x.ruleId === 'roster.trainee_known');
    expect(s?.count).toBe(4);
    expect(s?.examples.map((w) => w.trainee)).toEqual(['U-1', 'U-2', 'U-3']);
    expect(s?.message.vi).toBe('X-05998-1: học viên U-1 không có trong danh sách học viên');
  });

  it('none listed with a limit of 0, every one counted', async () => {
    const r = await checkPlan(book, fourUnknown(), { findingsPerRule: 0 });
    expect(only(r, 'roster.trainee_known').map((f) => f.message.en)).toEqual(['Rule roster.trainee_known: and 4 more not listed (only the first 0 are)']);
    expect(r.summary.find((x) => x.ruleId === 'roster.trainee_known')?.examples).toHaveLength(3);
    const all = await checkPlan(book, fourUnknown());
    expect(r.errors).toBe(all.errors);
    expect(only(all, 'roster.trainee_known')).toHaveLength(4);
  });

  it('the limit is exactly the count listed: 4 findings with a limit of 4 need no summary', async () => {
    expect(only(await checkPlan(book, fourUnknown(), { findingsPerRule: 4 }), 'roster.trainee_known')).toHaveLength(4);
    expect(only(await checkPlan(book, fourUnknown(), { findingsPerRule: 3 }), 'roster.trainee_known')).toHaveLength(4);
    expect(only(await checkPlan(book, fourUnknown(), { findingsPerRule: -5 }), 'roster.trainee_known')).toHaveLength(1);
  });
});

describe('the summary of a report', () => {
  it('errors first, then the most frequent, then by rule id; budget findings are in it', async () => {
    const r = await checkPlan(
      book,
      smallPlan((p) => {
        p.classes[3]?.trainees.push('U-1', 'U-2');
        p.classes.push({ id: 'H-180-2', track: 'district_cadre', district: '180', start: '2020-09-14', end: '2020-09-17', days: '3.5', trainees: [] });
        (p.budget as { amount: string }[])[1] = { ...(p.budget as { id: string; category: string; amount: string }[])[1], amount: '900000000' } as never;
      }),
    );
    const order = r.summary.map((s) => [s.severity, s.count, s.ruleId] as const);
    const sorted = [...order].sort((a, b) => (a[0] === b[0] ? 0 : a[0] === 'error' ? -1 : 1) || b[1] - a[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    expect(order).toEqual(sorted);
    expect(order[0]).toEqual(['error', 2, 'roster.trainee_known']);
    expect(order.some(([, , id]) => id === 'budget.cap.study_tour')).toBe(true);
    expect(r.summary.filter((s) => s.severity === 'warning').length).toBeGreaterThan(0);
    expect(r.summary.reduce((n, s) => n + (s.severity === 'error' ? s.count : 0), 0)).toBe(r.errors);
  });

  it('counts classes per track, study tours and distinct trainees', async () => {
    const r = await checkPlan(
      book,
      smallPlan((p) => p.classes[3]?.trainees.push('a1')),
    );
    expect(r.counts).toEqual({ classesByTrack: { province_cadre: 1, province_community: 1, district_cadre: 1, commune_community: 1 }, studyTours: 1, trainees: 5 });
  });
});

describe('a roster of another plan', () => {
  const foreignPlan = () =>
    smallPlan((p) => {
      p.classes[3]?.trainees.push('U-1', 'U-2', 'U-3', 'U-4', 'U-5');
      p.studyTours?.[0]?.members.push('U-6');
    });

  it('more than the share missing: one error naming three of them, no finding per trainee, in the summary', async () => {
    const r = await checkPlan(book, foreignPlan());
    const f = only(r, 'roster.not_this_plan');
    expect(f).toHaveLength(1);
    expect(f[0]?.message.vi).toBe(
      'Danh sách học viên không phải của kế hoạch này: 6 trong 11 học viên của kế hoạch không có trong danh sách (hơn 50%; ví dụ: U-1, U-2, U-3). Hãy chọn danh sách học viên mà kế hoạch đã lập theo; các phát hiện từng học viên được bỏ qua',
    );
    expect(f[0]?.clause).toBe(book.pack.rules.find((x) => x.id === 'roster.trainee_known')?.clause);
    expect(r.findings.filter((x) => x.where.trainee !== undefined)).toEqual([]);
    expect(r.summary.find((s) => s.ruleId === 'roster.not_this_plan')?.count).toBe(1);
    expect(r.passed).toBe(false);
  });

  it('exactly the share missing is still this plan’s roster', async () => {
    const r = await checkPlan(
      book,
      smallPlan((p) => p.classes[3]?.trainees.push('U-1', 'U-2', 'U-3', 'U-4', 'U-5')),
    );
    expect(only(r, 'roster.not_this_plan')).toEqual([]);
    expect(only(r, 'roster.trainee_known')).toHaveLength(5);
  });

  it('a pack without the share, or without a rule that trainees be on the roster, never says so', async () => {
    const noShare = createRulebook(parsePack(editedPack((p) => delete p.parameters['roster.foreign_share'])).value as Pack);
    expect(only(await checkPlan(noShare, foreignPlan()), 'roster.not_this_plan')).toEqual([]);
    const noRule = createRulebook(parsePack(editedPack((p) => (p.rules = p.rules.filter((x: { id: string }) => x.id !== 'roster.trainee_known')))).value as Pack);
    expect(only(await checkPlan(noRule, foreignPlan()), 'roster.not_this_plan')).toEqual([]);
  });

  it('a plan with no trainees has no roster to doubt', async () => {
    const empty: Plan = { classes: [], studyTours: [], budget: [] };
    expect(only(await checkPlan(book, empty), 'roster.not_this_plan')).toEqual([]);
  });
});

describe('a long check', () => {
  it('reports progress every chunkSize subjects, up to the total, which counts every subject checked', async () => {
    const plan = smallPlan();
    const calls: [number, number][] = [];
    await checkPlan(book, plan, { chunkSize: 1, onProgress: (done, total) => calls.push([done, total]) });
    const total = calls[0]?.[1] as number;
    // 1 plan + 4 classes + 1 tour + districts + communes + 5 trainees + 1 member
    expect(total).toBeGreaterThanOrEqual(12);
    expect(calls).toEqual([...Array.from({ length: total }, (_, i) => [i + 1, total]), [total, total]]);
    const byTwo: [number, number][] = [];
    await checkPlan(book, plan, { chunkSize: 2, onProgress: (done, t) => byTwo.push([done, t]) });
    expect(byTwo).toEqual([...Array.from({ length: Math.floor(total / 2) }, (_, i) => [2 * (i + 1), total]), [total, total]]);
  });

  it('counts a person listed twice in a class once', async () => {
    const plan = smallPlan();
    const twice: Plan = { ...plan, classes: plan.classes.map((c, i) => (i === 0 ? { ...c, trainees: [...c.trainees, ...c.trainees] } : c)) };
    const totals: number[] = [];
    await checkPlan(book, plan, { chunkSize: 1000, onProgress: (_, t) => totals.push(t) });
    await checkPlan(book, twice, { chunkSize: 1000, onProgress: (_, t) => totals.push(t) });
    expect(totals[0]).toBe(totals[1]);
  });

  it('stops when its signal is aborted, between chunks; without chunks it runs to the end', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(checkPlan(book, smallPlan(), { chunkSize: 1, signal: controller.signal })).rejects.toThrow();
    await expect(checkPlan(book, smallPlan(), { signal: controller.signal })).resolves.toMatchObject({ pack: book.ref });
  });

  it('a pack with no study tour track checks no tour member', async () => {
    const noTours = createRulebook(
      parsePack(
        editedPack((p) => {
          p.tracks = p.tracks.filter((t: { group: string }) => t.group !== 'study_tour');
          p.rules = p.rules.filter(
            (r: { tracks?: string[]; scope?: string; id: string }) => !(r.tracks ?? []).includes('study_tour') && r.scope !== 'study_tour' && r.id !== 'plan.study_tour.delegations',
          );
        }),
      ).value as Pack,
    );
    const r = await checkPlan(
      noTours,
      smallPlan((p) => p.studyTours?.[0]?.members.push('ghost')),
    );
    expect(r.findings.filter((f) => f.where.studyTour !== undefined)).toEqual([]);
  });
});
