import type { ResultsReport } from '@p135/io';
import type { Plan } from '@p135/rules';
import { useMemo } from 'react';
import type { ReportEngine } from '../../engine/report-client';
import { useLang } from '../../i18n/lang';
import { attentionOf } from '../../lib/report-view';
import { FindingList } from '../plan/FindingList';
import { AttentionList } from './AttentionList';
import { DistrictStatusTable } from './DistrictStatusTable';
import { ReportCharts } from './ReportCharts';
import { ReportDownloads } from './ReportDownloads';
import { TargetsTable } from './TargetsTable';

/** A report: what needs attention first, the districts, charts, targets, every finding, downloads. */
export function ReportResult({ report, plan, engine }: { report: ResultsReport; plan: Plan; engine: ReportEngine }) {
  const { t, lang } = useLang();
  const attention = useMemo(() => attentionOf(report), [report]);
  const h = report.heading;
  return (
    <div className="report-result" data-kind={report.kind}>
      <h2 className="report-title">{h.title[lang]}</h2>
      <p className="muted">
        {h.issuer[lang].replace(/\n/g, ' · ')} — {h.dateline[lang]}
      </p>
      {h.note ? <p className="note">{h.note}</p> : null}
      <p className={report.errors ? 'summary bad' : report.warnings ? 'summary warn' : 'summary ok'} role="status">
        {t('reports.summary', { errors: report.errors, warnings: report.warnings })}
      </p>
      <AttentionList attention={attention} report={report} plan={plan} />
      <ReportDownloads report={report} engine={engine} />
      {report.kind === 'province' ? <DistrictStatusTable districts={report.districts} /> : null}
      <ReportCharts report={report} plan={plan} />
      {report.kind === 'province' ? <TargetsTable targets={report.targets} /> : null}
      <FindingList title={t('reports.findings')} findings={report.findings} id="report-findings" />
    </div>
  );
}
