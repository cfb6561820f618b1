type Tree = number | string | boolean | null | Tree[] | { [key: string]: Tree };

// Several schools' figures as one: counts add up key by key. A median, a period or a school's facilities do not
// add up, and come out null (the roll-up says how many reports it sums instead).
const NOT_SUMMED = new Set(['period', 'medianWorkingDays', 'facilities']);

const add = (a: Tree, b: Tree): Tree => {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out: { [key: string]: Tree } = {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      out[key] = NOT_SUMMED.has(key) ? null : add(a[key] ?? 0, b[key] ?? 0);
    return out;
  }
  return null;
};

export const sumFigures = <F extends object>(all: readonly F[]): F | null =>
  all.length === 0 ? null : (all.map((f) => f as unknown as Tree).reduce(add) as unknown as F);
