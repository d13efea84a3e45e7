import { type Candidate, formatPercentText, type Lang, type PlanReport, type Rulebook } from '@p135/rules';
import { wordFor, YES_NO } from '../roster/vocabulary.js';
import type { Cell, Sheet } from '../table.js';
import { reasonsText, SEVERITY_WORDS } from './words.js';

/** The people a plan was checked against, to name each finding's trainee: their name, role, commune and district. */
export interface FindingPeople {
  readonly book: Rulebook;
  readonly candidates: readonly Candidate[];
}

/**
 * The plan's findings, one row each: severity, clause, rule, the class or study tour, the trainee
 * by id and name with their role, the district and commune by code and name, the budget lines, and
 * what is wrong. Names come from the finding (as the roster writes them) or, given `people`, from
 * the roster: a trainee's own commune and district when the finding names no place.
 */
export function findingsSheet(report: PlanReport, lang: Lang, people?: FindingPeople): Sheet {
  const vi = lang === 'vi';
  const byId = new Map((people?.candidates ?? []).map((c) => [c.id, c] as const));
  const roleLabel = new Map((people?.book.pack.roles ?? []).map((r) => [r.code, r.label[lang]] as const));
  return {
    name: vi ? 'Phát hiện' : 'Findings',
    columns: [
      { key: 'severity', header: vi ? 'Mức độ' : 'severity' },
      { key: 'clause', header: vi ? 'Điều khoản' : 'clause' },
      { key: 'rule', header: vi ? 'Quy tắc' : 'rule' },
      { key: 'class', header: vi ? 'Lớp' : 'class' },
      { key: 'study_tour', header: vi ? 'Đoàn' : 'study_tour' },
      { key: 'trainee', header: vi ? 'Mã học viên' : 'trainee' },
      { key: 'trainee_name', header: vi ? 'Họ và tên' : 'trainee_name' },
      { key: 'role', header: vi ? 'Chức vụ' : 'role' },
      { key: 'district', header: vi ? 'Mã huyện' : 'district' },
      { key: 'district_name', header: vi ? 'Huyện' : 'district_name' },
      { key: 'commune', header: vi ? 'Mã xã' : 'commune' },
      { key: 'commune_name', header: vi ? 'Xã' : 'commune_name' },
      { key: 'budget_lines', header: vi ? 'Dòng dự toán' : 'budget_lines' },
      { key: 'message', header: vi ? 'Nội dung' : 'message' },
      { key: 'reasons', header: vi ? 'Lý do' : 'reasons' },
    ],
    rows: report.findings.map((f): Cell[] => {
      const w = f.where;
      const person = w.trainee !== undefined ? byId.get(w.trainee) : undefined;
      // the finding's own place; for a trainee finding that names none, the trainee's
      const own = w.district === undefined && w.commune === undefined;
      const district = w.district ?? (own ? person?.district.code : undefined);
      const commune = w.commune ?? (own ? person?.commune.code : undefined);
      const districtName = w.districtName ?? (person && district === person.district.code ? person.district.name : undefined);
      const communeName = w.communeName ?? (person && commune === person.commune.code ? person.commune.name : undefined);
      return [
        SEVERITY_WORDS[f.severity][lang],
        f.clause,
        f.ruleId,
        w.class ?? null,
        w.studyTour ?? null,
        w.trainee ?? null,
        w.traineeName ?? person?.name ?? null,
        person ? (roleLabel.get(person.role) ?? person.role) : null,
        district ?? null,
        districtName ?? null,
        commune ?? null,
        communeName ?? null,
        w.budgetLines?.join('; ') ?? null,
        f.message[lang],
        f.reasons?.length ? reasonsText(f.reasons, lang) : null,
      ];
    }),
  };
}

/** The budget summary: the total against the ceiling, what is left, each category, and each cap. Money in number cells. */
export function budgetSheet(report: PlanReport, book: Rulebook, lang: Lang): Sheet {
  const vi = lang === 'vi';
  const b = report.budget;
  const label = (category: string) => book.track(category)?.label[lang] ?? category;
  const yesNo = (v: boolean) => wordFor(YES_NO, v, lang);
  const rows: Cell[][] = [
    [vi ? 'Tổng dự toán' : 'Budget total', null, { money: b.total }, { money: b.ceiling }, null, yesNo(b.withinCeiling), b.ceilingClause ?? null],
    [vi ? 'Còn lại' : 'Remaining', null, { money: b.remaining }, null, null, null, null],
    ...Object.entries(b.byCategory).map(([category, amount]): Cell[] => [label(category), category, { money: amount }, null, null, null, null]),
    ...b.caps.map((c): Cell[] => [
      vi ? `Giới hạn: ${label(c.category)}` : `Cap: ${label(c.category)}`,
      c.category,
      { money: c.total },
      { money: c.cap },
      formatPercentText(c.share, lang),
      yesNo(c.within),
      c.clause,
    ]),
  ];
  return {
    name: vi ? 'Kinh phí' : 'Budget',
    columns: [
      { key: 'item', header: vi ? 'Hạng mục' : 'item' },
      { key: 'category', header: vi ? 'Mã hạng mục' : 'category' },
      { key: 'amount', header: vi ? 'Số tiền (đồng)' : 'amount_vnd' },
      { key: 'limit', header: vi ? 'Giới hạn (đồng)' : 'limit_vnd' },
      { key: 'share', header: vi ? 'Tỷ lệ' : 'share' },
      { key: 'within', header: vi ? 'Trong giới hạn' : 'within_limit' },
      { key: 'clause', header: vi ? 'Điều khoản' : 'clause' },
    ],
    rows,
  };
}
