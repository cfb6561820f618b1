import type { components } from '../api/openapiTypes';
import type { Language } from '../i18n/I18nProvider';
import { stageLabel } from '../labels/stateLabels';
import { AREA_LABELS, CHANNEL_LABELS, RISK_LABELS } from '../labels/valueLabels';

type Schemas = components['schemas'];
export type Cell = Schemas['OpenCaseFiguresDto']['total'];
export type Breakdown = Schemas['OpenCaseFiguresDto']['byStage'];
export type Dimension = 'byStage' | 'byRisk' | 'byArea' | 'byChannel';
export type Bar = { key: string; label: string; value: Cell };

export const DIMENSIONS: Dimension[] = ['byStage', 'byRisk', 'byArea', 'byChannel'];

const has = <T extends object>(labels: T, key: string): key is Extract<keyof T, string> =>
  Object.prototype.hasOwnProperty.call(labels, key);

// The words of one category of a breakdown. A key the labels do not know (an API newer than the page) is shown
// as "other", never as its code.
export const categoryLabel = (dimension: Dimension, key: string, language: Language, other: string): string => {
  switch (dimension) {
    case 'byStage':
      return stageLabel(key, language) ?? other;
    case 'byRisk':
      return has(RISK_LABELS, key) ? RISK_LABELS[key][language] : other;
    case 'byArea':
      return has(AREA_LABELS, key) ? AREA_LABELS[key][language] : other;
    case 'byChannel':
      return has(CHANNEL_LABELS, key) ? CHANNEL_LABELS[key][language] : other;
  }
};

// A breakdown as bars in the API's order (the machine's stages, the labels' order of the enums).
export const barsOf = (dimension: Dimension, breakdown: Breakdown, language: Language, other: string): Bar[] =>
  Object.entries(breakdown).map(([key, value]) => ({
    key,
    label: categoryLabel(dimension, key, language, other),
    value,
  }));

// A hidden cell has no bar: it may be a small count, or a larger one hidden so the small one cannot be worked out by
// subtraction (complementary suppression), and any length would tell something.
export const barLength = (value: Cell): number => (value === '<5' ? 0 : value);

// The bar's width as a share of the longest bar of its chart, in percent.
export const widthOf = (value: Cell, bars: Bar[]): number => {
  const longest = Math.max(0, ...bars.map((b) => barLength(b.value)));
  return longest === 0 ? 0 : Math.round((barLength(value) / longest) * 1000) / 10;
};
