import type { Sheet } from '@p135/io';
import { type Candidate, type Lang, placesOf, type Rulebook } from '@p135/rules';
import { translate } from '../i18n/lang';

/**
 * The decisions sheet with each person's commune, district and role beside their name (by name, as
 * people read them), so an exported list can be sorted and sent on by commune. `people` are the
 * sheet's rows' people, in the same order.
 */
export function withPlaceAndRole(sheet: Sheet, people: readonly Candidate[], book: Rulebook, lang: Lang): Sheet {
  const roleLabel = new Map(book.pack.roles.map((r) => [r.code, r.label[lang]] as const));
  // The pack's names of places (its `places`), else the roster's.
  const places = placesOf(book.pack);
  const at = Math.min(2, sheet.columns.length);
  const columns = [
    ...sheet.columns.slice(0, at),
    { key: 'commune', header: translate(lang, 'export.commune') },
    { key: 'district', header: translate(lang, 'export.district') },
    { key: 'role', header: translate(lang, 'export.role') },
    ...sheet.columns.slice(at),
  ];
  const rows = sheet.rows.map((row, i) => {
    const c = people[i];
    const extra = c ? [places.name(c.commune.code, c.commune.name), places.name(c.district.code, c.district.name), roleLabel.get(c.role) ?? c.role] : [null, null, null];
    return [...row.slice(0, at), ...extra, ...row.slice(at)];
  });
  return { ...sheet, columns, rows };
}
