import type { components } from '../../api/openapiTypes';
import type { DictionaryKey } from '../../i18n/dictionaryVi';
import { useI18n } from '../../i18n/I18nProvider';
import { barsOf, DIMENSIONS, type Cell, type Dimension } from '../figureLabels';
import { BarChart } from './BarChart';

type SchoolCaseFigures = components['schemas']['SchoolCaseFiguresDto'];

const TITLES: Record<Dimension, DictionaryKey> = {
  byStage: 'figures.byStage',
  byRisk: 'figures.byRisk',
  byArea: 'figures.byArea',
  byChannel: 'figures.byChannel',
};

const shown = (cell: Cell) => (cell === '<5' ? '<5' : String(cell));

// One school's counts: the totals, then the open cases by stage, risk level, content area and channel. The ward's
// view shows "<5" exactly where the API masked a cell.
export const SchoolFigures = ({ figures, overdue }: { figures: SchoolCaseFigures; overdue?: Cell }) => {
  const { t, language } = useI18n();
  const other = t('figures.other');
  return (
    <div className="figures-school-body">
      <ul className="figures-summary">
        <li>
          <span className="figures-summary-value">{shown(figures.open.total)}</span>
          {t('figures.openTotal')}
        </li>
        <li>
          <span className="figures-summary-value">{shown(figures.closedThisSchoolYear)}</span>
          {t('figures.closedThisYear')}
        </li>
        {overdue !== undefined && (
          <li>
            <span className="figures-summary-value">{shown(overdue)}</span>
            {t('figures.overdue')}
          </li>
        )}
      </ul>
      {figures.masked && <p className="figures-masked-note">{t('figures.maskedNote')}</p>}
      <div className="figures-charts">
        {DIMENSIONS.map((d) => (
          <BarChart key={d} title={t(TITLES[d])} bars={barsOf(d, figures.open[d], language, other)} />
        ))}
      </div>
    </div>
  );
};
