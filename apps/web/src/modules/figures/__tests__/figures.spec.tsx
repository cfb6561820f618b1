import { render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../../i18n/I18nProvider';
import { AREA_LABELS, CHANNEL_LABELS, RISK_LABELS } from '../../labels/valueLabels';
import { BarChart } from '../components/BarChart';
import { barsOf, categoryLabel, widthOf, type Dimension } from '../figureLabels';

const STAGES = ['intake', 'assessment', 'planning', 'planReview', 'monitoring', 'closureReview', 'referral'];
const KEYS: Record<Dimension, string[]> = {
  byStage: STAGES,
  byRisk: Object.keys(RISK_LABELS),
  byArea: Object.keys(AREA_LABELS),
  byChannel: Object.keys(CHANNEL_LABELS),
};

describe('the figures page’s words and bars', () => {
  it('names every category the API counts in Vietnamese, never by its code, not even an inherited key', () => {
    for (const [dimension, keys] of Object.entries(KEYS) as [Dimension, string[]][]) {
      for (const key of keys) {
        const label = categoryLabel(dimension, key, 'vi', 'Khác');
        expect(label).not.toBe(key);
        expect(label).not.toBe('Khác');
      }
      expect(categoryLabel(dimension, 'toString', 'vi', 'Khác')).toBe('Khác');
    }
    expect(categoryLabel('byStage', 'intake', 'vi', 'Khác')).toBe('Tiếp nhận');
  });

  it('draws a hidden "<5" without a bar, the longest bar full width, and an empty chart without bars', () => {
    const bars = barsOf('byRisk', { low: 8, medium: '<5', high: 4, critical: 0 }, 'vi', 'Khác');
    expect(bars.map((b) => widthOf(b.value, bars))).toEqual([100, 0, 50, 0]);
    expect(widthOf(0, barsOf('byRisk', { low: 0 }, 'vi', 'Khác'))).toBe(0);
  });

  it('is a table a screen reader reads: caption, category, number ("<5" as given); the bars hidden from it', () => {
    const bars = barsOf('byRisk', { low: 8, medium: '<5', high: 0, critical: 0 }, 'vi', 'Khác');
    render(
      <I18nProvider>
        <BarChart title="Theo mức độ nguy cơ" bars={bars} />
      </I18nProvider>,
    );
    const table = screen.getByRole('table', { name: 'Theo mức độ nguy cơ' });
    const medium = within(table).getByRole('row', { name: /Trung bình/ });
    expect(within(medium).getByRole('cell', { name: '<5' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'Thấp' })).toBeTruthy();
  });
});
