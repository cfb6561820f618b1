import { disclosed } from './disclosure';

// Small-count suppression for figures that leave a school (DOMAIN.md: ward reports).
//
//   suppressFigures(counts, sums, unpublished?) → Cell[]   one answer per count, in the same order
//   suppressTable(table) → SuppressedTable                 the same for a rows × columns table with totals
//
// A count is a number, or `{ n, people }` when what is shown (n cases) differs from the learners behind it.
// Primary: a count of 1–4 people shows "<5". Complementary: while a reader could still work a hidden figure out
// from the sums it belongs to (a row or column with one unknown, a combination of sums, or the interval the
// sums leave it, knowing a "<5" is never 0), the smallest other non-zero figure of such a sum is hidden too,
// a total only when no part is left. Zeros are always shown and never chosen: a hidden 0 beside a hidden
// cell tells the reader the cell's exact value. A complementary cell also shows "<5" whatever its value.
// `unpublished`: figures that take part in sums but are never shown (a reader treats them as unknown); they
// come back as "<5" and are the caller's to leave out.

export type Count = number | { n: number; people: number };
export type Cell = number | '<5';
// The figure at `total` is the sum of the figures at `parts` (indexes into the counts).
export type SumRule = { total: number; parts: readonly number[] };

export const SMALL = '<5';
const isSmall = (people: number) => people >= 1 && people <= 4;

export const valueOf = (c: Count): number => (typeof c === 'number' ? c : c.n);
const peopleOf = (c: Count): number => (typeof c === 'number' ? c : c.people);

export const suppressFigures = (
  counts: readonly Count[],
  sums: readonly SumRule[],
  unpublished: ReadonlySet<number> = new Set(),
): Cell[] => {
  const values = counts.map(valueOf);
  for (const { total, parts } of sums) {
    // A sum that does not hold would protect nothing: the caller's figures are wrong, not the reader's input.
    if (parts.reduce((a, p) => a + values[p], 0) !== values[total])
      throw new Error(`suppression: figure ${total} is not the sum of figures ${parts.join(', ')}`);
  }
  const hidden = new Set(counts.flatMap((c, i) => (isSmall(peopleOf(c)) && !unpublished.has(i) ? [i] : [])));
  const unknown = () => new Set([...hidden, ...unpublished]);
  const floor = (i: number) => (unpublished.has(i) ? 0 : 1);
  // Only hidden figures need protecting: an unpublished total the reader can work out is no secret. The plain
  // cases, one sum at a time, are settled first; the whole check (costly on a large table) runs when none is left.
  const exposed = () => {
    const plain = sums.find((s) => givesAway(s, values, hidden, unknown()));
    if (plain) return [[plain.total, ...plain.parts].find((i) => hidden.has(i)) as number];
    return disclosed(values, sums, unknown(), floor).filter((i) => hidden.has(i));
  };
  for (let found = exposed(); found.length > 0; found = exposed()) {
    const pick = complementFor(found, values, sums, unknown());
    if (pick === undefined) throw new Error('suppression: a hidden figure stays recoverable');
    hidden.add(pick);
  }
  return values.map((v, i) => (hidden.has(i) || unpublished.has(i) ? SMALL : v));
};

// A sum that alone gives a hidden figure away: its only unknown, or hidden parts (each at least 1) that can
// only all be 1 because they add up to their number.
const givesAway = (
  s: SumRule,
  values: readonly number[],
  hidden: ReadonlySet<number>,
  unknown: ReadonlySet<number>,
) => {
  const members = [s.total, ...s.parts];
  const unknowns = members.filter((i) => unknown.has(i));
  if (!unknowns.some((i) => hidden.has(i))) return false;
  if (unknowns.length === 1) return true;
  if (unknown.has(s.total) || unknowns.some((i) => !hidden.has(i))) return false;
  return unknowns.reduce((a, i) => a + values[i], 0) === unknowns.length;
};

// The smallest shown non-zero part of the sum that gives a hidden figure away most directly (of the sums holding
// an exposed figure, the one with the fewest unknowns), its total when no part is left; failing that, of any
// sum: once every non-zero figure is hidden, the sums only say that zeros add up to zero.
const complementFor = (
  exposed: readonly number[],
  values: readonly number[],
  sums: readonly SumRule[],
  unknown: ReadonlySet<number>,
): number | undefined => {
  const unknowns = (s: SumRule) => [s.total, ...s.parts].filter((i) => unknown.has(i)).length;
  const exposing = sums
    .filter((s) => exposed.some((i) => s.total === i || s.parts.includes(i)))
    .sort((a, b) => unknowns(a) - unknowns(b));
  const candidate = (s: SumRule) =>
    [...s.parts, s.total]
      .filter((i) => !unknown.has(i) && values[i] > 0)
      .sort((a, b) => Number(a === s.total) - Number(b === s.total) || values[a] - values[b] || a - b)[0];
  for (const s of [...exposing, ...sums]) {
    const pick = candidate(s);
    if (pick !== undefined) return pick;
  }
  return undefined;
};
