import { useI18n } from '../../i18n/I18nProvider';
import { widthOf, type Bar } from '../figureLabels';

// A horizontal bar chart that is also its own table: a screen reader reads the caption, each category and its
// number; the bars, drawn with widths only (no script, no chart library: the page's CSP holds), are hidden from it.
// `valueHeader`: what the numbers are (cases unless said).
export const BarChart = ({ title, bars, valueHeader }: { title: string; bars: Bar[]; valueHeader?: string }) => {
  const { t } = useI18n();
  return (
    <table className="figures-chart">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('figures.category')}</th>
          <th scope="col" className="figures-number">
            {valueHeader ?? t('figures.count')}
          </th>
          <th scope="col" aria-hidden="true" className="figures-bar-head" />
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.key} data-key={bar.key}>
            <th scope="row">{bar.label}</th>
            <td className="figures-number">
              {bar.value === '<5' ? <abbr title={t('figures.maskedTitle')}>&lt;5</abbr> : bar.value}
            </td>
            <td aria-hidden="true" className="figures-bar-cell">
              <div
                className={bar.value === '<5' ? 'figures-bar figures-bar-masked' : 'figures-bar'}
                style={{ width: `${widthOf(bar.value, bars)}%` }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
