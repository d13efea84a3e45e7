import {
  type DistrictReport,
  type Finding,
  formatDateText,
  formatDecimalText,
  formatPercentText,
  type Lang,
  type Localized,
  type ProvinceReport,
  type SpendingTable,
  type TrackClasses,
  type TraineeTally,
} from '@p135/rules';
import { SEVERITY_WORDS } from '../results/words.js';
import type { Cell, Column } from '../table.js';

/**
 * A results report (district or province) as titled tables: the one model every renderer
 * (XLSX, CSV, HTML) prints. Words of the toolkit's own headers are here, Vietnamese first;
 * every word of the plan (tracks, titles, findings) comes from the report, i.e. from the pack.
 */
export interface ReportTable {
  /** Stable name: `--table` in the CLI, the sheet's key. */
  readonly key: string;
  readonly title: Localized;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** The totals row, when the table has one. */
  readonly total?: readonly Cell[];
}

export type ResultsReport = DistrictReport | ProvinceReport;

const W = (vi: string, en: string): Localized => ({ vi, en });

export const REPORT_WORDS = {
  total: W('Tổng cộng', 'Total'),
  status: { on_time: W('Đúng hạn', 'on time'), late: W('Chậm', 'late'), missing: W('Chưa gửi', 'missing') } as Record<string, Localized>,
  yes: W('Có', 'yes'),
  no: W('Không', 'no'),
  deadline: W('Hạn gửi báo cáo', 'Report deadline'),
  sentOn: W('Ngày gửi', 'Sent on'),
  none: W('(không có)', '(none)'),
} as const;

const col = (key: string, vi: string, en: string, lang: Lang): Column => ({ key, header: lang === 'vi' ? vi : en });
const money = (digits: string): Cell => ({ money: digits });
const dec = (text: string | null, lang: Lang): Cell => (text === null ? null : formatDecimalText(text, lang));
const pct = (share: string | null, lang: Lang): Cell => (share === null ? null : formatPercentText(share, lang));
const date = (iso: string | null, lang: Lang): Cell => (iso === null ? null : formatDateText(iso, lang));

function classesTable(rows: readonly TrackClasses[], lang: Lang): ReportTable {
  const sum = (f: (r: TrackClasses) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    key: 'classes',
    title: W('Số lớp theo kế hoạch và đã tổ chức, theo loại lớp', 'Classes planned and held, by track'),
    columns: [
      col('track', 'Loại lớp', 'track', lang),
      col('clause', 'Điều khoản', 'clause', lang),
      col('planned', 'Kế hoạch', 'planned', lang),
      col('held', 'Đã tổ chức', 'held', lang),
      col('held_planned', 'Trong kế hoạch', 'of the plan', lang),
      col('unplanned', 'Ngoài kế hoạch', 'unplanned', lang),
      col('not_held', 'Chưa tổ chức', 'not held', lang),
    ],
    rows: rows.map((r) => [r.label[lang], r.clause, r.planned, r.held, r.heldPlanned, r.unplanned, r.notHeld.length ? r.notHeld.join(', ') : null]),
    total: [REPORT_WORDS.total[lang], null, sum((r) => r.planned), sum((r) => r.held), sum((r) => r.heldPlanned), sum((r) => r.unplanned), sum((r) => r.notHeld.length)],
  };
}

function traineesTable(byTrack: readonly TraineeTally[], total: TraineeTally, lang: Lang): ReportTable {
  const criteria = total.priority;
  const row = (t: TraineeTally): Cell[] => [
    t.label[lang],
    t.trainees,
    t.attendances,
    t.female,
    t.male,
    t.minority,
    t.verySmall,
    ...criteria.map((c) => (t.track === 'total' || t.priority.some((p) => p.ruleId === c.ruleId) ? (t.priority.find((p) => p.ruleId === c.ruleId)?.trainees ?? 0) : null)),
    dec(t.traineeDays, lang),
  ];
  return {
    key: 'trainees',
    title: W('Học viên theo loại lớp, giới tính, dân tộc và tiêu chí ưu tiên', 'Trainees by track, gender, ethnic group and priority criteria'),
    columns: [
      col('track', 'Loại lớp', 'track', lang),
      col('trainees', 'Số người', 'people', lang),
      col('attendances', 'Lượt học viên', 'places taken', lang),
      col('female', 'Nữ', 'women', lang),
      col('male', 'Nam', 'men', lang),
      col('minority', 'Dân tộc thiểu số', 'ethnic minority', lang),
      col('very_small', 'DTTS rất ít người', 'very small groups', lang),
      ...criteria.map((c) => ({ key: c.ruleId, header: c.label[lang] })),
      col('trainee_days', 'Ngày học viên', 'trainee-days', lang),
    ],
    rows: byTrack.map(row),
    total: row(total),
  };
}

