import type { InputError, ResultsReport } from '@p135/io';
import type { Plan } from '@p135/rules';
import { useEffect, useRef, useState } from 'react';
import { FileDrop } from '../../components/FileDrop';
import { ReportEngine } from '../../engine/report-client';
import { useLang } from '../../i18n/lang';
import { EXAMPLE_RESULTS, EXAMPLES, fetchExample } from '../../lib/examples';
import { type LoadedFile, readPicked } from '../../lib/files';
import { usePack } from '../../state/pack';
import { useSession } from '../../state/session';
import { ReportErrors } from './ReportErrors';
import { ReportResult } from './ReportResult';
import { ResultsPicker } from './ResultsPicker';

type Built =
  | { readonly status: 'idle' }
  | { readonly status: 'working' }
  | { readonly status: 'invalid'; readonly errors: readonly InputError[] }
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'ready'; readonly report: ResultsReport; readonly plan: Plan };

type Level = 'district' | 'province';

/**
 * Results reports: load the plan, the roster and one or more results files (or the example), and
 * see a district's report or the provincial consolidation, computed in the browser by the package
 * in a worker; download it as XLSX, CSV or a printable page.
 */
export function ReportsView() {
  const { t } = useLang();
  const { packId, book } = usePack();
  const session = useSession();
  const engine = useRef<ReportEngine | null>(null);
  engine.current ??= new ReportEngine();
  useEffect(() => () => engine.current?.stop(), []);

  const [planFile, setPlanFile] = useState<LoadedFile | undefined>();
  const [rosterFile, setRosterFile] = useState<LoadedFile | undefined>();
  const [results, setResults] = useState<readonly LoadedFile[]>([]);
  const [level, setLevel] = useState<Level>('province');
  const [which, setWhich] = useState(0);
  const [asOf, setAsOf] = useState('');
  const [built, setBuilt] = useState<Built>({ status: 'idle' });

  // The plan and roster loaded in the other views serve here too, unless others are chosen here.
  const plan = planFile ?? (session.plan.status !== 'empty' ? session.plan.file : undefined);
  const roster = rosterFile ?? (session.roster.status !== 'empty' ? session.roster.file : undefined);

  const build = async (inputs: { plan?: LoadedFile; roster?: LoadedFile; results: readonly LoadedFile[]; level: Level; which: number; asOf: string }) => {
    const chosen = inputs.level === 'province' ? inputs.results : inputs.results.slice(inputs.which, inputs.which + 1);
    if (!inputs.plan || !inputs.roster || chosen.length === 0) {
      setBuilt({ status: 'failed', message: t('reports.missingInputs') });
      return;
    }
    setBuilt({ status: 'working' });
    try {
      const r = await (engine.current as ReportEngine).run<'built'>({
        kind: 'build',
        packId,
        pack: book.pack,
        level: inputs.level,
        plan: inputs.plan,
        roster: inputs.roster,
        results: chosen,
        ...(inputs.level === 'province' && inputs.asOf ? { asOf: inputs.asOf } : {}),
      });
      if (r.report && r.plan) setBuilt({ status: 'ready', report: r.report, plan: r.plan });
      else setBuilt({ status: 'invalid', errors: r.errors });
    } catch (err) {
      setBuilt({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const loadExample = async () => {
    setBuilt({ status: 'working' });
    const [p, r, ...rs] = await Promise.all([fetchExample(EXAMPLES.plan), fetchExample(EXAMPLES.roster), ...EXAMPLE_RESULTS.map(fetchExample)]);
    setPlanFile(p);
    setRosterFile(r);
    setResults(rs);
    setLevel('province');
    setWhich(0);
    await build({ plan: p, roster: r, results: rs, level: 'province', which: 0, asOf });
  };

  return (
    <div className="view reports-view">
      <h1>{t('reports.title')}</h1>
      <p className="intro">{t('reports.intro')}</p>
      <div className="buttons">
        <button type="button" onClick={() => void loadExample().catch((err: unknown) => setBuilt({ status: 'failed', message: String(err) }))}>
          {t('reports.example')}
        </button>
      </div>
      <p className="note">
        <span className="badge illustrative">{t('common.illustrative')}</span> {t('reports.exampleNote')}
      </p>
      <section aria-labelledby="report-inputs-title">
        <h2 id="report-inputs-title">{t('reports.inputs')}</h2>
        <div className="report-inputs">
          <FileDrop accept=".json,application/json" label={t('reports.pickPlan')} onFile={(f) => void readPicked(f).then(setPlanFile)}>
            <p className="file-name" data-input="plan">
              {t('reports.plan')}: {fileText(plan, planFile === undefined, t)}
            </p>
          </FileDrop>
          <FileDrop accept=".csv,.xlsx,.json,text/csv,application/json" label={t('reports.pickRoster')} onFile={(f) => void readPicked(f).then(setRosterFile)}>
            <p className="file-name" data-input="roster">
              {t('reports.roster')}: {fileText(roster, rosterFile === undefined, t)}
            </p>
          </FileDrop>
          <ResultsPicker files={results} onFiles={setResults} />
        </div>
      </section>
      <form
        className="report-options"
        onSubmit={(e) => {
          e.preventDefault();
          void build({ plan, roster, results, level, which, asOf });
        }}
      >
        <fieldset>
          <legend>{t('reports.level')}</legend>
          {(['province', 'district'] as const).map((l) => (
            <label key={l}>
              <input type="radio" name="report-level" value={l} checked={level === l} onChange={() => setLevel(l)} /> {t(l === 'province' ? 'reports.province' : 'reports.district')}
            </label>
          ))}
        </fieldset>
        {level === 'district' ? (
          <label>
            {t('reports.which')}
            <select value={which} onChange={(e) => setWhich(Number(e.currentTarget.value))}>
              {results.map((f, i) => (
                <option key={f.name} value={i}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {t('reports.asOf')}
            <input type="date" value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} />
          </label>
        )}
        <button type="submit" disabled={built.status === 'working'}>
          {t('reports.build')}
        </button>
      </form>
      {built.status === 'working' ? (
        <p role="status" className="muted">
          {t('reports.working')}
        </p>
      ) : null}
      {built.status === 'invalid' ? <ReportErrors errors={built.errors} /> : null}
      {built.status === 'failed' ? (
        <p role="alert" className="input-errors">
          {t('reports.failed', { message: built.message })}
        </p>
      ) : null}
      {built.status === 'ready' ? <ReportResult report={built.report} plan={built.plan} engine={engine.current} /> : null}
    </div>
  );
}

function fileText(file: LoadedFile | undefined, fromSession: boolean, t: ReturnType<typeof useLang>['t']): string {
  if (!file) return t('reports.none');
  return fromSession ? t('reports.fromSession', { name: file.name }) : file.name;
}
