import { FACTS } from '../facts/index.js';
import { OPERATORS } from '../evaluate/operators.js';
import { PARAMETER_UNITS, SCOPES } from '../schemas/pack.js';

const SCOPE_DOC: Record<string, string> = {
  candidate: 'one person (eligibility, priority and cost rules)',
  class: 'one class of the plan (check rules; `tracks` limits them to classes of those tracks)',
  study_tour: 'one study-tour delegation',
  district: 'each district named by a class or a roster record',
  commune: 'each commune named by a class or a roster record',
  membership: 'each trainee of each class and tour (`tracks` limits them to those tracks)',
  plan: 'the plan as a whole (class counts, budget)',
};

/**
 * The reference of what a pack's conditions may name — facts by scope, operators, parameter
 * units — written from the code itself, so it cannot drift (a test compares it with docs/).
 */
export function packReferenceMarkdown(): string {
  const out: string[] = [
    '# Pack reference: facts, operators, units',
    '',
    'Generated from the code by `pnpm --filter @p135/rules generate-docs`; a test fails when this file',
    'and the code disagree. The guide is [packs.md](packs.md).',
    '',
    "A condition names a **fact** of its rule's scope, an **operator**, and a **value**: a literal, or",
    '`{ "fact": "param:<id>" }` for a parameter of the pack. Facts with params take them in the',
    'condition\'s `params` (for example `{ "fact": "classCount", "params": { "track": "province_cadre" } }`).',
    '',
  ];
  for (const scope of SCOPES) {
    out.push(`## Scope \`${scope}\` — ${SCOPE_DOC[scope] ?? ''}`, '', '| fact | type | params | reads parameters | what it is |', '| --- | --- | --- | --- | --- |');
    for (const f of FACTS[scope]) {
      const params = f.args
        ? Object.entries(f.args)
            .map(([k, v]) => `\`${k}\`: ${v}`)
            .join(', ')
        : '';
      const reads = (f.reads ?? []).map((r) => `\`${r}\``).join(', ');
      out.push(`| \`${f.name}\` | ${f.type} | ${params} | ${reads} | ${f.doc.en} — ${f.doc.vi} |`);
    }
    out.push('');
  }
  out.push('## Operators', '', '| operator | for | compares |', '| --- | --- | --- |');
  for (const o of OPERATORS) {
    const what = o.test ? 'added by this package: exact decimals (decimal.js) or ISO dates; false when a side is not one' : "json-rules-engine's own";
    out.push(`| \`${o.name}\` | ${o.for.join(', ')} | ${what} |`);
  }
  out.push('', 'Money and other decimal facts must use the `decimal*` operators: the built-in numeric ones compare floating-point numbers, and the validator refuses them on such facts.', '');
  out.push('## Parameter units', '', PARAMETER_UNITS.map((u) => `\`${u}\``).join(', '), '');
  return `${out.join('\n')}`;
}
