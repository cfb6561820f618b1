import request from 'supertest';
import { auth, Login, World } from './fixtures';
import { TestApp } from './test-app';

export type CaseBody = { id: string; version: number; state: string; allowedEvents: string[]; [k: string]: unknown };

let learnerCounter = 0;

export const createLearner = async (
  t: TestApp,
  by: Login,
  schoolId: string,
  fullName = `Học Sinh Số ${++learnerCounter}`,
) => {
  const res = await t
    .http()
    .post('/api/learners')
    .set(auth(by))
    .send({ schoolId, fullName, dateOfBirth: '2013-05-14', sex: 'nam', className: '7A1', confirmDistinct: true })
    .expect(201);
  return res.body as { id: string };
};

export const openCase = async (
  t: TestApp,
  world: World,
  // `body`: more fields of the opening (receivedAt, …), sent as given.
  opts: { by?: Login; schoolId?: string; riskLevel?: string; assigneeId?: string; body?: Record<string, unknown> } = {},
): Promise<CaseBody> => {
  const by = opts.by ?? world.users.counsellorA;
  const schoolId = opts.schoolId ?? world.schoolA;
  const learner = await createLearner(t, by, schoolId);
  const res = await t
    .http()
    .post('/api/cases')
    .set(auth(by))
    .send({
      schoolId,
      learnerId: learner.id,
      areas: [
        { code: 'tam_ly', priority: 1 },
        { code: 'hoc_tap', priority: 2 },
      ],
      channel: 'giao_vien',
      summary: 'Giáo viên chủ nhiệm báo em thường xuyên buồn bã.',
      riskLevel: opts.riskLevel ?? 'medium',
      riskRationale: 'Đánh giá ban đầu khi tiếp nhận.',
      ...(opts.assigneeId ? { assigneeId: opts.assigneeId } : {}),
      ...opts.body,
    })
    .expect(201);
  return res.body as CaseBody;
};

export const sendEvent = (
  t: TestApp,
  by: Login,
  c: { id: string; version: number },
  type: string,
  payload: Record<string, unknown> = {},
) => t.http().post(`/api/cases/${c.id}/events`).set(auth(by)).send({ type, payload, expectedVersion: c.version });

