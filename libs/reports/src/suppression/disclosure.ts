import type { SumRule } from './suppress-figures';

// What a reader can work out from published figures: the suppressed figures that the sums pin to one value.
// The reader knows every published value, every sum, and that a hidden figure is at least `floor` (1: zeros
// are always published). Two attacks, fed into each other until neither finds more:
// - linear: any combination of sums (row minus column minus …) that leaves a single unknown;
// - intervals: a sum bounds each of its unknowns by the others' bounds (two unknowns adding to 2, each ≥ 1,
//   are both 1).
export const disclosed = (
  values: readonly number[],
  sums: readonly SumRule[],
  unknown: ReadonlySet<number>,
  floor: (i: number) => number,
): number[] => {
  const known = new Map<number, number>();
  for (let i = 0; i < values.length; i++) if (!unknown.has(i)) known.set(i, values[i]);
  const found = new Set<number>();
  const learn = (i: number, v: number) => {
    if (known.has(i)) return false;
    known.set(i, v);
    found.add(i);
    return true;
  };
  for (let moved = true; moved;) {
    moved = false;
    for (const [i, v] of solve(sums, known)) moved = learn(i, v) || moved;
    for (const [i, v] of pinned(values.length, sums, known, floor)) moved = learn(i, v) || moved;
  }
  return [...found].filter((i) => unknown.has(i)).sort((a, b) => a - b);
};

// Each sum as a row `total − Σ parts = 0`; Gauss–Jordan over the unknown columns. An unknown is determined
// exactly when its pivot row holds no other unknown.
const solve = (sums: readonly SumRule[], known: ReadonlyMap<number, number>): [number, number][] => {
  const cols = [...new Set(sums.flatMap((s) => [s.total, ...s.parts]))].filter((i) => !known.has(i));
  const col = new Map(cols.map((c, k) => [c, k]));
  const rows = sums.map(({ total, parts }) => {
    const row = new Array<number>(cols.length + 1).fill(0);
    const add = (i: number, sign: number) => {
      const k = col.get(i);
      if (k === undefined) row[cols.length] -= sign * (known.get(i) as number);
      else row[k] += sign;
    };
    add(total, 1);
    for (const p of parts) add(p, -1);
    return row;
  });
  const out: [number, number][] = [];
  let r = 0;
  for (let k = 0; k < cols.length && r < rows.length; k++) {
    const p = rows.findIndex((row, i) => i >= r && Math.abs(row[k]) > EPS);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p], rows[r]];
    const pivot = rows[r][k];
    rows[r] = rows[r].map((x) => x / pivot);
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i][k];
      if (i !== r && Math.abs(f) > EPS) rows[i] = rows[i].map((x, j) => x - f * rows[r][j]);
    }
    r++;
  }
  for (const row of rows) {
    const nonzero = cols.map((_, k) => k).filter((k) => Math.abs(row[k]) > EPS);
    if (nonzero.length === 1) out.push([cols[nonzero[0]], Math.round(row[cols.length])]);
  }
  return out;
};

// Interval narrowing: total ∈ [Σ lo(parts), Σ hi(parts)], part ∈ [lo(total) − Σ hi(others), hi(total) − Σ lo(others)].
const pinned = (
  size: number,
  sums: readonly SumRule[],
  known: ReadonlyMap<number, number>,
  floor: (i: number) => number,
): [number, number][] => {
  const lo = Array.from({ length: size }, (_, i) => known.get(i) ?? floor(i));
  const hi = Array.from({ length: size }, (_, i) => known.get(i) ?? Infinity);
  const sum = (b: number[], is: readonly number[]) => is.reduce((a, i) => a + b[i], 0);
  for (let moved = true; moved;) {
    moved = false;
    const narrow = (i: number, low: number, high: number) => {
      if (low > lo[i]) [lo[i], moved] = [low, true];
      if (high < hi[i]) [hi[i], moved] = [high, true];
    };
    for (const { total, parts } of sums) {
      narrow(total, sum(lo, parts), sum(hi, parts));
      parts.forEach((p, k) => {
        const others = parts.filter((_, j) => j !== k);
        narrow(p, lo[total] - sum(hi, others), hi[total] - sum(lo, others));
      });
    }
  }
  return lo.flatMap((l, i): [number, number][] => (!known.has(i) && l === hi[i] ? [[i, l]] : []));
};

const EPS = 1e-9;
