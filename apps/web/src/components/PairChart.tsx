import { useId } from 'react';

export interface PairBar {
  readonly key: string;
  readonly label: string;
  /** The reference (planned, estimate), for drawing only. */
  readonly a: number;
  readonly aText: string;
  /** What was done (held, spent), for drawing only. */
  readonly b: number;
  readonly bText: string;
  /** 'over': what was done is past the reference (drawn red). */
  readonly tone?: 'over' | 'plain';
}

const WIDTH = 300;
const HEIGHT = 20;

/**
 * Two bars per row in plain SVG: the reference outlined (planned, the estimate) over what was done
 * filled (held, spent), with both exact values as text beside them. The pictures are hidden from
 * screen readers, which read the same figures as a table.
 */
export function PairChart({ title, description, aLabel, bLabel, rows }: { title: string; description: string; aLabel: string; bLabel: string; rows: readonly PairBar[] }) {
  const id = useId();
  const max = Math.max(1, ...rows.flatMap((r) => [r.a, r.b]));
  const x = (v: number) => Math.max(0, Math.min(WIDTH, (v / max) * WIDTH));
  return (
    <figure className="chart pair-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <p className="chart-desc">{description}</p>
      <p className="chart-legend" aria-hidden="true">
        <span className="swatch-a" /> {aLabel} <span className="swatch-b" /> {bLabel}
      </p>
      <ul className="bars" aria-hidden="true">
        {rows.map((r) => (
          <li key={r.key} className={`bar-row pair ${r.tone ?? 'plain'}`} data-row={r.key}>
            <span className="bar-label">{r.label}</span>
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="bar-svg pair-svg" focusable="false">
              <title>{`${r.label}: ${aLabel} ${r.aText}, ${bLabel} ${r.bText}`}</title>
              <rect x="0" y="0" width={WIDTH} height={HEIGHT} className="bar-track" />
              <rect x="0.5" y="1" width={Math.max(0, x(r.a) - 1)} height="8" className="pair-a" />
              <rect x="0" y="11" width={x(r.b)} height="8" className="pair-b" />
            </svg>
            <span className="bar-value">
              {r.aText} / {r.bText}
            </span>
          </li>
        ))}
      </ul>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{aLabel}</th>
            <th scope="col">{bLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.aText}</td>
              <td>{r.bText}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
