import { FACTS, PARAM_FACT_PREFIX } from '../../facts/index.js';
import { FILTERS, LANGS, placeholders, unknownFilters } from '../../i18n.js';
import { MESSAGE_CONTEXT } from '../../message-names.js';
import { type Problem, problem, jsonPath, type PathPart } from '../../problems.js';
import { ETHNIC_GROUPS } from '../../reference/ethnic-groups.js';
import { hasOwn } from '../../own.js';
import { DATE_MESSAGES, IsoDateSchema, looksLikeIsoDate, MONEY_MESSAGES } from '../../schemas/common.js';
import { moneyProblem } from '../../money.js';
import { SCHEMA_MESSAGES_VI } from '../../schema-messages.js';
import { suggestion } from '../../suggest.js';
import { packWords } from '../../vocabulary.js';
import { missingClause, type PackCheck, REQUIRED_MESSAGES, scopeOf } from './common.js';

/** Parameter values fit their units; messages name only what has a value, and the required ones exist. */
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
              if (known.has(code)) return;
              const roles = p.unit === 'role_codes';
              const hint = suggestion(code, [...known], roles ? 60 : 0);
              out.push(
                problem(
                  here(j),
                  'pack.unknown_code',
                  `Mã "${code}" không phải ${roles ? 'mã chức vụ (xem mục "roles")' : 'mã dân tộc ("01"–"54")'}.${hint.vi}`,
                  `"${code}" is not a known ${roles ? 'role code (see "roles")' : 'ethnic group code ("01"–"54")'}.${hint.en}`,
                ),
              );
            });
            break;
          }
          case 'vnd':
            if (typeof v === 'number')
              bad(
                `Số tiền viết thành chuỗi chữ số trong ngoặc kép: "${v}" (số không ngoặc kép có thể mất chính xác)`,
                `write an amount as a string of digits in quotes: "${v}" (a bare number can lose exactness)`,
              );
            else {
              const why = moneyProblem(v);
              if (why) bad(SCHEMA_MESSAGES_VI[MONEY_MESSAGES[why]] ?? MONEY_MESSAGES[why], MONEY_MESSAGES[why]);
            }
            break;
          case 'share':
          case 'day':
            if (typeof v !== 'string' || !/^(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$/.test(v)) bad('Giá trị là số thập phân dạng chuỗi, ví dụ "3.5"', 'the value is a decimal as a string, e.g. "3.5"');
            break;
          case 'date':
            if (!IsoDateSchema.safeParse(v).success) {
              const en = looksLikeIsoDate(v) ? DATE_MESSAGES.noSuchDay : DATE_MESSAGES.format;
              bad(`${JSON.stringify(v)}: ${SCHEMA_MESSAGES_VI[en] ?? en}`, `${JSON.stringify(v)}: ${en}`);
            }
            break;
          default:
            if (typeof v !== 'number') bad('Giá trị là số nguyên', 'the value is a whole number');
            else if (v > 1_000_000) bad(`${v} lớn hơn mọi số đếm của một kế hoạch (tối đa 1.000.000)`, `${v} is larger than any count of a plan (at most 1,000,000)`);
            else if (v < -1_000_000) bad(`${v} nhỏ hơn mọi số của một kế hoạch (tối thiểu -1.000.000)`, `${v} is smaller than any number of a plan (at least -1,000,000)`);
        }
      };
      check(p.value, ['parameters', id, 'value']);
      p.values?.forEach((d, j) => {
        check(d.value, ['parameters', id, 'values', j, 'value']);
        if (d.clause !== undefined && !pack.clauses.some((c) => c.id === d.clause)) out.push(missingClause(['parameters', id, 'values', j, 'clause'], d.clause, pack));
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
            if (ok) continue;
            const names = [...FACTS[scope].filter((f) => !f.args).map((f) => f.name), ...context];
            const hint = suggestion(
              name.startsWith(PARAM_FACT_PREFIX) ? name.slice(PARAM_FACT_PREFIX.length) : name,
              name.startsWith(PARAM_FACT_PREFIX) ? Object.keys(pack.parameters) : names,
              name.startsWith(PARAM_FACT_PREFIX) ? 0 : 60,
            );
            out.push(
              problem(
                jsonPath(['rules', i, 'message', side, lang]),
                'pack.unknown_placeholder',
                `Không có giá trị cho {${name}} trong phạm vi "${scope}": dùng một fact không có params, "param:<id>" hoặc một tên của phạm vi.${hint.vi}`,
                `no value for placeholder {${name}} in scope "${scope}": use a fact without params, "param:<id>", or a name of the scope.${hint.en}`,
              ),
            );
          }
        }
      }
    });
    return out;
  },
};

/** Every `{name|filter}` in a rule's message or in the pack's messages names a filter that exists. */
export const messageFiltersKnown: PackCheck = {
  name: 'messageFiltersKnown',
  severity: 'error',
  run: (pack) => {
    const out: Problem[] = [];
    const check = (text: { vi: string; en: string }, at: readonly PathPart[]) => {
      for (const lang of LANGS) {
        for (const filter of unknownFilters(text[lang])) {
          const hint = suggestion(filter, FILTERS, 0);
          out.push(
            problem(
              jsonPath([...at, lang]),
              'pack.unknown_filter',
              `Không có bộ định dạng "|${filter}"; dùng một trong: ${FILTERS.join(', ')}.${hint.vi}`,
              `no format filter "|${filter}"; use one of: ${FILTERS.join(', ')}.${hint.en}`,
            ),
          );
        }
      }
    };
    pack.rules.forEach((r, i) => {
      for (const side of ['pass', 'fail'] as const) check(r.message[side], ['rules', i, 'message', side]);
    });
    for (const [id, text] of Object.entries(pack.messages)) check(text, ['messages', id]);
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

/** The vocabulary's words: each means one value of its kind, and each value exists. */
export const vocabularyConsistent: PackCheck = {
  name: 'vocabularyConsistent',
  severity: 'error',
  run: (pack) => [...packWords(pack).problems],
};
