import { formatPlace, type InputError } from '@p135/io';
import { useLang } from '../i18n/lang';

/**
 * What the reader did that the person should know, nothing wrong: the header row taken below the
 * title rows, the columns left out (STT, Ghi chú…), the rows below a total or signature block not
 * read, the decoding used. One line each, with where it is (the spreadsheet's own row).
 */
export function InputNotices({ notices }: { notices: readonly InputError[] }) {
  const { t, lang } = useLang();
  if (!notices.length) return null;
  return (
    <section className="input-notices" aria-label={t('file.notices', { n: notices.length })}>
      <p className="notice-title">{t('file.notices', { n: notices.length })}</p>
      <ul>
        {notices.map((n, i) => {
          const place = formatPlace({ ...n.place, file: undefined }, lang);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: notices have no identity; the list never reorders
            <li key={i} data-code={n.code}>
              {place ? <span className="notice-place">{place}: </span> : null}
              {n.message[lang]}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
