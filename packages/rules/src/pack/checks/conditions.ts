import { FACTS, PARAM_FACT_PREFIX } from '../../facts/index.js';
import { type Problem, problem, jsonPath, type PathPart } from '../../problems.js';
import { hasOwn, own } from '../../own.js';
import type { Scope } from '../../schemas/pack.js';
import { suggestion } from '../../suggest.js';
import { findOperator, OPERATORS } from '../../evaluate/operators.js';
import { forEachLeaf, missingParam, type PackCheck, scopeOf } from './common.js';

/** What a rule's conditions may name: facts of its scope (with their params), parameters, operators. */
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
        if (!hasOwn(pack.parameters, id)) out.push(missingParam(path, id, pack));
        if (args) out.push(problem(jsonPath([...path.slice(0, -1), 'params']), 'pack.params_on_parameter', 'Tham số không nhận params', 'a parameter takes no params'));
        return;
      }
      const def = FACTS[scope].find((f) => f.name === name);
      if (!def) {
        const hint = suggestion(name, [...FACTS[scope].map((f) => f.name), 'param:<id>'], 60);
        out.push(problem(jsonPath(path), 'pack.unknown_fact', `Fact "${name}" không dùng được trong phạm vi "${scope}".${hint.vi}`, `fact "${name}" is not available in scope "${scope}".${hint.en}`));
        return;
      }
      const want = def.args ?? {};
      const given = args ?? {};
      for (const k of Object.keys(want))
        if (!hasOwn(given, k)) out.push(problem(jsonPath([...path.slice(0, -1), 'params']), 'pack.missing_fact_param', `Fact "${name}" cần params.${k}`, `fact "${name}" needs params.${k}`));
      for (const [k, v] of Object.entries(given)) {
        const kind = own(want, k);
        const at = jsonPath([...path.slice(0, -1), 'params', k]);
        if (!kind) {
          const hint = suggestion(k, Object.keys(want));
          out.push(problem(at, 'pack.unknown_fact_param', `Fact "${name}" không nhận params.${k}.${hint.vi}`, `fact "${name}" takes no params.${k}.${hint.en}`));
        } else if (kind === 'param' && !hasOwn(pack.parameters, v)) out.push(missingParam([...path.slice(0, -1), 'params', k], v, pack));
        else if (kind === 'track' && !trackCodes.has(v)) {
          const hint = suggestion(v, [...trackCodes]);
          out.push(problem(at, 'pack.unknown_track', `Loại lớp "${v}" không có trong mục tracks.${hint.vi}`, `track "${v}" is not in "tracks".${hint.en}`));
        } else if (kind === 'category' && !categories.has(v) && !/^[a-z][a-z0-9_]*$/.test(v))
          out.push(problem(at, 'pack.bad_category', `Mục dự toán "${v}" không hợp lệ`, `"${v}" is not a budget category code`));
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
        const hint = suggestion(
          leaf.operator,
          OPERATORS.map((o) => o.name),
          30,
        );
        out.push(problem(at, 'pack.unknown_operator', `Toán tử "${leaf.operator}" không được phép.${hint.vi}`, `operator "${leaf.operator}" is not allowed.${hint.en}`));
        return;
      }
      const def = FACTS[scopeOf(rule)].find((f) => f.name === leaf.fact);
      if (!def) return;
      if ((def.type === 'money' || def.type === 'decimal') && !op.for.includes('decimal') && op.name !== 'equal' && op.name !== 'notEqual')
        out.push(
          problem(
            at,
            'pack.float_operator_on_decimal',
            `Fact "${def.name}" là số thập phân chính xác: dùng toán tử decimal*`,
            `fact "${def.name}" is an exact decimal: compare it with a decimal* operator, not "${op.name}" (which compares floats)`,
          ),
        );
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
          out.push(
            problem(
              jsonPath([...path, 'fact']),
              'pack.unknown_parameter',
              `Fact "${leaf.fact}" cần tham số "${id}"`,
              `fact "${leaf.fact}" reads parameter "${id}", which "parameters" does not define`,
            ),
          );
        }
      }
    });
    return out;
  },
};
