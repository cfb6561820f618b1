import type { Bar } from '../../figures/figureLabels';
import { BarChart } from '../../figures/components/BarChart';
import type { ReportTable } from '../hooks/useReports';

// Each table of the roll-up as a chart of its first figure ("<5" draws no bar, as on the figures page).
const barsOf = (table: ReportTable): Bar[] =>
  table.rows.flatMap(([label, value]): Bar[] =>
    typeof value === 'number' || value === '<5' ? [{ key: String(label), label: String(label), value }] : [],
  );

export const RollUpCharts = ({ tables }: { tables: ReportTable[] }) => (
  <div className="figures-charts">
    {tables.map((table) => (
      <BarChart key={table.sheet} title={table.title} valueHeader={table.header[1]} bars={barsOf(table)} />
    ))}
  </div>
);
