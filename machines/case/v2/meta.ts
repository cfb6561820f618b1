import type { StateMeta } from '../types';

export const META_V2_PROTECTION = {
  stage: { label: { vi: 'Giai đoạn hỗ trợ', en: 'Support stages' }, deadlines: [] },
  protection: { label: { vi: 'Bảo vệ trẻ em', en: 'Child protection' }, deadlines: [] },
  none: { label: { vi: 'Không có tin báo', en: 'No concern' }, deadlines: [] },
  open: {
    label: {
      vi: 'Tin báo bảo vệ trẻ em – chờ báo cơ quan có thẩm quyền',
      en: 'Protection concern – awaiting a report to an authority',
    },
    deadlines: [
      {
        kind: 'protection_notification',
        label: { vi: 'Báo cơ quan có thẩm quyền về tin bảo vệ trẻ em', en: 'Protection report to an authority' },
        // Circular 33's old 12-working-hour rule, kept; overdue goes straight to the principal, then the ward.
        due: { workingHours: 12 },
        escalateTo: ['principal', 'ward_officer'],
        principalAfter: { workingHours: 0 },
        wardAfter: { workingDays: 1 },
      },
    ],
  },
  notified: { label: { vi: 'Đã báo cơ quan có thẩm quyền', en: 'Reported to an authority' }, deadlines: [] },
} satisfies Record<string, StateMeta>;
