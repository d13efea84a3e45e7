import type { ResultsReport } from '@p135/io';
import { CONSOLIDATION_CLAUSE, type CategoryCap, type DistrictStatus, type Finding, type PlaceClasses } from '@p135/rules';

/**
 * What a reader of a results report looks for first, taken from the report's own figures (the
 * package decided them): districts late and missing, people reported by more than one district,
 * and the budget caps gone over. Nothing is decided here.
 */
export interface Attention {
  readonly late: readonly DistrictStatus[];
  readonly missing: readonly DistrictStatus[];
  /** The consolidation's findings about one person in the reports of several districts. */
  readonly twice: readonly Finding[];
  readonly overCap: readonly CategoryCap[];
}

export function attentionOf(report: ResultsReport): Attention {
  if (report.kind === 'district') {
    const t = report.timeliness;
    const self: DistrictStatus = {
      ...t,
      district: report.district ?? '',
      districtName: report.districtName,
      held: report.classes.held.length,
      trainees: report.trainees.total.trainees,
      spent: report.spending.total.spent,
      errors: report.errors,
      warnings: report.warnings,
    };
    return { late: t.status === 'late' ? [self] : [], missing: [], twice: [], overCap: [] };
  }
  return {
    late: report.districts.filter((d) => d.status === 'late'),
    missing: report.districts.filter((d) => d.status === 'missing'),
    // The consolidation's own findings about a person (not about a class or a tour they attended).
    twice: report.findings.filter((f) => f.clause === CONSOLIDATION_CLAUSE && f.where.trainee !== undefined && f.where.class === undefined && f.where.studyTour === undefined),
    overCap: report.budget.caps.filter((c) => !c.within),
  };
}

/** One row of a planned-against-held chart. */
export interface PairRow {
  readonly key: string;
  readonly label: string;
  readonly planned: number;
  readonly held: number;
}

/** Classes planned and held per district (or commune), over every track: the rows of `classes.byDistrict` / `byCommune` summed by place. */
export function byPlace(rows: readonly PlaceClasses[]): PairRow[] {
  const out = new Map<string, { key: string; label: string; planned: number; held: number }>();
  for (const r of rows) {
    let row = out.get(r.code);
    if (!row) out.set(r.code, (row = { key: r.code, label: r.name ? `${r.name} (${r.code})` : r.code, planned: 0, held: 0 }));
    row.planned += r.planned;
    row.held += r.held;
  }
  return [...out.values()];
}
