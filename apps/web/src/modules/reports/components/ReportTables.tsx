import { useI18n } from '../../i18n/I18nProvider';
import type { ReportTable } from '../hooks/useReports';

const cell = (value: ReportTable['rows'][number][number], masked: string) =>
  value === '<5' ? <abbr title={masked}>&lt;5</abbr> : value;

// The report's figures as its .docx and .xlsx print them: what leaves the school, small counts "<5" even here.
export const ReportTables = ({ tables }: { tables: ReportTable[] }) => {
  const { t } = useI18n();
  return (
    <div className="report-tables">
      {tables.map((table) => (
        <table key={table.sheet} className="figures-chart report-table">
          <caption>{table.title}</caption>
          <thead>
            <tr>
              {table.header.map((h, i) => (
                <th key={h} scope="col" className={i === 0 ? undefined : 'figures-number'}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={String(row[0])}>
                <th scope="row">{row[0]}</th>
                {row.slice(1).map((v, i) => (
                  <td key={table.header[i + 1]} className="figures-number">
                    {cell(v, t('figures.maskedTitle'))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
};
