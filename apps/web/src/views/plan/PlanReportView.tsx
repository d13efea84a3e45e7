import type { Candidate } from '@p135/rules';
import { useMemo } from 'react';
import { useLang } from '../../i18n/lang';
import { severityCounts, splitFindings } from '../../lib/findings';
import { usePack } from '../../state/pack';
import type { PlanState } from '../../state/session';
import { BudgetCharts } from './BudgetCharts';
import { ClassCounts } from './ClassCounts';
import { DistrictTable } from './DistrictTable';
import { FindingList } from './FindingList';
import { PlanFindingsExport } from './PlanFindingsExport';
import { PlanRosterChoice } from './PlanRosterChoice';
import { TraineeCharts } from './TraineeCharts';

type Ready = Extract<PlanState, { status: 'ready' }>;

/** A checked plan: summary, classes against the pack, by district, findings, and budget and trainee charts. */
export function PlanReportView({ state, roster }: { state: Ready; roster: readonly Candidate[] }) {
  const { t } = useLang();
  const { book } = usePack();
  const { report, plan } = state;
  const split = useMemo(() => splitFindings(book, report.findings), [book, report]);
  const own = severityCounts(split.plan);
  const people = severityCounts(split.roster);
  const checkedRoster = state.rosterSource !== 'none';
  const tone = (c: { errors: number; warnings: number }) => (c.errors ? 'bad' : c.warnings ? 'warn' : 'ok');
  return (
    <div className="plan-report">
      <PlanRosterChoice state={state} />
      {/* The plan's own findings, apart from the roster's: a roster that does not match never makes a good plan look bad. */}
      <div role="status" className="summaries">
        <p className={`summary plan-summary ${tone(own)}`}>
          {plan.title ? <strong>{plan.title}: </strong> : null}
          {t('plan.summary', { errors: own.errors, warnings: own.warnings })}
        </p>
        <p className={checkedRoster ? `summary roster-summary ${tone(people)}` : 'summary roster-summary muted'}>
          {checkedRoster ? t('plan.rosterSummary', { errors: people.errors, warnings: people.warnings }) : t('plan.rosterNotChecked')}
        </p>
      </div>
      <div className="two-columns">
        <BudgetCharts report={report} plan={plan} />
        <TraineeCharts plan={plan} roster={roster} book={book} checkedRoster={checkedRoster} />
      </div>
      <ClassCounts plan={plan} />
      <FindingList title={t('plan.findings')} findings={split.plan} id="plan-findings" />
      {checkedRoster ? <FindingList title={t('plan.rosterFindings')} findings={split.roster} id="roster-findings" /> : null}
      <DistrictTable plan={plan} findings={split.plan} />
      <PlanFindingsExport report={report} people={roster.length ? roster : (plan.candidates ?? [])} book={book} fileName={state.file.name} />
    </div>
  );
}
