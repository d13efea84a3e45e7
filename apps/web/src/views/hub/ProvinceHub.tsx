import type { Plan } from '@p135/rules';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLang } from '../../i18n/lang';
import { saveFile } from '../../lib/download';
import { date } from '../../lib/format';
import type { Consolidation, HubClient, HubProblem, SubmissionMeta } from '../../lib/hub-api';
import { receivedText } from '../../lib/hub-api';
import { attentionOf } from '../../lib/report-view';
import { FindingList } from '../plan/FindingList';
import { AttentionList } from '../reports/AttentionList';
import { DistrictStatusTable } from '../reports/DistrictStatusTable';
import { ReportCharts } from '../reports/ReportCharts';
import { TargetsTable } from '../reports/TargetsTable';
import { HubProblemView } from './HubProblemView';
import { VersionTable } from './VersionTable';

/** The budget lines' own labels are in the report's tables; the hub's plan is not sent to the page. */
const NO_PLAN: Plan = { classes: [], studyTours: [], budget: [] };

/**
 * The province's dashboard: each district reported, late or missing, the consolidation over each
 * district's latest version (made by the hub, drawn with the reports view's parts), its downloads
 * from the hub (XLSX, HTML), and every version received with its original file.
 */
export function ProvinceHub({ client }: { client: HubClient }) {
  const { t, lang } = useLang();
  const [made, setMade] = useState<Consolidation | undefined>();
  const [history, setHistory] = useState<readonly SubmissionMeta[] | undefined>();
  const [problem, setProblem] = useState<HubProblem | undefined>();
  const [busy, setBusy] = useState<'xlsx' | 'html' | undefined>();
  const [saved, setSaved] = useState<string | undefined>();

  const load = useCallback(async () => {
    setProblem(undefined);
    const [c, h] = await Promise.all([client.consolidation(), client.history()]);
    if (!c.ok) return setProblem(c.problem);
    setMade(c.value);
    if (h.ok) setHistory(h.value.versions);
    else setProblem(h.problem);
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const download = async (format: 'xlsx' | 'html') => {
    setBusy(format);
    setSaved(undefined);
    const r = await client.consolidationFile(format);
    setBusy(undefined);
    if (!r.ok) return setProblem(r.problem);
    saveFile(r.value.bytes, r.value.name, r.value.type);
    setSaved(r.value.name);
  };

  const report = made?.report;
  const attention = useMemo(() => (report ? attentionOf(report) : undefined), [report]);
  const counts = useMemo(() => {
    const d = report?.districts ?? [];
    return { reported: d.filter((x) => x.status !== 'missing').length, late: d.filter((x) => x.status === 'late').length, missing: d.filter((x) => x.status === 'missing').length };
  }, [report]);

  return (
    <>
      <div className="buttons">
        <button type="button" onClick={() => void load()}>
          {t('hub.refresh')}
        </button>
      </div>
      {problem ? <HubProblemView problem={problem} /> : null}
      {!made || !report || !attention ? (
        problem ? null : (
          <p className="muted" role="status">
            {t('hub.loading')}
          </p>
        )
      ) : (
        <div className="report-result" data-kind="province">
          <h2 className="report-title">{report.heading.title[lang]}</h2>
          <p className="hub-summary summary" role="status">
            {t('hub.summary', { ...counts, asOf: date(made.asOf, lang) })}
          </p>
          <p className="muted">{t('hub.computedAt', { time: receivedText(made.computedAt, lang), n: made.submissions.length })}</p>
          <fieldset className="export report-downloads">
            <legend className="export-label">{t('hub.downloads')}</legend>
            {(['xlsx', 'html'] as const).map((f) => (
              <button key={f} type="button" data-format={f} disabled={busy !== undefined} onClick={() => void download(f)}>
                {busy === f ? t('hub.loading') : t(f === 'xlsx' ? 'hub.xlsx' : 'hub.html')}
              </button>
            ))}
            {saved ? (
              <span role="status" className="muted">
                {t('hub.saved', { name: saved })}
              </span>
            ) : null}
          </fieldset>
          <AttentionList attention={attention} report={report} plan={NO_PLAN} />
          <DistrictStatusTable districts={report.districts} />
          <ReportCharts report={report} plan={NO_PLAN} />
          <TargetsTable targets={report.targets} />
          <FindingList title={t('reports.findings')} findings={report.findings} id="hub-report-findings" />
        </div>
      )}
      {history ? <VersionTable id="hub-history" title={t('hub.history')} versions={[...history].reverse()} client={client} withDistrict /> : null}
    </>
  );
}
