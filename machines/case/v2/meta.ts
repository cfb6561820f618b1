import type { StateMeta } from '../types';

export const META_V2_PROTECTION = {
  stage: { label: { vi: 'Giai đoạn hỗ trợ', en: 'Support stages' }, deadlines: [] },
  protection: { label: { vi: 'Bảo vệ trẻ em', en: 'Child protection' }, deadlines: [] },
  none: { label: { vi: 'Không có tin báo', en: 'No concern' }, deadlines: [] },
  open: {
    label: { vi: 'Tin báo bảo vệ trẻ em – chờ thông báo', en: 'Protection concern – awaiting notification' },
    deadlines: [
      {
        kind: 'protection_notification',
        label: { vi: 'Thông báo tin bảo vệ trẻ em', en: 'Protection notification' },
        // Circular 33's old 12-working-hour rule, kept; overdue goes straight to the principal, then the ward.
        due: { workingHours: 12 },
        escalateTo: ['principal', 'ward_officer'],
        principalAfter: { workingHours: 0 },
        wardAfter: { workingDays: 1 },
      },
    ],
  },
  notified: { label: { vi: 'Đã thông báo', en: 'Notified' }, deadlines: [] },
} satisfies Record<string, StateMeta>;
