import type { Candidate } from '@p135/rules';
import { useMemo } from 'react';
import { useLang } from '../../i18n/lang';
import { splitFindings } from '../../lib/findings';
import { usePack } from '../../state/pack';
import type { PlanState } from '../../state/session';
import { BudgetCharts } from './BudgetCharts';
import { ClassCounts } from './ClassCounts';
import { DistrictTable } from './DistrictTable';
import { FindingList } from './FindingList';
import { TraineeCharts } from './TraineeCharts';

type Ready = Extract<PlanState, { status: 'ready' }>;

/** A checked plan: summary, classes against the pack, by district, findings, and budget and trainee charts. */
export function PlanReportView({ state, roster }: { state: Ready; roster: readonly Candidate[] }) {
  const { t } = useLang();
  const { book } = usePack();
  const { report, plan } = state;
  const split = useMemo(() => splitFindings(report.findings), [report]);
  return (
    <div className="plan-report">
      <p className="roster-used">{state.rosterSize !== null ? t('plan.roster', { name: state.rosterName ?? plan.id ?? '', n: state.rosterSize }) : t('plan.noRoster')}</p>
      <p className={!report.passed ? 'summary bad' : report.warnings ? 'summary warn' : 'summary ok'} role="status">
        {plan.title ? <strong>{plan.title}: </strong> : null}
        {t('plan.summary', { errors: report.errors, warnings: report.warnings })}
      </p>
      <div className="two-columns">
        <BudgetCharts report={report} plan={plan} />
        <TraineeCharts plan={plan} roster={roster} book={book} />
      </div>
      <ClassCounts plan={plan} />
      <FindingList title={t('plan.findings')} findings={split.plan} id="plan-findings" />
      <FindingList title={t('plan.rosterFindings')} findings={split.roster} id="roster-findings" />
      <DistrictTable plan={plan} findings={split.plan} />
    </div>
  );
}
