// Valid bodies for a school's records in the test clock's school year (2025-2026: the clock stands at 2026-03-02).
export const YEAR = '2025-2026';

export const teamMember = (over: Record<string, unknown> = {}) => ({
  fullName: 'Trần Thị Hoa',
  userId: null,
  teamRole: 'to_truong',
  employment: 'kiem_nhiem',
  job: 'lanh_dao_truong',
  fromDate: '2025-09-05',
  toDate: null,
  ...over,
});

export const activity = (over: Record<string, unknown> = {}) => ({
  date: '2025-10-20',
  kind: 'chuyen_de',
  name: 'Chuyên đề phòng chống bắt nạt trực tuyến',
  areas: ['tam_ly', 'ky_nang_song'],
  grades: [7, 6],
  parents: false,
  teachers: true,
  participants: 180,
  girls: 92,
  partners: 'Công an phường',
  note: null,
  ...over,
});

export const training = (over: Record<string, unknown> = {}) => ({
  fullName: 'Nguyễn Thị Lan',
  userId: null,
  course: 'Bồi dưỡng kỹ năng tư vấn tâm lý học đường',
  organiser: 'Sở Giáo dục và Đào tạo',
  durationHours: 16.5,
  fromDate: '2025-11-03',
  toDate: '2025-11-04',
  certificate: true,
  ...over,
});

export const facilities = (over: Record<string, unknown> = {}) => ({
  counsellingRoom: true,
  roomPrivate: true,
  onlineChannels: ['zalo', 'email'],
  note: 'Phòng tầng 2 nhà B.',
  ...over,
});

export const PATHS = { team: 'team', activities: 'activities', training: 'training' } as const;
export type ListKind = keyof typeof PATHS;
export const BODIES: Record<ListKind, (over?: Record<string, unknown>) => Record<string, unknown>> = {
  team: teamMember,
  activities: activity,
  training,
};
