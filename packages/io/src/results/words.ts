import type { CostCategory, Lang, Localized, Payer, Placement, Reason, Severity } from '@p135/rules';

/**
 * Words of the toolkit's own screens and files (not of any plan: those come from the pack),
 * Vietnamese first, English second.
 */
export const PAYER_WORDS: Readonly<Record<Payer, Localized>> = {
  trainee: { vi: 'Học viên', en: 'trainee' },
  programme: { vi: 'Chương trình', en: 'programme' },
};

export const COST_WORDS: Readonly<Record<CostCategory, Localized>> = {
  meals: { vi: 'tiền ăn', en: 'meals' },
  lodging: { vi: 'tiền ở', en: 'lodging' },
  travel: { vi: 'tiền đi lại', en: 'travel' },
};

export const SEVERITY_WORDS: Readonly<Record<Severity, Localized>> = {
  error: { vi: 'Lỗi', en: 'error' },
  warning: { vi: 'Cảnh báo', en: 'warning' },
};

export const STATUS_WORDS: Readonly<Record<Placement['status'], Localized>> = {
  admitted: { vi: 'Được dự', en: 'admitted' },
  waiting: { vi: 'Danh sách chờ', en: 'waiting' },
  passed_over: { vi: 'Không xếp vào lớp', en: 'passed over' },
  ineligible: { vi: 'Không đúng đối tượng', en: 'ineligible' },
};

export const COST_CATEGORY_ORDER: readonly CostCategory[] = ['meals', 'lodging', 'travel'];

/** `KH.II.2.1.a: Lớp tại tỉnh chỉ dành cho …` for each reason, joined with ` | `. */
export function reasonsText(reasons: readonly Reason[], lang: Lang): string {
  return reasons.map((r) => `${r.clause}: ${r.message[lang]}`).join(' | ');
}
