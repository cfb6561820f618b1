import type { components } from '../api/openapiTypes';
import type { Language } from '../i18n/I18nProvider';

type Role = components['schemas']['Role'];

// The roles' names as the schools say them (Circular 18/2025): one entry per role the API can return.
export const ROLE_LABELS: Record<Role, Record<Language, string>> = {
  counsellor: { vi: 'Giáo viên tư vấn', en: 'Counsellor' },
  supervisor: { vi: 'Tổ trưởng tư vấn', en: 'Supervisor' },
  principal: { vi: 'Hiệu trưởng', en: 'Principal' },
  ward_officer: { vi: 'Cán bộ Phòng Văn hóa – Xã hội', en: 'Ward officer' },
  auditor: { vi: 'Thanh tra', en: 'Auditor' },
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
};
