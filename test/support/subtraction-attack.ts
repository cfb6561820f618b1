// The reader who tries to undo "<5": from published figures and the sums they obey, work out what a hidden
// cell holds. Written apart from libs/reports/src/suppression so the two do not share a mistake.

export type Shown = number | '<5';
// `total` = Σ `parts`, by cell name. A name absent from the published figures is a figure never published.
export type SumRule = { total: string; parts: readonly string[] };

// Every hidden cell the sums pin to one value, with that value. `floor` is what the reader may assume a hidden
// cell holds at least: 0 (counts are never negative) or 1 (a "<5" is never a zero, since zeros are published),
// or per cell (a reader who knows which hidden cell is a learner count and which may be a zero).
// The reader solves any sum with one unknown, then narrows each unknown to the interval the sums leave it
// (with two unknowns summing to 2 and a floor of 1, both are 1), feeding each answer back until nothing moves.
export const subtractionAttack = (
  shown: Readonly<Record<string, Shown>>,
  sums: readonly SumRule[],
  floor: 0 | 1 | Readonly<Record<string, number>> = 0,
): Record<string, number> => {
  const names = new Set([...Object.keys(shown), ...sums.flatMap((s) => [s.total, ...s.parts])]);
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  for (const name of names) {
    const v = shown[name];
    lo.set(name, typeof v === 'number' ? v : v === '<5' ? (typeof floor === 'number' ? floor : (floor[name] ?? 0)) : 0);
    hi.set(name, typeof v === 'number' ? v : Infinity);
  }
  const get = (m: Map<string, number>, k: string) => m.get(k) as number;
  const total = (m: Map<string, number>, ks: readonly string[]) => ks.reduce((a, k) => a + get(m, k), 0);
  for (let moved = true; moved;) {
    moved = false;
    const narrow = (name: string, low: number, high: number) => {
      if (low > get(lo, name)) {
        lo.set(name, low);
        moved = true;
      }
      if (high < get(hi, name)) {
        hi.set(name, high);
        moved = true;
      }
    };
    for (const { total: t, parts } of sums) {
      narrow(t, total(lo, parts), total(hi, parts));
      for (const p of parts) {
        const others = parts.filter((q) => q !== p);
        narrow(p, get(lo, t) - total(hi, others), get(hi, t) - total(lo, others));
      }
    }
  }
  return Object.fromEntries(
    Object.entries(shown)
      .filter(([name, v]) => v === '<5' && get(lo, name) === get(hi, name))
      .map(([name]) => [name, get(lo, name)]),
  );
};
