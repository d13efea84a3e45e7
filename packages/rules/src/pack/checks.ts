import { FACTS, PARAM_FACT_PREFIX } from '../facts/index.js';
import { findOperator } from '../evaluate/operators.js';
import { placeholders } from '../i18n.js';
import { type Problem, problem, jsonPath, type PathPart } from '../problems.js';
import type { LeafCondition, Pack, Rule, Scope } from '../schemas/pack.js';
import { conditionLeaves } from './conditions.js';
import { MESSAGE_CONTEXT } from '../message-names.js';
import { ETHNIC_GROUPS } from '../reference/ethnic-groups.js';
import { hasOwn, own } from '../own.js';

/**
 * Checks of a pack that its schema cannot express, one small named function each (after
 * changesets' config rules). Each returns the problems it finds; none throws.
 */
export interface PackCheck {
  readonly name: string;
  readonly severity: 'error' | 'warning';
  run(pack: Pack): Problem[];
}

export const scopeOf = (rule: Rule): Scope => (rule.kind === 'check' ? rule.scope : 'candidate');

/** Message ids the package itself uses (ranking, the budget's findings); every pack must define them. */
export const REQUIRED_MESSAGES = ['rank.admitted', 'rank.waiting', 'rank.ineligible', 'rank.tie_break', 'budget.over_ceiling', 'budget.over_cap'] as const;

const forEachLeaf = (pack: Pack, visit: (leaf: LeafCondition, path: PathPart[], rule: Rule) => void) =>
  pack.rules.forEach((rule, i) => {
    for (const { leaf, path } of conditionLeaves(rule.conditions, ['rules', i, 'conditions'])) visit(leaf, [...path], rule);
  });

function duplicates<T>(items: readonly T[], key: (t: T) => string, where: (i: number) => PathPart[], what: string): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) out.push(problem(jsonPath(where(i)), 'pack.duplicate_id', `${what} "${k}" bị trùng`, `duplicate ${what} "${k}"`));
    seen.add(k);
  });
  return out;
}

const clauseIds = (pack: Pack) => new Set(pack.clauses.map((c) => c.id));
const missingClause = (path: PathPart[], id: string) =>
  problem(jsonPath(path), 'pack.unknown_clause', `Điều khoản "${id}" không có trong mục clauses`, `clause "${id}" is not in this pack's clauses: add its text to "clauses" or cite an existing id`);
const missingParam = (path: PathPart[], id: string) =>
  problem(jsonPath(path), 'pack.unknown_parameter', `Tham số "${id}" không có trong mục parameters`, `parameter "${id}" is not defined in "parameters"`);

export const uniqueIds: PackCheck = {
  name: 'uniqueIds',
  severity: 'error',
  run: (pack) => [
    ...duplicates(pack.clauses, (c) => c.id, (i) => ['clauses', i, 'id'], 'clause'),
    ...duplicates(pack.tracks, (t) => t.code, (i) => ['tracks', i, 'code'], 'track'),
    ...duplicates(pack.roles, (r) => r.code, (i) => ['roles', i, 'code'], 'role'),
    ...duplicates(pack.rules, (r) => r.id, (i) => ['rules', i, 'id'], 'rule'),
    ...duplicates(pack.rates, (r) => r.id, (i) => ['rates', i, 'id'], 'rate'),
  ],
};

export const citationsResolve: PackCheck = {
  name: 'citationsResolve',
  severity: 'error',
  run: (pack) => {
    const ids = clauseIds(pack);
    const out: Problem[] = [];
    const cite = (id: string | undefined, path: PathPart[]) => {
      if (id !== undefined && !ids.has(id)) out.push(missingClause(path, id));
    };
    cite(pack.meta.clause, ['meta', 'clause']);
    pack.tracks.forEach((t, i) => cite(t.clause, ['tracks', i, 'clause']));
    for (const [id, p] of Object.entries(pack.parameters)) cite(p.clause, ['parameters', id, 'clause']);
    pack.rules.forEach((r, i) => {
      cite(r.clause, ['rules', i, 'clause']);
      r.see?.forEach((s, j) => cite(s, ['rules', i, 'see', j]));
    });
    pack.budget.caps.forEach((c, i) => cite(c.clause, ['budget', 'caps', i, 'clause']));
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
        if (!codes.has(t)) out.push(problem(jsonPath(['rules', i, 'tracks', j]), 'pack.unknown_track', `Loại lớp "${t}" không có trong mục tracks`, `track "${t}" is not in "tracks" (known: ${[...codes].join(', ')})`));
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
        ? [problem(jsonPath(['rules', i, 'tracks']), 'pack.tracks_not_applicable', `Quy tắc phạm vi "${scopeOf(r)}" không lọc theo loại lớp; hãy ghi loại lớp trong params của fact`, `rules of scope "${scopeOf(r)}" are not filtered by track: remove "tracks" and name the track in the fact's params`)]
        : [],
    ),
};

