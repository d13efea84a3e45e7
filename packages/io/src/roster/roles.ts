import { foldText, type Lang, type Role, type Rulebook } from '@p135/rules';

/** The pack's roles by every way a person may write them: code, Vietnamese and English label, aliases. */
export interface RoleIndex {
  find(text: string): Role | undefined;
  /** `Bí thư Đảng ủy xã (party_secretary), …`, for error messages. */
  accepted(lang: Lang): string;
}

/** Built once per reader of a role column (the reader owns it; nothing is kept at module level). */
export function roleIndex(book: Rulebook): RoleIndex {
  const byKey = new Map<string, Role>();
  for (const role of book.pack.roles) {
    for (const name of [role.code, role.label.vi, role.label.en, ...(role.aliases ?? [])]) {
      const k = foldText(name);
      if (k && !byKey.has(k)) byKey.set(k, role);
    }
  }
  return {
    find: (text) => byKey.get(foldText(text)),
    accepted: (lang) => book.pack.roles.map((r) => `${r.label[lang]} (${r.code})`).join(', '),
  };
}
