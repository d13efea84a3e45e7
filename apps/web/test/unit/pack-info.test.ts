import { describe, expect, it } from 'vitest';
import { paramsOfRule, plannedCountParam, rulesByClause, tracksWithPriority } from '../../src/lib/pack-info';
import { formatParamValue } from '../../src/lib/param-format';
import { ALL_RULES, isFiltering, ruleMatches } from '../../src/lib/rule-filter';
import { book, exampleBook } from './helpers';

describe('reading a pack for display', () => {
  it('finds the parameters a rule names: in conditions, as points, in messages', () => {
    expect(paramsOfRule(book.rule('province_cadre.role')!)).toEqual(['roles.commune_cadre']);
    expect(paramsOfRule(book.rule('province_cadre.not_trained_at_province')!)).toEqual(['prior_training.from_year']);
    expect(paramsOfRule(book.rule('priority.woman')!)).toContain('priority.points_per_criterion');
    for (const r of book.pack.rules) for (const id of paramsOfRule(r)) expect(book.pack.parameters[id], `${r.id} → ${id}`).toBeDefined();
  });

  it('groups every rule under its clause, and knows which tracks have priority', () => {
    const byClause = rulesByClause(book.pack);
    expect([...byClause.values()].flat()).toHaveLength(book.pack.rules.length);
    expect([...tracksWithPriority(book.pack)].sort()).toEqual(['commune_community', 'province_community']);
  });

  it("finds each track's planned number of classes or delegations", () => {
    const counts = book.tracks.map((t) => [t.code, plannedCountParam(book.pack, t)?.id]);
    expect(counts).toEqual([
      ['province_cadre', 'province_cadre.class_count'],
      ['province_community', 'province_community.class_count'],
      ['district_cadre', 'district_cadre.class_count'],
      ['commune_community', 'commune_community.class_count'],
      ['study_tour', 'study_tour.delegations'],
    ]);
    expect(exampleBook.params['commune_community.class_count']).toBe(150);
  });

  it('writes parameter values in the language: money, shares, days, dates, years, role names', () => {
    const p = book.pack.parameters;
    const f = (id: string, lang: 'vi' | 'en') => formatParamValue(p[id]!.value, p[id]!.unit, book.pack, lang);
    expect(f('budget.total', 'vi')).toBe('8.040.000.000 đ');
    expect(f('budget.total', 'en')).toBe('8,040,000,000 VND');
    expect(f('study_tour.cap_share', 'vi')).toBe('10%');
    expect(f('province_cadre.days', 'vi')).toBe('3,5 ngày');
    expect(f('province_cadre.days', 'en')).toBe('3.5 days');
    expect(f('province_cadre.window_start', 'vi')).toBe('01/07/2020');
    expect(f('plan.year', 'vi')).toBe('2020');
    expect(f('roles.study_tour_citizen', 'vi')).toBe('Người dân tiêu biểu, có thành tích xuất sắc');
    expect(f('priority.small_minority_groups', 'vi').startsWith('Tày, Thái')).toBe(true);
  });

  it('filters rules by kind, track and words (either language, no diacritics needed)', () => {
    expect(isFiltering(ALL_RULES)).toBe(false);
    const all = book.pack.rules.filter((r) => ruleMatches(r, ALL_RULES));
    expect(all).toHaveLength(book.pack.rules.length);
    const cost = book.pack.rules.filter((r) => ruleMatches(r, { ...ALL_RULES, kind: 'cost' }));
    expect(cost.map((r) => r.id)).toEqual(['cost.cadre_group_self_funded', 'cost.community_group_covered', 'cost.study_tour_covered']);
    expect(book.pack.rules.filter((r) => ruleMatches(r, { ...ALL_RULES, text: 'tham quan hoc tap' })).length).toBeGreaterThan(0);
    expect(book.pack.rules.filter((r) => ruleMatches(r, { ...ALL_RULES, track: 'study_tour', kind: 'eligibility' })).map((r) => r.id)).toEqual([
      'scope.program_area',
      'study_tour.role',
      'study_tour.attended_class_this_year',
    ]);
  });
});
