import { FACTS, roleTrackMatrix } from '@p135/rules';
import { useMemo } from 'react';
import { ScrollBox } from '../../components/ScrollBox';
import { useLang } from '../../i18n/lang';
import { usePack } from '../../state/pack';

/** For each role of the pack, each track: open, closed (citing the clauses of the rules that close it) or depending on other facts (which). */
export function RoleTrackMatrix() {
  const { t, lang } = useLang();
  const { book } = usePack();
  const matrix = useMemo(() => roleTrackMatrix(book), [book]);
  const factWords = (name: string) => FACTS.candidate.find((f) => f.name === name)?.doc[lang] ?? name;
  return (
    <section className="role-track-matrix" aria-labelledby="matrix-title">
      <h2 id="matrix-title">{t('matrix.title')}</h2>
      <p className="note">{t('matrix.intro')}</p>
      <ScrollBox labelledBy="matrix-title">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('matrix.role')}</th>
              {matrix.tracks.map((code) => (
                <th scope="col" key={code}>
                  {book.track(code)?.label[lang] ?? code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.roles.map((row) => (
              <tr key={row.role} data-role={row.role}>
                <th scope="row">{book.pack.roles.find((r) => r.code === row.role)?.label[lang] ?? row.role}</th>
                {row.cells.map((cell) => (
                  <td key={cell.track} className={`matrix-${cell.status}`} data-track={cell.track}>
                    {t(`matrix.${cell.status}`)}
                    {cell.status === 'closed' ? <span className="muted"> ({[...new Set(cell.closedBy.map((c) => c.clause))].join(', ')})</span> : null}
                    {cell.status === 'depends' ? <span className="muted"> — {t('matrix.dependsOn', { facts: cell.dependsOn.map(factWords).join('; ') })}</span> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
