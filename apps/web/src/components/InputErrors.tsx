import { formatPlace, type InputError } from '@p135/io';
import { useLang } from '../i18n/lang';
import { ScrollBox } from './ScrollBox';

const SHOWN = 200;

/**
 * What is wrong with a file, one row per error, each with where it is: the spreadsheet row and the
 * column as the file names it, or, for a JSON file, the line and character or the JSON path.
 */
export function InputErrors({ errors, title }: { errors: readonly InputError[]; title: string }) {
  const { t, lang } = useLang();
  const shown = errors.slice(0, SHOWN);
  const tabular = errors.some((e) => e.place.row !== undefined || e.place.column !== undefined);
  return (
    <div className="input-errors" role="alert">
      <p className="error-title">{title}</p>
      {errors.length > SHOWN ? <p>{t('roster.errorsShown', { shown: SHOWN })}</p> : null}
      <ScrollBox label={title}>
        <table>
          <thead>
            <tr>
              {tabular ? (
                <>
                  <th scope="col">{t('roster.errorRow')}</th>
                  <th scope="col">{t('roster.errorColumn')}</th>
                </>
              ) : (
                <th scope="col">{t('roster.errorPlace')}</th>
              )}
              <th scope="col">{t('roster.errorMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: errors have no identity; the list never reorders
              <tr key={i}>
                {tabular ? (
                  <>
                    <td>{e.place.row ?? e.place.line ?? '—'}</td>
                    <td>{e.place.column ?? e.place.path ?? '—'}</td>
                  </>
                ) : (
                  <td>{formatPlace({ ...e.place, file: undefined }, lang) || '—'}</td>
                )}
                <td>{e.message[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  );
}
