import { Shown, subtractionAttack, SumRule } from '../../../../../test/support/subtraction-attack';
import { Cell, Count, CountTable, disclosed, SuppressedTable, suppressFigures, suppressTable } from '..';

// The reader's view of a suppressed table: every published figure by name, and the sums of rows and columns
// (totals left unpublished are unknowns that still obey their sum).
const readerOf = (input: CountTable, out: SuppressedTable) => {
  const rows = input.cells.length;
  const cols = input.cells[0].length;
  const range = (n: number) => Array.from({ length: n }, (_, k) => k);
  const shown: Record<string, Shown> = {};
  out.cells.forEach((r, i) => r.forEach((v, j) => (shown[`r${i}c${j}`] = v)));
  out.rowTotals?.forEach((v, i) => (shown[`row${i}`] = v));
  out.columnTotals?.forEach((v, j) => (shown[`col${j}`] = v));
  if (out.grandTotal !== undefined) shown.grand = out.grandTotal;
  const sums: SumRule[] = [
    ...range(rows).map((i) => ({ total: `row${i}`, parts: range(cols).map((j) => `r${i}c${j}`) })),
    ...range(cols).map((j) => ({ total: `col${j}`, parts: range(rows).map((i) => `r${i}c${j}`) })),
    { total: 'grand', parts: range(rows).map((i) => `row${i}`) },
    { total: 'grand', parts: range(cols).map((j) => `col${j}`) },
  ];
  return { shown, sums };
};
const recovered = (input: CountTable, out: SuppressedTable, floor: 0 | 1 = 1) => {
  const { shown, sums } = readerOf(input, out);
  return subtractionAttack(shown, sums, floor);
};

describe('suppressTable', () => {
  const sut = suppressTable;

  it('hides the issue’s cell and a second one, so 415 − 414 no longer gives the learner away', () => {
    const table = { cells: [[414, 1, 0]], rowTotals: [415] };
    // Before: the reader subtracts.
    expect(
      subtractionAttack({ total: 415, intake: 414, assessment: '<5', planning: 0 }, [
        { total: 'total', parts: ['intake', 'assessment', 'planning'] },
      ]),
    ).toEqual({ assessment: 1 });
    const out = sut(table);
    expect(out).toEqual({ cells: [['<5', '<5', 0]], rowTotals: [415] });
    expect(recovered(table, out, 0)).toEqual({});
    expect(recovered(table, out, 1)).toEqual({});
  });

  it('hides a count of one to four people even when it stands for more cases, and shows zeros', () => {
    const out = sut({ cells: [[{ n: 5, people: 2 }, 0, { n: 9, people: 9 }, 4]] });
    expect(out).toEqual({ cells: [['<5', 0, 9, '<5']] });
  });

  it('never takes a zero as the second cell: a hidden 0 beside the hidden cell tells the reader its value', () => {
    const table = { cells: [[1, 0, 7]], rowTotals: [8] };
    // Had the 0 been hidden: the two hidden cells add up to 1, and a learner count is at least 1.
    const withZeroHidden = { total: 8, a: '<5', zero: '<5', c: 7 } as const;
    const row = [{ total: 'total', parts: ['a', 'zero', 'c'] }];
    expect(subtractionAttack(withZeroHidden, row, 0)).toEqual({});
    expect(subtractionAttack(withZeroHidden, row, { a: 1, zero: 0 })).toEqual({ a: 1, zero: 0 });

    expect(sut(table)).toEqual({ cells: [['<5', 0, '<5']], rowTotals: [8] });
    expect(recovered(table, sut(table))).toEqual({});
  });

  it('hides a third cell when the two hidden ones could only be one each', () => {
    const table = { cells: [[1, 1, 5, 0]], rowTotals: [7] };
    expect(recovered(table, { cells: [['<5', '<5', 5, 0]], rowTotals: [7] })).toEqual({ r0c0: 1, r0c1: 1 });
    const out = sut(table);
    expect(out).toEqual({ cells: [['<5', '<5', '<5', 0]], rowTotals: [7] });
    expect(recovered(table, out)).toEqual({});
  });

  it('protects a cell in its row and its column, and hides a total when a column has nothing else', () => {
    const table = {
      cells: [
        [2, 9, 10],
        [8, 12, 7],
        [6, 5, 20],
      ],
      rowTotals: [21, 27, 31],
      columnTotals: [16, 26, 37],
      grandTotal: 79,
    };
    const out = sut(table);
    // The 2 is hidden, then the 9 beside it, the 6 below it and the 5 that closes the square.
    expect(out.cells).toEqual([
      ['<5', '<5', 10],
      [8, 12, 7],
      ['<5', '<5', 20],
    ]);
    expect([out.rowTotals, out.columnTotals, out.grandTotal]).toEqual([[21, 27, 31], [16, 26, 37], 79]);
    expect(recovered(table, out)).toEqual({});

    const lonely = { cells: [[3], [9]], rowTotals: [3, 9], columnTotals: [12], grandTotal: 12 };
    expect(sut(lonely)).toEqual({
      cells: [['<5'], ['<5']],
      rowTotals: ['<5', '<5'],
      columnTotals: [12],
      grandTotal: 12,
    });
    expect(recovered(lonely, sut(lonely))).toEqual({});
  });

  it('leaves no hidden cell recoverable in any of 300 random tables, and changes no shown number', () => {
    let seed = 17;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const count = (): Count => {
      const kind = random(10);
      const n = kind < 3 ? 0 : kind < 6 ? 1 + random(4) : 5 + random(40);
      return random(5) === 0 && n > 0 ? { n: n + random(4), people: n } : n;
    };
    const small = (c: Count): Cell => {
      const [n, people] = typeof c === 'number' ? [c, c] : [c.n, c.people];
      return people >= 1 && people <= 4 ? '<5' : n;
    };
    let leakyWithoutComplements = 0;
    for (let k = 0; k < 300; k++) {
      const cols = 1 + random(5);
      const cells = Array.from({ length: 1 + random(4) }, () => Array.from({ length: cols }, count));
      const sum = (cs: Count[]) => cs.reduce((a: number, c) => a + (typeof c === 'number' ? c : c.n), 0);
      const rowTotals = cells.map(sum);
      const columnTotals = cells[0].map((_, j) => sum(cells.map((r) => r[j])));
      const table: CountTable = {
        cells,
        ...(random(4) > 0 && { rowTotals }),
        ...(random(4) > 0 && { columnTotals }),
        ...(random(3) > 0 && { grandTotal: sum(rowTotals) }),
      };
      const primaryOnly = {
        cells: cells.map((r) => r.map(small)),
        rowTotals: table.rowTotals?.map(small),
        columnTotals: table.columnTotals?.map(small),
        grandTotal: table.grandTotal === undefined ? undefined : small(table.grandTotal),
      };
      if (Object.keys(recovered(table, primaryOnly)).length > 0) leakyWithoutComplements++;
      const out = sut(table);
      expect({ k, recovered: recovered(table, out) }).toEqual({ k, recovered: {} });
      cells.forEach((r, i) =>
        r.forEach((c, j) => {
          const [n, people] = typeof c === 'number' ? [c, c] : [c.n, c.people];
          const shown = out.cells[i][j];
          if (people >= 1 && people <= 4) expect(shown).toBe('<5');
          else if (shown !== '<5') expect(shown).toBe(n);
          if (n === 0) expect(shown).toBe(0);
        }),
      );
    }
    // The attack has teeth: "<5" on the small cells alone leaks in 73 of these tables.
    expect(leakyWithoutComplements).toBeGreaterThan(50);
  });

  it('refuses totals that are not the sums of their cells', () => {
    expect(() => sut({ cells: [[3, 4]], rowTotals: [8] })).toThrow(/not the sum/);
  });
});

