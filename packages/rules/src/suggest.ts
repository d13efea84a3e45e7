/** Edit distance (insert, delete, replace, swap of neighbours), case-insensitive: exact up to `max`, `max + 1` past it (found early when it can be). */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, (prev2[j - 2] as number) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  // A row can hold a value within max while the last is past it: past max is always max + 1.
  return Math.min(prev[t.length] as number, max + 1);
}

/** The known names closest to a misspelt one (at most `count`, nearest first); none when nothing is near. */
export function closest(name: string, known: Iterable<string>, count = 3): string[] {
  const max = Math.max(2, Math.floor(name.length / 3));
  return [...known]
    .map((k) => ({ k, d: editDistance(name, k, max) }))
    .filter((x) => x.d <= max)
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, count)
    .map((x) => x.k);
}

/**
 * What to say after "unknown X": the nearest known names ("did you mean …?") when there are some,
 * then the known ones (at most `listed`; 0: none), in Vietnamese and English alike.
 */
export function suggestion(name: string, known: readonly string[], listed = 12): { vi: string; en: string } {
  const near = closest(name, known);
  const nearVi = near.length ? ` Có phải ý bạn là ${near.map((n) => `"${n}"`).join(' hoặc ')}?` : '';
  const nearEn = near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : '';
  if (listed === 0) return { vi: nearVi, en: nearEn };
  const shown = known.slice(0, listed).join(', ') + (known.length > listed ? ', …' : '');
  return { vi: `${nearVi} Có: ${shown || '(không có)'}.`, en: `${nearEn} Known: ${shown || '(none)'}.` };
}
