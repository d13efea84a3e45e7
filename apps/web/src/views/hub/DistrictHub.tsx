import type { InputError } from '@p135/io';
import type { Timeliness } from '@p135/rules';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FileDrop } from '../../components/FileDrop';
import { InputErrors } from '../../components/InputErrors';
import { useLang } from '../../i18n/lang';
import { readPicked } from '../../lib/files';
import type { HubClient, HubProblem, SubmissionMeta, Submitted } from '../../lib/hub-api';
import { FindingList } from '../plan/FindingList';
import { HubProblemView } from './HubProblemView';
import { VersionTable, versionKey } from './VersionTable';

type Sending = { readonly status: 'idle' } | { readonly status: 'sending'; readonly name: string } | { readonly status: 'refused'; readonly errors: readonly InputError[] };

/**
 * A district's page: send a results file (the hub reads and checks it, and keeps it as the next
 * version), see that version's findings, and every version with its status and original file.
 */
export function DistrictHub({ client, district }: { client: HubClient; district: string }) {
  const { t } = useLang();
  const [sending, setSending] = useState<Sending>({ status: 'idle' });
  const [submitted, setSubmitted] = useState<Submitted | undefined>();
  const [problem, setProblem] = useState<HubProblem | undefined>();
  const [versions, setVersions] = useState<readonly SubmissionMeta[] | undefined>();
  const [timeliness, setTimeliness] = useState<ReadonlyMap<string, Timeliness>>(new Map());
  /** Versions whose status was asked for already (a version never changes). */
  const asked = useRef(new Set<string>());

  const load = useCallback(async () => {
    const r = await client.versions(district);
    if (!r.ok) return setProblem(r.problem);
    setVersions(r.value.versions);
    // Each version's deadline status, from its district report as the hub makes it (the pack's deadline).
    for (const v of r.value.versions) {
      if (asked.current.has(versionKey(v))) continue;
      asked.current.add(versionKey(v));
      const report = await client.report(v.district, v.version);
      if (report.ok) setTimeliness((m) => new Map(m).set(versionKey(v), report.value.timeliness));
      else asked.current.delete(versionKey(v));
    }
  }, [client, district]);

  useEffect(() => {
    void load();
  }, [load]);

  const send = async (file: File) => {
    setProblem(undefined);
    setSubmitted(undefined);
    const picked = await readPicked(file);
    if (picked.refused) return setSending({ status: 'refused', errors: [picked.refused] });
    setSending({ status: 'sending', name: picked.name });
    const r = await client.submit(picked.name, picked.bytes);
    setSending({ status: 'idle' });
    if (!r.ok) return setProblem(r.problem);
    setSubmitted(r.value);
    await load();
  };

  return (
    <>
      <section aria-labelledby="hub-upload-title" className="hub-upload">
        <h2 id="hub-upload-title">{t('hub.upload')}</h2>
        <p className="muted">{t('hub.uploadHint')}</p>
        <FileDrop accept=".xlsx,.csv,.json,.txt,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" label={t('hub.pick')} onFile={(f) => void send(f)} />
        {sending.status === 'sending' ? (
          <p role="status" className="muted">
            {t('hub.sending', { name: sending.name })}
          </p>
        ) : null}
        {sending.status === 'refused' ? <InputErrors errors={sending.errors} title={t('hub.upload')} /> : null}
        {problem ? <HubProblemView problem={problem} /> : null}
        {submitted ? (
          <p role="status" className={submitted.errors ? 'summary bad' : submitted.warnings ? 'summary warn' : 'summary ok'} data-version={submitted.submission.version}>
            {t('hub.submitted', { name: submitted.submission.fileName, version: submitted.submission.version, errors: submitted.errors, warnings: submitted.warnings })}
          </p>
        ) : null}
      </section>
      {submitted ? <FindingList title={t('hub.findings', { version: submitted.submission.version })} findings={submitted.findings} id="hub-findings" /> : null}
      {versions ? <VersionTable id="hub-versions" title={t('hub.versions')} versions={[...versions].reverse()} client={client} timeliness={timeliness} /> : <p className="muted">{t('hub.loading')}</p>}
    </>
  );
}
