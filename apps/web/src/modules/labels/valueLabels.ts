import type { components } from '../api/openapiTypes';
import type { Language } from '../i18n/I18nProvider';

type Schemas = components['schemas'];
type Labels<T extends string> = Record<T, Record<Language, string>>;

// The words of the values the API returns, one entry per value of its enums (a test holds them against the
// committed openapi.json): no page shows a bare code.
// The roles' names as the schools say them (Circular 18/2025).
export const ROLE_LABELS: Labels<Schemas['Role']> = {
  counsellor: { vi: 'Giáo viên tư vấn', en: 'Counsellor' },
  supervisor: { vi: 'Tổ trưởng tư vấn', en: 'Supervisor' },
  principal: { vi: 'Hiệu trưởng', en: 'Principal' },
  ward_officer: { vi: 'Cán bộ Phòng Văn hóa – Xã hội', en: 'Ward officer' },
  auditor: { vi: 'Thanh tra', en: 'Auditor' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
};

export const RISK_LABELS: Labels<Schemas['RiskLevel']> = {
  low: { vi: 'Thấp', en: 'Low' },
  medium: { vi: 'Trung bình', en: 'Medium' },
  high: { vi: 'Cao', en: 'High' },
  critical: { vi: 'Nghiêm trọng', en: 'Critical' },
};