export const factsAllowed: PackCheck = {
  name: 'factsAllowed',
  severity: 'error',
  run: (pack) => {
    const out: Problem[] = [];
    const trackCodes = new Set(pack.tracks.map((t) => t.code));
    const categories = new Set([...trackCodes, ...pack.budget.caps.map((c) => c.category)]);
    const checkRef = (name: string, scope: Scope, path: PathPart[], args: Record<string, string> | undefined) => {
      if (name.startsWith(PARAM_FACT_PREFIX)) {
        const id = name.slice(PARAM_FACT_PREFIX.length);
        if (!hasOwn(pack.parameters, id)) out.push(missingParam(path, id));
        if (args) out.push(problem(jsonPath([...path.slice(0, -1), 'params']), 'pack.params_on_parameter', 'Tham số không nhận params', 'a parameter takes no params'));
        return;
      }
      const def = FACTS[scope].find((f) => f.name === name);
      if (!def) {
        out.push(problem(jsonPath(path), 'pack.unknown_fact', `Fact "${name}" không dùng được trong phạm vi "${scope}"`, `fact "${name}" is not available in scope "${scope}" (available: ${FACTS[scope].map((f) => f.name).join(', ')}, or "param:<id>")`));
        return;
      }
      const want = def.args ?? {};
      const given = args ?? {};
      for (const k of Object.keys(want)) if (!hasOwn(given, k)) out.push(problem(jsonPath([...path.slice(0, -1), 'params']), 'pack.missing_fact_param', `Fact "${name}" cần params.${k}`, `fact "${name}" needs params.${k}`));
      for (const [k, v] of Object.entries(given)) {
        const kind = own(want, k);
        const at = jsonPath([...path.slice(0, -1), 'params', k]);
        if (!kind) out.push(problem(at, 'pack.unknown_fact_param', `Fact "${name}" không nhận params.${k}`, `fact "${name}" takes no params.${k}`));
        else if (kind === 'param' && !hasOwn(pack.parameters, v)) out.push(missingParam([...path.slice(0, -1), 'params', k], v));
        else if (kind === 'track' && !trackCodes.has(v)) out.push(problem(at, 'pack.unknown_track', `Loại lớp "${v}" không có`, `track "${v}" is not in "tracks"`));
        else if (kind === 'category' && !categories.has(v) && !/^[a-z][a-z0-9_]*$/.test(v)) out.push(problem(at, 'pack.bad_category', `Mục dự toán "${v}" không hợp lệ`, `"${v}" is not a budget category code`));
      }
    };
    forEachLeaf(pack, (leaf, path, rule) => {
      const scope = scopeOf(rule);
      checkRef(leaf.fact, scope, [...path, 'fact'], leaf.params);
      const v = leaf.value;
      if (v && typeof v === 'object' && !Array.isArray(v)) checkRef(v.fact, scope, [...path, 'value', 'fact'], undefined);
    });
    return out;
  },
};