// Sends and expects success; returns the case after the transition.
export const move = async (
  t: TestApp,
  by: Login,
  c: { id: string; version: number },
  type: string,
  payload: Record<string, unknown> = {},
) => {
  const res: request.Response = await sendEvent(t, by, c, type, payload);
  if (res.status !== 200) throw new Error(`${type} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as CaseBody;
};

// From intake to monitoring: assessed at low risk, its plan submitted; returns the case then.
export const toMonitoring = async (t: TestApp, by: Login, c: CaseBody): Promise<CaseBody> => {
  const assessing = await move(t, by, c, 'START_ASSESSMENT');
  const assessed = await move(t, by, assessing, 'COMPLETE_ASSESSMENT', PAYLOADS.assessment('low'));
  return move(t, by, assessed, 'SUBMIT_PLAN', PAYLOADS.plan);
};

export const PAYLOADS = {
  assessment: (riskLevel = 'medium') => ({
    riskLevel,
    riskRationale: 'Em chia sẻ có ý nghĩ tiêu cực; gia đình xác nhận.',
    difficulties: 'Mất ngủ, không tập trung học.',
    needs: 'Được lắng nghe và hỗ trợ tâm lý.',
  }),
  plan: { goals: ['Ổn định giấc ngủ', 'Tham gia lại hoạt động lớp'], responsible: 'Cô Lan', reviewDate: '2026-04-15' },
  // Every optional field of the records issue too (Mẫu 02, Mẫu 04).
  assessmentFull: (riskLevel = 'medium') => ({
    ...PAYLOADS.assessment(riskLevel),
    wishes: 'Em mong bố mẹ bớt cãi nhau và được ở lại lớp cũ.',
    facts: 'Bố mẹ đang ly thân; em sống với bà ngoại từ tháng Chín.',
    preliminaryView: 'Căng thẳng kéo dài do hoàn cảnh gia đình, chưa có dấu hiệu tự hại.',
    areas: [
      { code: 'tam_ly', priority: 1 },
      { code: 'gioi_quan_he', priority: 2 },
      { code: 'hoc_tap', priority: 3 },
    ],
  }),
  planFull: {
    goals: ['Ổn định giấc ngủ', 'Tham gia lại hoạt động lớp'],
    responsible: 'Cô Lan',
    reviewDate: '2026-04-15',
    activities: ['Tham vấn cá nhân hằng tuần', 'Gặp gỡ gia đình'],
    form: 'truc_tiep',
    partners: ['Trạm y tế phường', 'Giáo viên chủ nhiệm lớp 7A1'],
    resources: 'Phòng tư vấn; tài liệu kỹ năng quản lý cảm xúc.',
    timeAndPlace: 'Chiều thứ Ba hằng tuần, phòng tư vấn tầng 2',
    endDate: '2026-05-29',
  },
  closureFull: {
    outcome: 'Em đã ổn định, đi học đều.',
    resultsAchieved: 'Ngủ đủ giấc; tham gia câu lạc bộ đọc sách.',
    resultsNotAchieved: 'Điểm Toán chưa cải thiện.',
    reason: 'Đạt mục tiêu chính của kế hoạch.',
    followUpPlan: 'Gọi điện cho mẹ em sau 30 và 90 ngày.',
  },
  session: {
    mode: 'truc_tiep',
    place: 'Phòng tư vấn tầng 2',
    startedAt: '2026-03-02T08:30:00+07:00',
    minutes: 45,
    methods: ['Lắng nghe tích cực', 'Tham vấn nhận thức – hành vi'],
    evaluation: 'Em cởi mở hơn, tự nêu được hai điều khiến em lo lắng.',
    ending: 'tiep_tuc',
    nextAppointment: '2026-03-09T08:30:00+07:00',
    areas: [{ code: 'tam_ly', priority: 1 }],
  },
  familyContact: {
    contactedAt: '2026-03-02T08:00:00+07:00',
    person: { fullName: 'Trần Thị Mai Hương', relationship: 'mẹ' },
    how: 'dien_thoai',
    content: 'Trao đổi về giấc ngủ của em; mẹ cho biết em hay thức khuya.',
    agreed: 'Gia đình nhắc em đi ngủ trước 22 giờ.',
  },
  followUp: {
    contactedAt: '2026-03-02T08:45:00+07:00',
    how: 'dien_thoai',
    withWhom: 'Mẹ em',
    resultKept: true,
    notes: 'Em vẫn đi học đều, ngủ đủ giấc.',
  },
  // A REFER names a receiver of the directory of the school's ward (see prepareReferral for one and its consents).
  refer: (receiverId: string) => ({ receiverId, reason: 'Cần đánh giá chuyên sâu.' }),
};

// One receiver per test app, added by the world's admin to the world's ward (both schools are of it).
const receivers = new WeakMap<TestApp, Promise<string>>();
export const referralReceiver = (t: TestApp, world: World): Promise<string> => {
  if (!receivers.has(t)) {
    receivers.set(
      t,
      t
        .http()
        .post('/api/admin/directory')
        .set(auth(world.users.adminW))
        .send({
          name: 'Trạm y tế phường Thử Nghiệm',
          kind: 'y_te',
          address: '12 Phố Thử Nghiệm',
          phone: '024 3851 1234',
          contactPerson: 'BS. Hoàng Minh',
        })
        .expect(201)
        .then((res) => res.body.id as string),
    );
  }
  return receivers.get(t) as Promise<string>;
};

// Records the consents a referral needs (the guardian's and, the test learner being 13, the learner's) for one
// receiver, by a member of the case team; returns the REFER payload. Consents move neither the stage nor the version.
export const prepareReferral = async (
  t: TestApp,
  world: World,
  c: { id: string },
  opts: { by?: Login; receiverId?: string; givers?: ('guardian' | 'learner')[] } = {},
): Promise<{ receiverId: string; consentIds: string[]; payload: { receiverId: string; reason: string } }> => {
  const receiverId = opts.receiverId ?? (await referralReceiver(t, world));
  const consentIds: string[] = [];
  for (const givenBy of opts.givers ?? ['guardian', 'learner']) {
    const res = await t
      .http()
      .post(`/api/cases/${c.id}/consents`)
      .set(auth(opts.by ?? world.users.supervisorA))
      .send({
        givenBy,
        ...(givenBy === 'guardian' ? { guardian: { fullName: 'Nguyễn Thị Hoa', relationship: 'mẹ' } } : {}),
        scope: { kind: 'referral', receiverId, purpose: 'Chuyển gửi để được đánh giá chuyên sâu.' },
        givenAt: '2026-03-01',
        how: 'van_ban',
      });
    if (res.status !== 201) throw new Error(`consent answered ${res.status}: ${JSON.stringify(res.body)}`);
    consentIds.push(res.body.id as string);
  }
  return { receiverId, consentIds, payload: PAYLOADS.refer(receiverId) };
};

export const historyOf = async (t: TestApp, by: Login, caseId: string) =>
  (await t.http().get(`/api/cases/${caseId}/history`).set(auth(by)).expect(200)).body.items as {
    seq: number;
    type: string;
    fromState: string | null;
    toState: string | null;
    actorId: string;
    actorRole: string;
    at: string;
    hash: string;
    prevHash: string | null;
    payload: Record<string, unknown>;
  }[];

export const verifyOf = async (t: TestApp, by: Login, caseId: string) =>
  (await t.http().get(`/api/cases/${caseId}/history/verify`).set(auth(by)).expect(200)).body as {
    valid: boolean;
    events: number;
    firstInvalidSeq?: number;
    findings?: { check: string; seq?: number; expected?: unknown; found?: unknown }[];
  };
