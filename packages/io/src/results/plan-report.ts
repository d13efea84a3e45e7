import { formatPercentText, type Lang, type PlanReport, type Rulebook } from '@p135/rules';
import { wordFor, YES_NO } from '../roster/vocabulary.js';
import type { Cell, Sheet } from '../table.js';
import { reasonsText, SEVERITY_WORDS } from './words.js';

/** The plan's findings, one row each: severity, clause, rule, where, and what is wrong. */
export function findingsSheet(report: PlanReport, lang: Lang): Sheet {
  const vi = lang === 'vi';
  return {
    name: vi ? 'Phát hiện' : 'Findings',
    columns: [
      { key: 'severity', header: vi ? 'Mức độ' : 'severity' },
      { key: 'clause', header: vi ? 'Điều khoản' : 'clause' },
      { key: 'rule', header: vi ? 'Quy tắc' : 'rule' },
      { key: 'class', header: vi ? 'Lớp' : 'class' },
      { key: 'study_tour', header: vi ? 'Đoàn' : 'study_tour' },
      { key: 'trainee', header: vi ? 'Học viên' : 'trainee' },
      { key: 'district', header: vi ? 'Huyện' : 'district' },
      { key: 'commune', header: vi ? 'Xã' : 'commune' },
      { key: 'budget_lines', header: vi ? 'Dòng dự toán' : 'budget_lines' },
      { key: 'message', header: vi ? 'Nội dung' : 'message' },
      { key: 'reasons', header: vi ? 'Lý do' : 'reasons' },
    ],
    rows: report.findings.map((f): Cell[] => [
      SEVERITY_WORDS[f.severity][lang],
      f.clause,
      f.ruleId,
      f.where.class ?? null,
      f.where.studyTour ?? null,
      f.where.trainee ?? null,
      f.where.district ?? null,
      f.where.commune ?? null,
      f.where.budgetLines?.join('; ') ?? null,
      f.message[lang],
      f.reasons?.length ? reasonsText(f.reasons, lang) : null,
    ]),
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
