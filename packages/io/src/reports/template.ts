import type { Lang, Localized, Plan, Results, ResultsInput, Rulebook } from '@p135/rules';
import { toCsv } from '../csv-write.js';
import type { Cell, Column, Sheet } from '../table.js';

/**
 * The results workbook a district fills in (`p135 report template`): the report (district, date
 * sent), the classes held, who attended each class or tour (one row per person), the study tours,
 * and the spending per budget line. Vietnamese headers (English on request).
 */
const C = (key: string, vi: string, en: string) => ({ key, header: { vi, en } as Localized });
/** A column a file may leave out (older templates do not have it). */
const O = (key: string, vi: string, en: string) => ({ ...C(key, vi, en), optional: true });

export const RESULTS_COLUMNS = {
  report: [
    C('district', 'Mã huyện', 'district'),
    C('district_name', 'Tên huyện', 'district name'),
    C('sent_on', 'Ngày gửi báo cáo', 'sent on'),
    C('note', 'Ghi chú', 'note'),
    O('id', 'Mã báo cáo', 'report id'),
  ],
  classes: [
    C('id', 'Mã lớp', 'class id'),
    C('plan_class', 'Mã lớp trong kế hoạch', 'plan class id'),
    C('track', 'Loại lớp', 'track'),
    C('district', 'Mã huyện', 'district'),
    C('commune', 'Mã xã', 'commune'),
    C('place', 'Địa điểm', 'place'),
    C('start', 'Từ ngày', 'start'),
    C('end', 'Đến ngày', 'end'),
    C('days', 'Số ngày', 'days'),
  ],
  attendance: [C('group', 'Mã lớp hoặc đoàn', 'class or tour id'), C('trainee', 'Mã học viên', 'trainee id')],
  tours: [
    C('id', 'Mã đoàn', 'tour id'),
    C('plan_tour', 'Mã đoàn trong kế hoạch', 'plan tour id'),
    C('destination', 'Nơi đến', 'destination'),
    C('start', 'Từ ngày', 'start'),
    C('end', 'Đến ngày', 'end'),
  ],
  spending: [C('group', 'Mã lớp hoặc đoàn', 'class or tour id'), C('line', 'Dòng dự toán', 'budget line'), C('amount', 'Số tiền (đồng)', 'amount (đồng)')],
} as const;

const SHEET_NAMES: Readonly<Record<keyof typeof RESULTS_COLUMNS, Localized>> = {
  report: { vi: 'Báo cáo', en: 'Report' },
  classes: { vi: 'Lớp đã tổ chức', en: 'Classes held' },
  attendance: { vi: 'Học viên', en: 'Attendance' },
  tours: { vi: 'Đoàn tham quan', en: 'Study tours' },
  spending: { vi: 'Kinh phí', en: 'Spending' },
};

const columns = (cols: readonly { key: string; header: Localized }[], lang: Lang): Column[] => cols.map((c) => ({ key: c.key, header: c.header[lang] }));

/**
 * The results template, pre-filled from the plan with the classes a district is to report (its
 * district and commune classes; all classes when `district` is omitted) — dates and days as
 * planned, to be corrected to what was held — and a sheet listing the pack's track codes.
 */
export function resultsTemplate(book: Rulebook, plan: Plan | undefined, lang: Lang, district?: string): Sheet[] {
  const level = (track: string) => book.track(track)?.level;
  const classes = (plan?.classes ?? []).filter((c) => (district ? c.district === district && level(c.track) !== 'province' : true));
  /** The budget line of a track when the plan has exactly one for it (else the district chooses). */
  const onlyLine = (track: string) => {
    const lines = (plan?.budget ?? []).filter((b) => b.category === track);
    return lines.length === 1 ? (lines[0]?.id ?? null) : null;
  };
  const sheet = (key: keyof typeof RESULTS_COLUMNS, rows: Cell[][]): Sheet => ({ name: SHEET_NAMES[key][lang], columns: columns(RESULTS_COLUMNS[key], lang), rows });
  return [
    sheet('report', [[district ?? null, null, null, null, null]]),
    sheet(
      'classes',
      classes.map((c) => [c.id, c.id, c.track, c.district ?? null, c.commune ?? null, null, c.start, c.end, c.days]),
    ),
    sheet('attendance', []),
    sheet('tours', district ? [] : (plan?.studyTours ?? []).map((t) => [t.id, t.id, t.destination ?? null, t.start, t.end])),
    sheet(
      'spending',
      classes.map((c) => [c.id, onlyLine(c.track), null]),
    ),
    {
      name: lang === 'vi' ? 'Loại lớp' : 'Tracks',
      columns: [
        { key: 'code', header: lang === 'vi' ? 'Mã' : 'code' },
        { key: 'label', header: lang === 'vi' ? 'Loại lớp' : 'track' },
        { key: 'clause', header: lang === 'vi' ? 'Điều khoản' : 'clause' },
      ],
      rows: book.tracks.filter((t) => t.group !== 'study_tour').map((t) => [t.code, t.label[lang], t.clause]),
    },
  ];
}

/**
 * A results report (what `parseResults` accepts) as the sheets of the results workbook, filled in:
 * what a district's own system writes to hand its results over as XLSX (`toXlsx`) or CSV (`sheetsCsv`).
 */
export function resultsSheets(results: Results | ResultsInput, lang: Lang): Sheet[] {
  const sheet = (key: keyof typeof RESULTS_COLUMNS, rows: Cell[][]): Sheet => ({ name: SHEET_NAMES[key][lang], columns: columns(RESULTS_COLUMNS[key], lang), rows });
  const classes = results.classes;
  const tours = results.studyTours ?? [];
  return [
    sheet('report', [[results.district, results.districtName ?? null, results.sentOn, results.note ?? null, results.id ?? null]]),
    sheet(
      'classes',
      classes.map((c) => [c.id, c.planClass ?? null, c.track, c.district ?? null, c.commune ?? null, c.place, c.start, c.end, c.days]),
    ),
    sheet('attendance', [...classes.flatMap((c) => c.trainees.map((id): Cell[] => [c.id, id])), ...tours.flatMap((t) => t.members.map((id): Cell[] => [t.id, id]))]),
    sheet(
      'tours',
      tours.map((t) => [t.id, t.planTour ?? null, t.destination ?? null, t.start, t.end]),
    ),
    sheet(
      'spending',
      [...classes, ...tours].flatMap((g) => (g.spending ?? []).map((s): Cell[] => [g.id, s.line, { money: s.amount }])),
    ),
  ];
}

/**
 * Sheets as one CSV, one after another: each under a line holding only its name, then its header
 * line and rows, an empty line between them (UTF-8 with BOM, formula-safe). The results template or
 * a filled-in results workbook in this form is read back by `readResults`.
 */
export function sheetsCsv(sheets: readonly Sheet[]): string {
  return sheets
    .map((s, i) => {
      const title = toCsv({ name: '', columns: [{ key: 'title', header: s.name }], rows: [] }, { bom: false });
      return `${i === 0 ? '\uFEFF' : ''}${title}${toCsv(s, { bom: false })}`;
    })
    .join('\r\n');
}