function spendingTableOf(s: SpendingTable, lang: Lang): ReportTable {
  return {
    key: 'spending',
    title: W('Kinh phí thực hiện theo dòng dự toán (đồng)', 'Spending by budget line (đồng)'),
    columns: [
      col('line', 'Dòng dự toán', 'budget line', lang),
      col('label', 'Nội dung', 'what for', lang),
      col('estimate', 'Dự toán', 'estimate', lang),
      col('spent', 'Thực hiện', 'spent', lang),
      col('remaining', 'Còn lại', 'remaining', lang),
      col('within', 'Trong dự toán', 'within', lang),
    ],
    rows: s.lines.map((l) => [l.line, l.label ?? l.category, money(l.estimate), money(l.spent), money(l.remaining), (l.within ? REPORT_WORDS.yes : REPORT_WORDS.no)[lang]]),
    total: [REPORT_WORDS.total[lang], null, money(s.total.estimate), money(s.total.spent), money(s.total.remaining), null],
  };
}

/**
 * The names of the districts and communes a report itself carries (its district, each district's
 * status, its class tables by place), by code: a finding's place is printed with its name, not
 * only the code. A code the report names nowhere stays a code.
 */
function placeNamesOf(report: ResultsReport): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  const add = (code: string | null, name: string | undefined) => {
    if (code && name && name !== code && !names.has(code)) names.set(code, name);
  };
  if (report.kind === 'district') {
    add(report.district, report.districtName);
    for (const p of report.classes.byCommune) add(p.code, p.name);
  } else {
    for (const d of report.districts) add(d.district, d.districtName);
    for (const p of report.classes.byDistrict) add(p.code, p.name);
  }
  return names;
}

/** A finding's place: district and commune by name and code, then the class, tour, trainee or budget lines. */
function whereText(where: Finding['where'], names: ReadonlyMap<string, string>): string | null {
  const place = (code: string | undefined) => (code === undefined ? undefined : names.has(code) ? `${names.get(code)} (${code})` : code);
  const parts = [place(where.district), place(where.commune), where.class, where.studyTour, where.trainee, where.budgetLines?.join(' ')];
  return parts.filter(Boolean).join(' · ') || null;
}

function findingsTable(findings: readonly Finding[], names: ReadonlyMap<string, string>, lang: Lang): ReportTable {
  return {
    key: 'findings',
    title: W('Các phát hiện (mỗi phát hiện dẫn điều khoản của kế hoạch)', 'Findings (each citing the plan’s clause)'),
    columns: [
      col('severity', 'Mức độ', 'severity', lang),
      col('clause', 'Điều khoản', 'clause', lang),
      col('rule', 'Quy tắc', 'rule', lang),
      col('where', 'Ở đâu', 'where', lang),
      col('message', 'Nội dung', 'message', lang),
    ],
    rows: findings.map((f) => [SEVERITY_WORDS[f.severity][lang], f.clause, f.ruleId, whereText(f.where, names), f.message[lang]]),
    total: [REPORT_WORDS.total[lang], null, null, null, findings.length],
  };
}

function toursTable(report: ResultsReport, lang: Lang): ReportTable {
  const tours = report.studyTours;
  return {
    key: 'tours',
    title: W('Đoàn trao đổi, học tập kinh nghiệm', 'Study tours'),
    columns: [
      col('id', 'Đoàn', 'tour', lang),
      col('destination', 'Nơi đến', 'destination', lang),
      col('start', 'Từ ngày', 'from', lang),
      col('end', 'Đến ngày', 'to', lang),
      col('members', 'Thành viên', 'members', lang),
      col('spent', 'Kinh phí (đồng)', 'spent (đồng)', lang),
    ],
    rows: tours.map((t) => [t.id, t.destination ?? null, date(t.start, lang), date(t.end, lang), t.members, money(t.spent)]),
    total: [REPORT_WORDS.total[lang], null, null, null, tours.reduce((s, t) => s + t.members, 0), money(tours.reduce((s, t) => s + BigInt(t.spent), 0n).toString())],
  };
}

