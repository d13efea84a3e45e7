import { FACTS, formatDecimalText, formatMoneyText, formatPercentText, type Lang, type Pack, type Parameter, type RoleTrackMatrix, type Rulebook } from '@p135/rules';
import { renderTable } from '../text/table.js';
import { wrap } from '../text/width.js';
import { say } from '../words.js';

/** A value of a parameter as a person reads it: money in vi-VN form, shares as percentages. */
function valueText(p: Parameter, v: Parameter['value'], lang: Lang): string {
  if (Array.isArray(v)) return v.join(', ');
  if (p.unit === 'vnd') return formatMoneyText(String(v), lang);
  if (p.unit === 'share') return formatPercentText(String(v), lang);
  if (p.unit === 'day') return formatDecimalText(String(v), lang);
  return String(v);
}

/**
 * A parameter's value on the rulebook's day (`inForce`), and, for a dated parameter, every value
 * it takes in full: the first one and each change with its day and clause.
 */
export function parameterValue(p: Parameter, inForce: Parameter['value'], lang: Lang): string {
  const now = valueText(p, inForce, lang);
  if (!p.values?.length) return now;
  const changes = p.values.map((d) => `${say(lang, 'từ', 'from')} ${d.from}: ${valueText(p, d.value, lang)}${d.clause ? ` (${d.clause})` : ''}`);
  return `${now} — ${[`${say(lang, 'ban đầu', 'at first')} ${valueText(p, p.value, lang)}`, ...changes].join('; ')}`;
}

export function packListTable(packs: readonly Pack[], lang: Lang, width: number, defaultId: string): string {
  return `${renderTable(
    [{ header: say(lang, 'Mã', 'Id'), width: 16 }, { header: say(lang, 'Phiên bản', 'Version'), width: 9 }, { header: say(lang, 'Tên', 'Title') }],
    packs.map((p) => [p.id === defaultId ? `${p.id}*` : p.id, p.version, p.meta.title[lang]]),
    width,
  ).join('\n')}\n${say(lang, '* mặc định', '* the default')}\n`;
}

/** `p135 pack show`: what the pack is, its tracks, its parameters with their sources, and its rules. */
export function packReport(book: Rulebook, lang: Lang, width: number): string {
  const p = book.pack;
  const out: string[] = [];
  out.push(`${p.id} ${p.version} · sha256 ${book.ref.hash} · ${say(lang, 'giá trị tại ngày', 'values as of')} ${book.ref.asOf}`);
  out.push(...wrap(p.meta.title[lang], width));
  out.push(...wrap(`${p.meta.issuer} · ${p.meta.decision}`, width));
  if (p.meta.note) out.push(...wrap(p.meta.note[lang], width));
  out.push('', say(lang, 'Các lớp:', 'Tracks:'));
  out.push(
    ...renderTable(
      [{ header: say(lang, 'Mã', 'Code'), width: 20 }, { header: say(lang, 'Điều khoản', 'Clause'), width: 12 }, { header: say(lang, 'Tên', 'Label') }],
      p.tracks.map((t) => [t.code, t.clause, t.label[lang]]),
      width,
    ),
  );
  out.push('', say(lang, 'Tham số:', 'Parameters:'));
  out.push(
    ...renderTable(
      [{ header: say(lang, 'Mã', 'Id'), width: 34 }, { header: say(lang, 'Nguồn', 'Source'), width: 12 }, { header: say(lang, 'Giá trị', 'Value') }],
      Object.entries(p.parameters).map(([id, param]) => [id, param.clause ?? say(lang, 'giả định', 'assumption'), parameterValue(param, book.params[id] as Parameter['value'], lang)]),
      width,
    ),
  );
  out.push('', say(lang, `Quy tắc (${p.rules.length}):`, `Rules (${p.rules.length}):`));
  out.push(
    ...renderTable(
      [{ header: say(lang, 'Mã', 'Id'), width: 44 }, { header: say(lang, 'Loại', 'Kind'), width: 11 }, { header: say(lang, 'Điều khoản', 'Clause') }],
      p.rules.map((r) => [r.id, r.kind, r.clause]),
      width,
    ),
  );
  out.push('');
  return out.join('\n');
}

const MARK = { open: '✓', closed: '✗', depends: '?' } as const;

/**
 * `p135 pack matrix`: a row per role, a column per track (numbered, named below): ✓ the role alone
 * opens the track, ✗ a rule closes it (named below), ? it depends on the facts named below.
 */
export function packMatrixTable(book: Rulebook, matrix: RoleTrackMatrix, lang: Lang, width: number): string {
  const out: string[] = [];
  out.push(say(lang, `Chức vụ × loại lớp của ${book.ref.id} (theo các quy tắc điều kiện):`, `Roles × tracks of ${book.ref.id} (from the eligibility rules):`));
  out.push(
    ...renderTable(
      [{ header: say(lang, 'Chức vụ', 'Role') }, ...matrix.tracks.map((_, i) => ({ header: String(i + 1), width: 3 }))],
      matrix.roles.map((r) => [book.role(r.role)?.label[lang] ?? r.role, ...r.cells.map((c) => MARK[c.status])]),
      width,
    ),
  );
  out.push('', say(lang, 'Các loại lớp:', 'Tracks:'));
  matrix.tracks.forEach((code, i) => {
    const closers = [...new Set(matrix.roles.flatMap((r) => r.cells.filter((c) => c.track === code).flatMap((c) => c.closedBy.map((x) => `${x.ruleId} (${x.clause})`))))];
    out.push(...wrap(`${i + 1}. ${book.track(code)?.label[lang] ?? code}`, width));
    if (closers.length) out.push(...wrap(`   ✗ ${say(lang, 'đóng bởi', 'closed by')}: ${closers.join(', ')}`, width));
  });
  const facts = [...new Set(matrix.roles.flatMap((r) => r.cells.flatMap((c) => c.dependsOn)))];
  const doc = (name: string) => FACTS.candidate.find((f) => f.name === name)?.doc[lang] ?? name;
  out.push('', `✓ ${say(lang, 'chức vụ này được học, với mọi thông tin khác', 'this role may attend, whatever else is true')}`);
  out.push(`✗ ${say(lang, 'chức vụ này không được học (quy tắc ở trên)', 'this role may not attend (the rules above)')}`);
  out.push(...wrap(`? ${say(lang, 'còn tùy', 'it depends on')}: ${facts.map(doc).join('; ')}`, width));
  out.push('');
  return out.join('\n');
}
