import type { CaseEventType, Role } from '@dh/machines/case/types';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_WARD = { code: 'DONGDA', name: 'Phường Đống Đa' };
export const DEMO_SCHOOLS = [
  { code: 'DD', name: 'Trường THCS Đống Đa' },
  { code: 'KL', name: 'Trường Tiểu học Kim Liên' },
] as const;
export type DemoSchoolCode = (typeof DEMO_SCHOOLS)[number]['code'];

export type DemoUser = {
  username: string;
  fullName: string;
  roles: Role[];
  school: DemoSchoolCode | null;
  ward?: boolean;
};

// Every demo user has an address under the reserved `.example` domain: pointed at a catching mail server (SMTP_URL),
// the demo's alerts arrive there, and no real mailbox can ever receive one.
export const demoEmail = (username: string): string => `${username}@dong-hanh.example`;

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', roles: ['admin'], school: null, ward: true },
  { username: 'tv.dongda', fullName: 'Nguyễn Thị Lan', roles: ['counsellor'], school: 'DD' },
  { username: 'tt.dongda', fullName: 'Trần Văn Minh', roles: ['supervisor'], school: 'DD' },
  { username: 'ht.dongda', fullName: 'Lê Thị Hồng', roles: ['principal'], school: 'DD' },
  { username: 'tv.kimlien', fullName: 'Phạm Thu Hà', roles: ['counsellor'], school: 'KL' },
  { username: 'tt.kimlien', fullName: 'Hoàng Văn Nam', roles: ['supervisor'], school: 'KL' },
  { username: 'vhxh', fullName: 'Đỗ Thị Mai', roles: ['ward_officer'], school: null, ward: true },
  { username: 'thanhtra', fullName: 'Vũ Quốc Khánh', roles: ['auditor'], school: null, ward: true },
];

// `referTo`: the kind of receiver of the demo ward's directory a REFER names; the seed records the learner's and
// the guardian's consent for it first, as a counsellor must.
export type DemoStep = {
  type: CaseEventType;
  by: 'counsellor' | 'supervisor';
  payload: Record<string, unknown>;
  referTo?: 'y_te';
};

const assess = (riskLevel: string): DemoStep[] => [
  { type: 'START_ASSESSMENT', by: 'counsellor', payload: {} },
  {
    type: 'COMPLETE_ASSESSMENT',
    by: 'counsellor',
    payload: {
      riskLevel,
      riskRationale: 'Em tự chia sẻ, giáo viên chủ nhiệm xác nhận.',
      difficulties: 'Khó tập trung, điểm giảm sút trong học kỳ.',
      needs: 'Được lắng nghe, hỗ trợ phương pháp học.',
    },
  },
];
const plan: DemoStep = {
  type: 'SUBMIT_PLAN',
  by: 'counsellor',
  payload: {
    goals: ['Cải thiện giấc ngủ', 'Lập thời gian biểu học tập'],
    responsible: 'Nguyễn Thị Lan',
    reviewDate: '2026-12-15',
  },
};
const refer: DemoStep = {
  type: 'REFER',
  by: 'counsellor',
  payload: { reason: 'Cần đánh giá tâm lý chuyên sâu.', sender: { title: 'Tư vấn viên' } },
  referTo: 'y_te',
};

// Every demo learner's family and intake narrative: what Forms 01 and 02 print.
export const DEMO_FAMILY = [
  { fullName: 'Nguyễn Văn Hùng', relationship: 'bố', yearOfBirth: 1982, occupation: 'Lái xe', phone: '0912345677' },
  {
    fullName: 'Trần Thị Hoa',
    relationship: 'mẹ',
    yearOfBirth: 1985,
    occupation: 'Buôn bán nhỏ',
    phone: '0912345678',
    currentCarer: true,
  },
];
export const DEMO_NARRATIVE = {
  familyCircumstances: 'Bố thường đi làm xa, em sống cùng mẹ và em gái.',
  actionsTaken: 'Giáo viên chủ nhiệm đã trao đổi riêng với em.',
};

// One case of the demo school in each stage, reached through the real machine so each has a valid chain.
export const DEMO_CASES: {
  learner: string;
  dob: string;
  sex: 'nam' | 'nu';
  className: string;
  risk: string;
  summary: string;
  steps: DemoStep[];
}[] = [
  {
    learner: 'Nguyễn Văn Đức',
    dob: '2013-05-14',
    sex: 'nam',
    className: '7A2',
    risk: 'medium',
    summary: 'Em thường xuyên nghỉ học không phép.',
    steps: [],
  },
  {
    learner: 'Trần Thị Bích Ngọc',
    dob: '2012-09-02',
    sex: 'nu',
    className: '8A1',
    risk: 'low',
    summary: 'Em lo lắng trước kỳ thi.',
    steps: assess('low').slice(0, 1),
  },
  {
    learner: 'Lê Hoàng Long',
    dob: '2013-01-20',
    sex: 'nam',
    className: '7A1',
    risk: 'medium',
    summary: 'Mâu thuẫn với bạn cùng lớp.',
    steps: assess('medium'),
  },
  {
    learner: 'Phạm Minh Anh',
    dob: '2011-11-11',
    sex: 'nu',
    className: '9A3',
    risk: 'high',
    summary: 'Em có biểu hiện buồn chán kéo dài.',
    steps: [...assess('high'), plan],
  },
  {
    learner: 'Đặng Quốc Bảo',
    dob: '2012-03-30',
    sex: 'nam',
    className: '8A2',
    risk: 'low',
    summary: 'Em cần định hướng chọn trường.',
    steps: [...assess('low'), plan],
  },
  {
    learner: 'Bùi Thị Thu Trang',
    dob: '2012-07-07',
    sex: 'nu',
    className: '8A3',
    risk: 'medium',
    summary: 'Em bị bạn bè trêu chọc trên mạng.',
    steps: [...assess('medium').slice(0, 1), refer],
  },
  {
    learner: 'Vũ Đức Thắng',
    dob: '2013-08-19',
    sex: 'nam',
    className: '7A3',
    risk: 'medium',
    summary: 'Gia đình có biến cố.',
    steps: [...assess('medium').slice(0, 1), refer, { type: 'REFERRAL_ACCEPTED', by: 'counsellor', payload: {} }],
  },
  {
    learner: 'Ngô Thị Hạnh',
    dob: '2011-04-25',
    sex: 'nu',
    className: '9A1',
    risk: 'low',
    summary: 'Em khó hòa nhập khi chuyển trường.',
    steps: [
      ...assess('low'),
      plan,
      { type: 'PROPOSE_CLOSURE', by: 'counsellor', payload: { outcome: 'Em đã hòa nhập tốt với lớp.' } },
    ],
  },
];

export const DEMO_PUBLIC_REPORT =
  'Em thấy một bạn lớp 8 hay bị các bạn khác trêu chọc và giấu cặp sách, bạn ấy không dám kể với cô chủ nhiệm.';
