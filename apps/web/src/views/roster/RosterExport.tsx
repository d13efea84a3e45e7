import { ExportButtons } from '../../components/ExportButtons';
import { useLang } from '../../i18n/lang';
import { resultName, saveFile } from '../../lib/download';
import type { RosterRow } from '../../lib/roster-rows';
import { useSession } from '../../state/session';

/** Export the filtered rows' decisions to CSV or XLSX (written by @p135/io in the engine worker). */
export function RosterExport({ rows, fileName }: { rows: readonly RosterRow[]; fileName: string }) {
  const { t, lang } = useLang();
  const { exportRoster } = useSession();
  return (
    <ExportButtons
      legend={t('roster.export', { n: rows.length })}
      count={rows.length}
      save={async (format) => {
        const name = resultName(fileName, lang === 'vi' ? 'ket-qua' : 'decisions', format);
        const r = await exportRoster(
          format,
          rows.map((row) => row.index),
          lang,
          name,
        );
        if (!r) return undefined;
        saveFile(r.bytes, r.name, r.type);
        return r.name;
      }}
    />
  );
}
