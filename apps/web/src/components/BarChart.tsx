import { useId } from 'react';

export interface Bar {
  readonly key: string;
  readonly label: string;
  /** For drawing only. */
  readonly value: number;
  /** The exact value as a person reads it, shown beside the bar. */
  readonly valueText: string;
  readonly tone?: 'ok' | 'over' | 'plain';
}

export interface Limit {
  readonly value: number;
  readonly label: string;
}

const WIDTH = 300;
const HEIGHT = 18;
/** Room above and below a bar for the limit line, so it shows past the bar's ends. */
const PAD = 4;

/**
 * Horizontal bars in plain SVG, one row per bar with its label and exact value as text beside it,
 * and an optional limit (a ceiling or a cap) drawn as a line on every row.
 */
export function BarChart({ title, description, bars, limit }: { title: string; description: string; bars: readonly Bar[]; limit?: Limit }) {
  const id = useId();
  const max = Math.max(limit?.value ?? 0, ...bars.map((b) => b.value), 1);
  const x = (v: number) => Math.max(0, Math.min(WIDTH, (v / max) * WIDTH));
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <p id={`${id}-desc`} className="chart-desc">
        {description}
      </p>
      {limit ? (
        <p className="chart-limit">
          <span className="limit-swatch" aria-hidden="true" /> {limit.label}
        </p>
      ) : null}
      <ul className="bars">
        {bars.map((b) => (
          <li key={b.key} className={`bar-row ${b.tone ?? 'plain'}`} data-bar={b.key}>
            <span className="bar-label">{b.label}</span>
            <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 2 * PAD}`} preserveAspectRatio="none" role="img" aria-label={`${b.label}: ${b.valueText}`} className="bar-svg">
              <title>{`${b.label}: ${b.valueText}`}</title>
              <rect x="0" y={PAD} width={WIDTH} height={HEIGHT} className="bar-track" />
              <rect x="0" y={PAD} width={x(b.value)} height={HEIGHT} className="bar-fill" />
              {/* The limit over the bar: a dark line on a light halo, longer than the bar, seen on any fill. */}
              {limit ? <line x1={x(limit.value)} x2={x(limit.value)} y1="0" y2={HEIGHT + 2 * PAD} className="bar-limit-halo" /> : null}
              {limit ? <line x1={x(limit.value)} x2={x(limit.value)} y1="0" y2={HEIGHT + 2 * PAD} className="bar-limit" /> : null}
            </svg>
            <span className="bar-value">{b.valueText}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
