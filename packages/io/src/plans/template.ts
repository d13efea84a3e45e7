import type { Lang, Localized, Plan, Rulebook } from '@p135/rules';
import type { Cell, Column, Sheet } from '../table.js';

/**
 * The plan workbook a province or district fills in (`p135 plan template`): the plan itself (id,
 * title, year), its classes, who is in each class or study tour (one row per person), the study
 * tours, and the budget lines. Vietnamese headers (English on request); the reader takes either.
 */
const C = (key: string, vi: string, en: string, required = false) => ({ key, header: { vi, en } as Localized, required });

export const PLAN_COLUMNS = {
  plan: [C('id', 'Mã kế hoạch', 'plan id'), C('title', 'Tên kế hoạch', 'title'), C('year', 'Năm kế hoạch', 'year'), C('note', 'Ghi chú', 'note')],
  classes: [
    C('id', 'Mã lớp', 'class id', true),
    C('track', 'Loại lớp', 'track', true),
    C('district', 'Mã huyện', 'district'),
    C('commune', 'Mã xã', 'commune'),
    C('start', 'Từ ngày', 'start', true),
    C('end', 'Đến ngày', 'end', true),
    C('days', 'Số ngày', 'days', true),
  ],
  trainees: [C('group', 'Mã lớp hoặc đoàn', 'class or tour id', true), C('trainee', 'Mã học viên', 'trainee id', true)],
  tours: [C('id', 'Mã đoàn', 'tour id', true), C('destination', 'Nơi đến', 'destination'), C('start', 'Từ ngày', 'start', true), C('end', 'Đến ngày', 'end', true)],
  budget: [C('id', 'Mã dòng', 'line id', true), C('category', 'Hạng mục', 'category', true), C('label', 'Nội dung', 'label'), C('amount', 'Số tiền (đồng)', 'amount (đồng)', true)],
} as const;

export type PlanSheetKey = keyof typeof PLAN_COLUMNS;
export type PlanColumn = (typeof PLAN_COLUMNS)[PlanSheetKey][number];

export const PLAN_SHEET_NAMES: Readonly<Record<PlanSheetKey, Localized>> = {
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  classes: { vi: 'Lớp', en: 'Classes' },
  trainees: { vi: 'Học viên', en: 'Trainees' },
  tours: { vi: 'Đoàn tham quan', en: 'Study tours' },
  budget: { vi: 'Dự toán', en: 'Budget' },
};

const columns = (cols: readonly PlanColumn[], lang: Lang): Column[] => cols.map((c) => ({ key: c.key, header: c.header[lang] }));

/**
 * The plan template: the five sheets with their headers, filled from `plan` when one is given
 * (a JSON plan turned into the workbook), else empty; and a sheet listing the pack's tracks (the
 * codes or labels the "Loại lớp" and "Hạng mục" columns take) with their clauses. Money in number
 * cells (whole đồng).
 */
export function planTemplate(book: Rulebook, lang: Lang, plan?: Plan): Sheet[] {
  const sheet = (key: PlanSheetKey, rows: Cell[][]): Sheet => ({ name: PLAN_SHEET_NAMES[key][lang], columns: columns(PLAN_COLUMNS[key], lang), rows });
  const p = plan;
  return [
    sheet('plan', [[p?.id ?? null, p?.title ?? null, p?.year ?? null, p?.note ?? null]]),
    sheet(
      'classes',
      (p?.classes ?? []).map((c) => [c.id, c.track, c.district ?? null, c.commune ?? null, c.start, c.end, c.days]),
    ),
    sheet('trainees', [...(p?.classes ?? []).flatMap((c) => c.trainees.map((t): Cell[] => [c.id, t])), ...(p?.studyTours ?? []).flatMap((t) => t.members.map((m): Cell[] => [t.id, m]))]),
    sheet(
      'tours',
      (p?.studyTours ?? []).map((t) => [t.id, t.destination ?? null, t.start, t.end]),
    ),
    sheet(
      'budget',
      (p?.budget ?? []).map((b) => [b.id, b.category, b.label ?? null, { money: b.amount }]),
    ),
    {
      name: lang === 'vi' ? 'Loại lớp' : 'Tracks',
      columns: [
        { key: 'code', header: lang === 'vi' ? 'Mã' : 'code' },
        { key: 'label', header: lang === 'vi' ? 'Loại lớp' : 'track' },
        { key: 'clause', header: lang === 'vi' ? 'Điều khoản' : 'clause' },
      ],
      rows: book.tracks.map((t) => [t.code, t.label[lang], t.clause]),
    },
  ];
}
