import { Cell, Count, SumRule, suppressFigures, valueOf } from './suppress-figures';

// A rows × columns table of counts and the totals that will be published with it. A total left out is not
// published; the reader still knows it is the sum of its row or column, so the suppression counts with it.
export type CountTable = {
  cells: readonly (readonly Count[])[];
  rowTotals?: readonly Count[];
  columnTotals?: readonly Count[];
  grandTotal?: Count;
};
export type SuppressedTable = { cells: Cell[][]; rowTotals?: Cell[]; columnTotals?: Cell[]; grandTotal?: Cell };

export const suppressTable = (table: CountTable): SuppressedTable => {
  const { cells } = table;
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  if (cells.some((r) => r.length !== cols)) throw new Error('suppression: rows of different lengths');
  const sumOf = (cs: readonly Count[]) => cs.reduce((a: number, c) => a + valueOf(c), 0);
  const rowTotals = table.rowTotals ?? cells.map(sumOf);
  const columnTotals = table.columnTotals ?? Array.from({ length: cols }, (_, j) => sumOf(cells.map((r) => r[j])));
  const grandTotal = table.grandTotal ?? sumOf(rowTotals);

  // Figures in order: the cells row by row, the row totals, the column totals, the grand total.
  const cell = (i: number, j: number) => i * cols + j;
  const rowTotal = (i: number) => rows * cols + i;
  const columnTotal = (j: number) => rows * cols + rows + j;
  const grand = rows * cols + rows + cols;
  const range = (n: number) => Array.from({ length: n }, (_, k) => k);
  const sums: SumRule[] = [
    ...range(rows).map((i) => ({ total: rowTotal(i), parts: range(cols).map((j) => cell(i, j)) })),
    ...range(cols).map((j) => ({ total: columnTotal(j), parts: range(rows).map((i) => cell(i, j)) })),
    { total: grand, parts: range(rows).map(rowTotal) },
    { total: grand, parts: range(cols).map(columnTotal) },
  ];
  const unpublished = new Set([
    ...(table.rowTotals ? [] : range(rows).map(rowTotal)),
    ...(table.columnTotals ? [] : range(cols).map(columnTotal)),
    ...(table.grandTotal === undefined ? [grand] : []),
  ]);
  const out = suppressFigures([...cells.flat(), ...rowTotals, ...columnTotals, grandTotal], sums, unpublished);
  return {
    cells: range(rows).map((i) => range(cols).map((j) => out[cell(i, j)])),
    ...(table.rowTotals && { rowTotals: range(rows).map((i) => out[rowTotal(i)]) }),
    ...(table.columnTotals && { columnTotals: range(cols).map((j) => out[columnTotal(j)]) }),
    ...(table.grandTotal !== undefined && { grandTotal: out[grand] }),
  };
};