export const operatorsAllowed: PackCheck = {
  name: 'operatorsAllowed',
  severity: 'error',
  run: (pack) => {
    const out: Problem[] = [];
    forEachLeaf(pack, (leaf, path, rule) => {
      const op = findOperator(leaf.operator);
      const at = jsonPath([...path, 'operator']);
      if (!op) {
        out.push(problem(at, 'pack.unknown_operator', `Toán tử "${leaf.operator}" không được phép`, `operator "${leaf.operator}" is not allowed`));
        return;
      }
      const def = FACTS[scopeOf(rule)].find((f) => f.name === leaf.fact);
      if (!def) return;
      if ((def.type === 'money' || def.type === 'decimal') && !op.for.includes('decimal') && op.name !== 'equal' && op.name !== 'notEqual')
        out.push(problem(at, 'pack.float_operator_on_decimal', `Fact "${def.name}" là số thập phân chính xác: dùng toán tử decimal*`, `fact "${def.name}" is an exact decimal: compare it with a decimal* operator, not "${op.name}" (which compares floats)`));
      if (def.type === 'date' && !op.for.includes('date') && !op.for.includes('any'))
        out.push(problem(at, 'pack.operator_type', `Fact "${def.name}" là ngày: dùng dateOnOrAfter hoặc dateOnOrBefore`, `fact "${def.name}" is a date: use dateOnOrAfter or dateOnOrBefore`));
    });
    return out;
  },
};

export const factParamsDefined: PackCheck = {
  name: 'factParamsDefined',
  severity: 'error',
  run: (pack) => {
    const out: Problem[] = [];
    const reported = new Set<string>();
    forEachLeaf(pack, (leaf, path, rule) => {
      const def = FACTS[scopeOf(rule)].find((f) => f.name === leaf.fact);
      for (const id of def?.reads ?? []) {
        if (!hasOwn(pack.parameters, id) && !reported.has(id)) {
          reported.add(id);
          out.push(problem(jsonPath([...path, 'fact']), 'pack.unknown_parameter', `Fact "${leaf.fact}" cần tham số "${id}"`, `fact "${leaf.fact}" reads parameter "${id}", which "parameters" does not define`));
        }
      }
    });
    return out;
  },
};

