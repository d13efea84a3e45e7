import { type Candidate, type Decision, type Lang, placesOf, type Reason, type Rulebook, type WhatWouldChange } from '@p135/rules';
import { indented } from '../text/width.js';
import { say } from '../words.js';
import { payersText, trackKey } from './tracks.js';

const named = (name: string | undefined, code: string) => (name ? `${name} (${code})` : code);

/** Prints each rule: ✓/✗, its id, its clause, its message, and the clause's text the first time it is cited. */
export function explainReport(c: Candidate, d: Decision, book: Rulebook, lang: Lang, width: number, changes: readonly WhatWouldChange[] = []): string {
  const cited = new Set<string>();
  const out: string[] = [];
  const role = book.pack.roles.find((r) => r.code === c.role);
  out.push(`${c.id} · ${c.name}`);
  out.push(...indented(`${say(lang, 'Chức vụ', 'Role')}: ${role ? `${role.label[lang]} (${role.code})` : c.role}`, 2, width));
  // The roster's names of the place, else the pack's (its places).
  const places = placesOf(book.pack);
  const place = (name: string | undefined, code: string) => named(name ?? places.name(code, ''), code);
  out.push(...indented(`${say(lang, 'Nơi', 'Place')}: ${place(c.commune.name, c.commune.code)}, ${place(c.district.name, c.district.code)}`, 2, width));
  out.push(...indented(`${say(lang, 'Bộ quy tắc', 'Rule pack')}: ${book.ref.id} ${book.ref.version} (sha256 ${book.ref.hash.slice(0, 12)}…)`, 2, width));

  const rule = (r: Reason, mark: string) => {
    out.push(`  ${mark} ${r.ruleId} · ${r.clause}`);
    out.push(...indented(r.message[lang], 6, width));
    const clause = book.clause(r.clause);
    if (!clause) return;
    if (cited.has(clause.id)) {
      out.push(...indented(say(lang, `(Điều khoản ${clause.id}: xem ở trên)`, `(Clause ${clause.id}: see above)`), 6, width));
      return;
    }
    cited.add(clause.id);
    out.push(...indented(`${say(lang, 'Điều khoản', 'Clause')} ${clause.id} — ${clause.title[lang]}:`, 6, width));
    for (const line of indented(clause.text[lang], 8, width)) out.push(line.replace(/^( {8})/, '      │ '));
  };

  for (const t of d.tracks) {
    const track = book.track(t.track);
    out.push('');
    out.push(`${trackKey(book, t.track)} ${track?.label[lang] ?? t.track} — ${t.eligible ? say(lang, 'ĐƯỢC DỰ', 'ELIGIBLE') : say(lang, 'KHÔNG ĐƯỢC DỰ', 'NOT ELIGIBLE')}`);
    for (const r of t.satisfied) rule(r, '✓');
    for (const r of t.reasons) rule(r, '✗');
    const change = changes.find((w) => w.track === t.track);
    if (change) {
      if (change.options.length === 0)
        out.push(
          ...indented(
            `→ ${say(lang, 'Không thay đổi thông tin nào về người hoặc nơi ở mà được dự (chức vụ, tuổi không tính)', 'No change of the facts about the person or place would make them eligible (role and age do not count)')}`,
            2,
            width,
          ),
        );
      for (const option of change.options) out.push(...indented(`→ ${say(lang, 'Sẽ được dự', 'Would be eligible')} ${option.map((x) => x.message[lang]).join(say(lang, ' và ', ' and '))}`, 2, width));
    }
    if (t.eligible) {
      out.push(`  ${say(lang, 'Điểm ưu tiên', 'Priority points')}: ${t.priority.points}`);
      for (const r of t.priority.criteria) rule(r, '+');
      out.push(`  ${say(lang, 'Chi phí', 'Costs')}: ${payersText(t.cost, lang)}`);
      for (const r of t.cost.reasons) rule(r, '✓');
    }
  }
  out.push('');
  return out.join('\n');
}
