import { formatInputError, type InputError } from '@p135/io';
import { useLang } from '../../i18n/lang';

const SHOWN = 200;

/**
 * What is wrong with the input files, one line per error: the file (several results files come in
 * at once), then where in it — CSV or sheet row and section, or JSON path — and what to do.
 */
export function ReportErrors({ errors }: { errors: readonly InputError[] }) {
  const { t, lang } = useLang();
  return (
    <div className="input-errors" role="alert">
      <p className="error-title">{t('reports.errors', { n: errors.length })}</p>
      <ul>
        {errors.slice(0, SHOWN).map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the errors of one reading never reorder
          <li key={i}>{formatInputError(e, lang)}</li>
        ))}
      </ul>
    </div>
  );
}
