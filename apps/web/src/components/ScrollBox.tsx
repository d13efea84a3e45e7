import type { ReactNode } from 'react';

/**
 * A wide table's own scrolling box: named (a region), reachable by keyboard so it can be scrolled
 * without a mouse, and the only thing that scrolls sideways on a phone.
 */
export function ScrollBox({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