describe('disclosed', () => {
  const sut = disclosed;

  // Two blocks of four hidden cells joined by one: every row and column holds two hidden cells or more, yet
  // rows 0–1 minus columns 0–1 leave the joining cell alone. A reader subtracting row by row cannot see it.
  const cells = [
    [1, 2, 20, 30],
    [3, 4, 2, 40],
    [50, 60, 1, 2],
    [70, 80, 3, 4],
  ];
  const hiddenCells = [0, 1, 4, 5, 6, 10, 11, 14, 15];
  const sums = [
    ...[0, 1, 2, 3].map((i) => ({ total: 16 + i, parts: [0, 1, 2, 3].map((j) => i * 4 + j) })),
    ...[0, 1, 2, 3].map((j) => ({ total: 20 + j, parts: [0, 1, 2, 3].map((i) => i * 4 + j) })),
  ];
  const values = [
    ...cells.flat(),
    ...cells.map((r) => r.reduce((a, b) => a + b)),
    ...[0, 1, 2, 3].map((j) => cells.reduce((a, r) => a + r[j], 0)),
  ];

  it('finds the cell joining two hidden blocks, which no row or column alone gives away', () => {
    expect(sut(values, sums, new Set(hiddenCells), () => 1)).toEqual([6]);
    const name = (i: number) => (i < 16 ? `c${i}` : `t${i}`);
    const shown = Object.fromEntries(
      values.map((v, i): [string, Shown] => [name(i), hiddenCells.includes(i) ? '<5' : v]),
    );
    const named = sums.map((s) => ({ total: name(s.total), parts: s.parts.map(name) }));
    expect(subtractionAttack(shown, named, 1)).toEqual({});
  });

  it('leads suppressFigures to hide one more cell there', () => {
    const out = suppressFigures(values, sums);
    expect(hiddenCells.every((i) => out[i] === '<5')).toBe(true);
    const hidden = new Set(out.flatMap((v, i) => (v === '<5' ? [i] : [])));
    expect(hidden.size).toBeGreaterThan(hiddenCells.length);
    expect(sut(values, sums, hidden, () => 1)).toEqual([]);
  });
});