export const referencedParamsExist: PackCheck = {
  name: 'referencedParamsExist',
  severity: 'error',
  run: (pack) => {
    const out: Problem[] = [];
    const need = (id: string | undefined, path: PathPart[]) => {
      if (id !== undefined && !hasOwn(pack.parameters, id)) out.push(missingParam(path, id));
    };
    pack.rules.forEach((r, i) => {
      if (r.kind === 'priority') {
        need(r.points, ['rules', i, 'points']);
        const p = own(pack.parameters, r.points);
        if (p && typeof p.value !== 'number') out.push(problem(jsonPath(['rules', i, 'points']), 'pack.points_not_integer', 'Điểm ưu tiên phải là số nguyên', 'priority points must be a whole number'));
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

export const parameterValuesFitUnits: PackCheck = {
  name: 'parameterValuesFitUnits',
  severity: 'error',
  run: (pack) => {
    const out: Problem[] = [];
    const roles = new Set(pack.roles.map((r) => r.code));
    const groups = new Set(ETHNIC_GROUPS.map((g) => g.code));
    for (const [id, p] of Object.entries(pack.parameters)) {
      const check = (v: unknown, at: PathPart[]) => {
        const here = (...more: PathPart[]) => jsonPath([...at, ...more]);
        const bad = (vi: string, en: string) => out.push(problem(here(), 'pack.parameter_value', vi, en));
        switch (p.unit) {
          case 'role_codes':
          case 'ethnic_group_codes': {
            if (!Array.isArray(v)) {
              bad('Giá trị phải là danh sách mã', 'the value must be a list of codes');
              break;
            }
            const known = p.unit === 'role_codes' ? roles : groups;
            v.forEach((code, j) => {
              if (!known.has(code)) out.push(problem(here(j), 'pack.unknown_code', `Mã "${code}" không có`, `"${code}" is not a known ${p.unit === 'role_codes' ? 'role code (see "roles")' : 'ethnic group code ("01"–"54")'}`));
            });
            break;
          }
          case 'vnd':
            if (typeof v !== 'string' || !/^(0|[1-9][0-9]{0,17})$/.test(v)) bad('Số tiền là chuỗi chữ số đồng, ví dụ "8040000000"', 'an amount is whole đồng as a string of digits, e.g. "8040000000"');
            break;
          case 'share':
          case 'day':
            if (typeof v !== 'string' || !/^(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$/.test(v)) bad('Giá trị là số thập phân dạng chuỗi, ví dụ "3.5"', 'the value is a decimal as a string, e.g. "3.5"');
            break;
          case 'date':
            if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) bad('Ngày viết YYYY-MM-DD', 'a date is written YYYY-MM-DD');
            break;
          default:
            if (typeof v !== 'number') bad('Giá trị là số nguyên', 'the value is a whole number');
        }
      };
      check(p.value, ['parameters', id, 'value']);
      p.values?.forEach((d, j) => {
        check(d.value, ['parameters', id, 'values', j, 'value']);
        if (d.clause !== undefined && !pack.clauses.some((c) => c.id === d.clause)) out.push(missingClause(['parameters', id, 'values', j, 'clause'], d.clause));
      });
    }
    return out;
  },
};

export const messagePlaceholdersKnown: PackCheck = {
  name: 'messagePlaceholdersKnown',
  severity: 'error',
  run: (pack) => {
    const out: Problem[] = [];
    pack.rules.forEach((r, i) => {
      const scope = scopeOf(r);
      const context: readonly string[] = MESSAGE_CONTEXT[scope];
      for (const side of ['pass', 'fail'] as const) {
        for (const lang of ['vi', 'en'] as const) {
          for (const name of placeholders(r.message[side][lang])) {
            const ok = name.startsWith(PARAM_FACT_PREFIX)
              ? hasOwn(pack.parameters, name.slice(PARAM_FACT_PREFIX.length))
              : FACTS[scope].some((f) => f.name === name && !f.args) || context.includes(name);
            if (!ok) out.push(problem(jsonPath(['rules', i, 'message', side, lang]), 'pack.unknown_placeholder', `Không có giá trị cho {${name}}`, `no value for placeholder {${name}} in scope "${scope}" (use a fact without params, "param:<id>", or one of: ${context.join(', ') || 'none'})`));
          }
        }
      }
    });
    return out;
  },
};

export const requiredMessages: PackCheck = {
  name: 'requiredMessages',
  severity: 'error',
  run: (pack) => [
    ...REQUIRED_MESSAGES.filter((id) => !hasOwn(pack.messages, id)).map((id) =>
      problem(jsonPath(['messages', id]), 'pack.missing_message', `Thiếu thông điệp "${id}"`, `message "${id}" is required (used to explain rankings and budget findings)`),
    ),
    ...pack.budget.caps.flatMap((c, i) =>
      c.message !== undefined && !hasOwn(pack.messages, c.message)
        ? [problem(jsonPath(['budget', 'caps', i, 'message']), 'pack.missing_message', `Thông điệp "${c.message}" không có trong mục messages`, `message "${c.message}" is not in "messages"`)]
        : [],
    ),
  ],
};

export const everyTrackDecided: PackCheck = {
  name: 'everyTrackDecided',
  severity: 'warning',
  run: (pack) =>
    pack.tracks.flatMap((t, i) => {
      const out: Problem[] = [];
      const has = (kind: Rule['kind']) => pack.rules.some((r) => r.kind === kind && r.tracks?.includes(t.code));
      if (!has('eligibility')) out.push(problem(jsonPath(['tracks', i]), 'pack.track_without_eligibility', `Loại lớp "${t.code}" không có quy tắc đối tượng: ai cũng đủ điều kiện`, `track "${t.code}" has no eligibility rule: everyone would be eligible`));
      if (!has('cost')) out.push(problem(jsonPath(['tracks', i]), 'pack.track_without_cost', `Loại lớp "${t.code}" không có quy tắc chi phí`, `track "${t.code}" has no cost rule: who pays stays unknown`));
      return out;
    }),
};

export const PACK_CHECKS: readonly PackCheck[] = [
  uniqueIds,
  citationsResolve,
  ruleTracksExist,
  tracksOnlyWhereMeaningful,
  factsAllowed,
  operatorsAllowed,
  factParamsDefined,
  referencedParamsExist,
  parameterValuesFitUnits,
  messagePlaceholdersKnown,
  requiredMessages,
  everyTrackDecided,
];