function districtTables(r: DistrictReport, lang: Lang): ReportTable[] {
  const t = r.timeliness;
  const tables: ReportTable[] = [
    {
      key: 'summary',
      title: W('Thời hạn báo cáo', 'Report deadline'),
      columns: [col('item', 'Nội dung', 'item', lang), col('value', 'Giá trị', 'value', lang)],
      rows: [
        [REPORT_WORDS.deadline[lang], t.deadline ? `${formatDateText(t.deadline, lang)} (${t.deadlineClause})` : REPORT_WORDS.none[lang]],
        [REPORT_WORDS.sentOn[lang], date(t.sentOn, lang)],
        [lang === 'vi' ? 'Tình trạng' : 'Status', `${REPORT_WORDS.status[t.status]?.[lang] ?? t.status}${t.daysLate ? (lang === 'vi' ? ` ${t.daysLate} ngày` : ` by ${t.daysLate} day(s)`) : ''}`],
      ],
    },
    classesTable(r.classes.byTrack, lang),
    {
      key: 'communes',
      title: W('Số lớp theo xã', 'Classes by commune'),
      columns: [
        col('commune', 'Mã xã', 'commune', lang),
        col('name', 'Tên xã', 'name', lang),
        col('track', 'Loại lớp', 'track', lang),
        col('planned', 'Kế hoạch', 'planned', lang),
        col('held', 'Đã tổ chức', 'held', lang),
        col('trainees', 'Học viên', 'trainees', lang),
      ],
      rows: r.classes.byCommune.map((c) => [c.code, c.name ?? null, c.trackLabel[lang], c.planned, c.held, c.trainees]),
      total: [REPORT_WORDS.total[lang], null, null, r.classes.byCommune.reduce((s, c) => s + c.planned, 0), r.classes.byCommune.reduce((s, c) => s + c.held, 0), null],
    },
    {
      key: 'held',
      title: W('Danh sách lớp đã tổ chức', 'Classes held'),
      columns: [
        col('id', 'Lớp', 'class', lang),
        col('plan_class', 'Lớp kế hoạch', 'plan class', lang),
        col('track', 'Loại lớp', 'track', lang),
        col('commune', 'Xã', 'commune', lang),
        col('place', 'Địa điểm', 'place', lang),
        col('start', 'Từ ngày', 'from', lang),
        col('end', 'Đến ngày', 'to', lang),
        col('days', 'Số ngày', 'days', lang),
        col('planned_days', 'Số ngày kế hoạch', 'planned days', lang),
        col('trainees', 'Học viên', 'trainees', lang),
        col('spent', 'Kinh phí (đồng)', 'spent (đồng)', lang),
      ],
      rows: r.classes.held.map((c) => [
        c.id,
        c.planClass,
        c.track,
        c.commune ?? null,
        c.place,
        date(c.start, lang),
        date(c.end, lang),
        dec(c.days, lang),
        dec(c.plannedDays, lang),
        c.trainees,
        money(c.spent),
      ]),
      total: [
        REPORT_WORDS.total[lang],
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        r.classes.held.reduce((s, c) => s + c.trainees, 0),
        money(r.classes.held.reduce((s, c) => s + BigInt(c.spent), 0n).toString()),
      ],
    },
    traineesTable(r.trainees.byTrack, r.trainees.total, lang),
  ];
  if (r.studyTours.length) tables.push(toursTable(r, lang));
  tables.push(spendingTableOf(r.spending, lang), findingsTable(r.findings, placeNamesOf(r), lang));
  return tables;
}

