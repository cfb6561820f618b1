import type { components } from '../api/openapiTypes';
import type { Language } from '../i18n/I18nProvider';

type Schemas = components['schemas'];
type Labels<T extends string> = Record<T, Record<Language, string>>;

// The words of the values the API returns, one entry per value of its enums (a test holds them against the
// committed openapi.json): no page shows a bare code.
export const RISK_LABELS: Labels<Schemas['RiskLevel']> = {
  low: { vi: 'Thấp', en: 'Low' },
  medium: { vi: 'Trung bình', en: 'Medium' },
  high: { vi: 'Cao', en: 'High' },
  critical: { vi: 'Nghiêm trọng', en: 'Critical' },
};
