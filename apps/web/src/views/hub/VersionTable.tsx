import type { Timeliness } from '@p135/rules';
import { useState } from 'react';
import { ScrollBox } from '../../components/ScrollBox';
import { useLang } from '../../i18n/lang';
import { saveFile } from '../../lib/download';
import { count } from '../../lib/format';
import { type HubClient, type HubProblem, receivedText, type SubmissionMeta } from '../../lib/hub-api';
import { HubProblemView } from './HubProblemView';

/**
 * Versions as the hub lists them: when, by which token, the file, its errors and warnings, whether
 * it was sent on time (the API's district report of that version, when given), and its original file.
 */
export function VersionTable({
  id,
  title,
  versions,
  client,
  timeliness,
  withDistrict = false,
}: {
  id: string;
  title: string;
  versions: readonly SubmissionMeta[];
  client: HubClient;
  timeliness?: ReadonlyMap<string, Timeliness>;
  withDistrict?: boolean;
}) {
  const { t, lang } = useLang();
  const [saved, setSaved] = useState<string | undefined>();
  const [problem, setProblem] = useState<HubProblem | undefined>();
  const download = async (meta: SubmissionMeta) => {
    setSaved(undefined);
    setProblem(undefined);
    const r = await client.original(meta);
    if (!r.ok) return setProblem(r.problem);
    saveFile(r.value.bytes, r.value.name, r.value.type);
    setSaved(r.value.name);
  };
  const status = (meta: SubmissionMeta): string => {
    const time = timeliness?.get(versionKey(meta));
    if (!time) return '…';
    return time.status === 'late' ? t('hub.late', { days: time.daysLate }) : t(`reports.status.${time.status}`);
  };
  return (
    <section aria-labelledby={`${id}-title`} className="hub-versions">
      <h2 id={`${id}-title`}>{title}</h2>
      {versions.length === 0 ? (
        <p className="muted">{t('hub.noVersions')}</p>
      ) : (
        <ScrollBox labelledBy={`${id}-title`}>
          <table className="hub-version-table">
            <thead>
              <tr>
                {withDistrict ? <th scope="col">{t('hub.col.district')}</th> : null}
                <th scope="col" className="num">
                  {t('hub.col.version')}
                </th>
                <th scope="col">{t('hub.col.received')}</th>
                <th scope="col">{t('hub.col.by')}</th>
                <th scope="col">{t('hub.col.file')}</th>
                <th scope="col">{t('hub.col.findings')}</th>
                {timeliness ? <th scope="col">{t('hub.col.deadline')}</th> : null}
                <th scope="col">{t('hub.col.original')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={versionKey(v)} data-district={v.district} data-version={v.version}>
                  {withDistrict ? <td>{v.district}</td> : null}
                  <th scope="row" className="num">
                    {count(v.version, lang)}
                  </th>
                  <td>{receivedText(v.receivedAt, lang)}</td>
                  <td>
                    <code>{v.submittedBy}</code>
                  </td>
                  <td>{v.fileName}</td>
                  <td>{t('hub.findingCount', { errors: v.errors, warnings: v.warnings })}</td>
                  {timeliness ? <td data-cell="deadline">{status(v)}</td> : null}
                  <td>
                    <button type="button" aria-label={t('hub.downloadVersion', { version: v.version, name: v.fileName })} onClick={() => void download(v)}>
                      {t('hub.download')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {saved ? (
        <p role="status" className="muted">
          {t('hub.saved', { name: saved })}
        </p>
      ) : null}
      {problem ? <HubProblemView problem={problem} /> : null}
    </section>
  );
}

export const versionKey = (meta: SubmissionMeta): string => `${meta.district}/${meta.version}`;