function provinceTables(r: ProvinceReport, lang: Lang): ReportTable[] {
  const b = r.budget;
  const sum = (f: (d: ProvinceReport['districts'][number]) => number) => r.districts.reduce((s, d) => s + f(d), 0);
  return [
    {
      key: 'districts',
      title: W('Tình hình gửi báo cáo của các huyện', 'District reports: on time, late, missing'),
      columns: [
        col('district', 'Mã huyện', 'district', lang),
        col('name', 'Huyện', 'name', lang),
        col('sent_on', 'Ngày gửi', 'sent on', lang),
        col('status', 'Tình trạng', 'status', lang),
        col('days_late', 'Số ngày chậm', 'days late', lang),
        col('held', 'Lớp đã tổ chức', 'classes held', lang),
        col('trainees', 'Học viên', 'trainees', lang),
        col('spent', 'Kinh phí (đồng)', 'spent (đồng)', lang),
        col('errors', 'Lỗi', 'errors', lang),
        col('warnings', 'Cảnh báo', 'warnings', lang),
      ],
      rows: r.districts.map((d) => [
        d.district,
        d.districtName,
        date(d.sentOn, lang),
        REPORT_WORDS.status[d.status]?.[lang] ?? d.status,
        d.daysLate,
        d.held,
        d.trainees,
        money(d.spent),
        d.errors,
        d.warnings,
      ]),
      total: [
        REPORT_WORDS.total[lang],
        null,
        null,
        null,
        null,
        sum((d) => d.held),
        sum((d) => d.trainees),
        money(r.districts.reduce((s, d) => s + BigInt(d.spent), 0n).toString()),
        sum((d) => d.errors),
        sum((d) => d.warnings),
      ],
    },
    {
      key: 'targets',
      title: W('Mục tiêu của kế hoạch so với kết quả thực hiện', 'The plan’s targets against what was done'),
      columns: [
        col('track', 'Loại lớp', 'track', lang),
        col('clause', 'Điều khoản', 'clause', lang),
        col('target', 'Số lớp kế hoạch', 'target classes', lang),
        col('held', 'Đã tổ chức', 'held', lang),
        col('rate', 'Tỷ lệ', 'rate', lang),
        col('target_size', 'Quy mô dự kiến/lớp', 'target size', lang),
        col('attendances', 'Lượt học viên', 'places taken', lang),
        col('average_size', 'Bình quân/lớp', 'average size', lang),
      ],
      rows: r.targets.map((t) => [t.label[lang], t.clause, t.targetClasses, t.held, pct(t.rate, lang), t.targetSize, t.attendances, dec(t.averageSize, lang)]),
      total: [
        REPORT_WORDS.total[lang],
        null,
        r.targets.reduce((s, t) => s + t.targetClasses, 0),
        r.targets.reduce((s, t) => s + t.held, 0),
        null,
        null,
        r.targets.reduce((s, t) => s + t.attendances, 0),
        null,
      ],
    },
    classesTable(r.classes.byTrack, lang),
    {
      key: 'by_district',
      title: W('Số lớp theo huyện', 'Classes by district'),
      columns: [
        col('district', 'Mã huyện', 'district', lang),
        col('name', 'Huyện', 'name', lang),
        col('track', 'Loại lớp', 'track', lang),
        col('planned', 'Kế hoạch', 'planned', lang),
        col('held', 'Đã tổ chức', 'held', lang),
        col('trainees', 'Học viên', 'trainees', lang),
      ],
      rows: r.classes.byDistrict.map((c) => [c.code, c.name ?? null, c.trackLabel[lang], c.planned, c.held, c.trainees]),
      total: [REPORT_WORDS.total[lang], null, null, r.classes.byDistrict.reduce((s, c) => s + c.planned, 0), r.classes.byDistrict.reduce((s, c) => s + c.held, 0), null],
    },
    traineesTable(r.trainees.byTrack, r.trainees.total, lang),
    toursTable(r, lang),
    spendingTableOf(r.spending, lang),
    {
      key: 'budget',
      title: W('Kinh phí so với tổng dự toán và các mức trần', 'Spending against the ceiling and the caps'),
      columns: [
        col('item', 'Nội dung', 'item', lang),
        col('clause', 'Điều khoản', 'clause', lang),
        col('spent', 'Thực hiện', 'spent', lang),
        col('limit', 'Mức tối đa', 'limit', lang),
        col('share', 'Tỷ lệ', 'share', lang),
        col('within', 'Trong mức', 'within', lang),
      ],
      rows: [
        [lang === 'vi' ? 'Tổng kinh phí' : 'Total', null, money(b.total), money(b.ceiling), null, (b.withinCeiling ? REPORT_WORDS.yes : REPORT_WORDS.no)[lang]],
        ...b.caps.map((c): Cell[] => [c.category, c.clause, money(c.total), money(c.cap), pct(c.share, lang), (c.within ? REPORT_WORDS.yes : REPORT_WORDS.no)[lang]]),
      ],
    },
    findingsTable(r.findings, placeNamesOf(r), lang),
  ];
}

/** The report's tables, in the order a printed report shows them. */
export function reportTables(report: ResultsReport, lang: Lang): ReportTable[] {
  return report.kind === 'district' ? districtTables(report, lang) : provinceTables(report, lang);
}

/** A table by its key, or undefined; the keys of a report's tables, for messages. */
export function reportTableKeys(report: ResultsReport): string[] {
  return reportTables(report, 'en').map((t) => t.key);
}
