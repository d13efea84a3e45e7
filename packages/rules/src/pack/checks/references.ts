import { type Problem, problem, jsonPath } from '../../problems.js';
import type { Rule, Scope } from '../../schemas/pack.js';
import { hasOwn, own } from '../../own.js';
import { suggestion } from '../../suggest.js';
import { clauseIds, duplicates, missingClause, missingParam, type PackCheck, scopeOf } from './common.js';
import type { PathPart } from '../../problems.js';

/** Ids are unique, and every id a pack names (clause, track, parameter) is one it defines. */
export const uniqueIds: PackCheck = {
  name: 'uniqueIds',
  severity: 'error',
  run: (pack) => [
    ...duplicates(
      pack.clauses,
      (c) => c.id,
      (i) => ['clauses', i, 'id'],
      { vi: 'Điều khoản', en: 'clause' },
    ),
    ...duplicates(
      pack.tracks,
      (t) => t.code,
      (i) => ['tracks', i, 'code'],
      { vi: 'Loại lớp', en: 'track' },
    ),
    ...duplicates(
      pack.roles,
      (r) => r.code,
      (i) => ['roles', i, 'code'],
      { vi: 'Chức vụ', en: 'role' },
    ),
    ...duplicates(
      pack.rules,
      (r) => r.id,
      (i) => ['rules', i, 'id'],
      { vi: 'Quy tắc', en: 'rule' },
    ),
    ...duplicates(
      pack.rates,
      (r) => r.id,
      (i) => ['rates', i, 'id'],
      { vi: 'Định mức', en: 'rate' },
    ),
  ],
};

export const citationsResolve: PackCheck = {
  name: 'citationsResolve',
  severity: 'error',
  run: (pack) => {
    const ids = clauseIds(pack);
    const out: Problem[] = [];
    const cite = (id: string | undefined, path: PathPart[]) => {
      if (id !== undefined && !ids.has(id)) out.push(missingClause(path, id, pack));
    };
    cite(pack.meta.clause, ['meta', 'clause']);
    pack.tracks.forEach((t, i) => cite(t.clause, ['tracks', i, 'clause']));
    for (const [id, p] of Object.entries(pack.parameters)) cite(p.clause, ['parameters', id, 'clause']);
    pack.rules.forEach((r, i) => {
      cite(r.clause, ['rules', i, 'clause']);
      r.see?.forEach((s, j) => cite(s, ['rules', i, 'see', j]));
    });
    pack.budget.caps.forEach((c, i) => cite(c.clause, ['budget', 'caps', i, 'clause']));
    pack.disabled?.forEach((d, i) => cite(d.clause, ['disabled', i, 'clause']));
    return out;
  },
};

export const ruleTracksExist: PackCheck = {
  name: 'ruleTracksExist',
  severity: 'error',
  run: (pack) => {
    const codes = new Set(pack.tracks.map((t) => t.code));
    const out: Problem[] = [];
    pack.rules.forEach((r, i) =>
      r.tracks?.forEach((t, j) => {
        if (codes.has(t)) return;
        const hint = suggestion(t, [...codes]);
        out.push(problem(jsonPath(['rules', i, 'tracks', j]), 'pack.unknown_track', `Loại lớp "${t}" không có trong mục tracks.${hint.vi}`, `track "${t}" is not in "tracks".${hint.en}`));
      }),
    );
    return out;
  },
};

const TRACKED_SCOPES: readonly Scope[] = ['candidate', 'class', 'study_tour', 'membership'];

export const tracksOnlyWhereMeaningful: PackCheck = {
  name: 'tracksOnlyWhereMeaningful',
  severity: 'error',
  run: (pack) =>
    pack.rules.flatMap((r, i) =>
      r.tracks && !TRACKED_SCOPES.includes(scopeOf(r))
        ? [
            problem(
              jsonPath(['rules', i, 'tracks']),
              'pack.tracks_not_applicable',
              `Quy tắc phạm vi "${scopeOf(r)}" không lọc theo loại lớp; hãy ghi loại lớp trong params của fact`,
              `rules of scope "${scopeOf(r)}" are not filtered by track: remove "tracks" and name the track in the fact's params`,
            ),
          ]
        : [],
    ),
};

export const referencedParamsExist: PackCheck = {
  name: 'referencedParamsExist',
  severity: 'error',
  run: (pack) => {
    const out: Problem[] = [];
    const need = (id: string | undefined, path: PathPart[]) => {
      if (id !== undefined && !hasOwn(pack.parameters, id)) out.push(missingParam(path, id, pack));
    };
    pack.rules.forEach((r, i) => {
      if (r.kind === 'priority') {
        need(r.points, ['rules', i, 'points']);
        const p = own(pack.parameters, r.points);
        if (p && typeof p.value !== 'number')
          out.push(problem(jsonPath(['rules', i, 'points']), 'pack.points_not_integer', 'Điểm ưu tiên phải là số nguyên', 'priority points must be a whole number'));
      }
    });
    pack.tracks.forEach((t, i) => {
      need(t.sizeParam, ['tracks', i, 'sizeParam']);
      need(t.countParam, ['tracks', i, 'countParam']);
    });
    need(pack.budget.ceiling, ['budget', 'ceiling']);
    pack.budget.caps.forEach((c, i) => {
      need(c.share, ['budget', 'caps', i, 'share']);
      need(c.of, ['budget', 'caps', i, 'of']);
    });
    return out;
  },
};

export const everyTrackDecided: PackCheck = {
  name: 'everyTrackDecided',
  severity: 'warning',
  run: (pack) =>
    pack.tracks.flatMap((t, i) => {
      const out: Problem[] = [];
      const has = (kind: Rule['kind']) => pack.rules.some((r) => r.kind === kind && r.tracks?.includes(t.code));
      if (!has('eligibility'))
        out.push(
          problem(
            jsonPath(['tracks', i]),
            'pack.track_without_eligibility',
            `Loại lớp "${t.code}" không có quy tắc đối tượng: ai cũng đủ điều kiện`,
            `track "${t.code}" has no eligibility rule: everyone would be eligible`,
          ),
        );
      if (!has('cost'))
        out.push(problem(jsonPath(['tracks', i]), 'pack.track_without_cost', `Loại lớp "${t.code}" không có quy tắc chi phí`, `track "${t.code}" has no cost rule: who pays stays unknown`));
      return out;
    }),
};
