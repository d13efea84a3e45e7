import { FileDrop } from '../../components/FileDrop';
import { InputErrors } from '../../components/InputErrors';
import { InputNotices } from '../../components/InputNotices';
import { ProgressBar } from '../../components/ProgressBar';
import { useLang } from '../../i18n/lang';
import { EXAMPLES, fetchExample } from '../../lib/examples';
import { type LoadedFile, readPicked } from '../../lib/files';
import { useSession } from '../../state/session';
import { RosterResults } from './RosterResults';

/** Roster: load a file (or an example), see every person's decision, filter, sort and export. */
export function RosterView() {
  const { t } = useLang();
  const { roster, loadRoster, cancelRoster } = useSession();
  const load = (get: Promise<LoadedFile>) => {
    void get.then(loadRoster, (err: unknown) => console.warn(err));
  };
  return (
    <div className="view roster-view">
      <h1>{t('roster.title')}</h1>
      <p className="intro">{t('roster.intro')}</p>
      <FileDrop accept=".csv,.xlsx,.json,.jsonl,.txt,text/csv" label={t('file.pickRoster')} onFile={(f) => load(readPicked(f))}>
        <div className="buttons">
          <button type="button" onClick={() => load(fetchExample(EXAMPLES.roster))}>
            {t('roster.example', { n: EXAMPLES.roster.people })}
          </button>
          <button type="button" onClick={() => load(fetchExample(EXAMPLES.sample))}>
            {t('roster.sample')}
          </button>
        </div>
        <p className="note">
          <span className="badge illustrative">{t('common.illustrative')}</span> {t('roster.exampleNote')}
        </p>
      </FileDrop>
      {roster.status !== 'empty' ? <p className="file-name">{t('file.loaded', { name: roster.file.name })}</p> : null}
      {roster.status === 'working' ? <ProgressBar progress={roster.progress} onCancel={cancelRoster} /> : null}
      {roster.status === 'invalid' || roster.status === 'ready' ? <InputNotices notices={roster.warnings} /> : null}
      {roster.status === 'invalid' ? <InputErrors errors={roster.errors} title={t('roster.errors', { n: roster.errors.length })} /> : null}
      {roster.status === 'failed' ? (
        <p role="alert" className="input-errors">
          {t('roster.failed', { message: roster.message })}
        </p>
      ) : null}
      {roster.status === 'cancelled' ? <p role="status">{t('roster.cancelled')}</p> : null}
      {roster.status === 'ready' ? <RosterResults key={`${roster.file.name}:${roster.packId}:${roster.rows.length}`} roster={roster} /> : null}
    </div>
  );
}
