import type { DeadlineSpec, StateMeta } from '../types';

// Service levels of DOMAIN.md's defaults table; a ward overrides durations in its SLA policy, not here.
// Where the table escalates "supervisor → principal", the ladder's third rung (ward officer) follows too.
const deadline = (kind: string, vi: string, en: string, rest: Omit<DeadlineSpec, 'kind' | 'label'>): DeadlineSpec => ({
  kind,
  label: { vi, en },
  ...rest,
});

export const META_V1 = {
  intake: {
    label: { vi: 'Tiếp nhận', en: 'Intake' },
    // "Same day" for high risk: the end of the current working day.
    deadlines: [
      deadline('first_contact', 'Liên hệ lần đầu', 'First contact', {
        due: { workingDays: 1 },
        dueWhenHighRisk: { workingDays: 0 },
        escalateTo: ['supervisor'],
      }),
    ],
  },
  assessment: {
    label: { vi: 'Đánh giá', en: 'Assessment' },
    deadlines: [
      deadline('assessment_due', 'Hoàn thành đánh giá', 'Assessment complete', {
        due: { workingDays: 5 },
        escalateTo: ['supervisor', 'principal', 'ward_officer'],
      }),
    ],
  },
  planning: {
    label: { vi: 'Lập kế hoạch hỗ trợ', en: 'Support planning' },
    deadlines: [
      deadline('plan_due', 'Lập kế hoạch hỗ trợ', 'Support plan', {
        due: { workingDays: 5 },
        escalateTo: ['supervisor', 'principal', 'ward_officer'],
      }),
    ],
  },
  planReview: {
    label: { vi: 'Chờ duyệt kế hoạch', en: 'Plan awaiting approval' },
    deadlines: [
      deadline('plan_decision', 'Phê duyệt kế hoạch', 'Plan decision', {
        due: { workingDays: 2 },
        escalateTo: ['principal'],
      }),
    ],
  },
  monitoring: {
    label: { vi: 'Thực hiện và theo dõi', en: 'Support and monitoring' },
    deadlines: [
      deadline('plan_review', 'Rà soát kế hoạch', 'Plan review', {
        due: { calendarDays: 30 },
        dueByPlan: 'reviewDate',
        repeat: true,
        escalateTo: ['supervisor'],
      }),
    ],
  },
  closureReview: {
    label: { vi: 'Chờ duyệt kết thúc', en: 'Closure awaiting approval' },
    deadlines: [
      deadline('closure_decision', 'Phê duyệt kết thúc', 'Closure decision', {
        due: { workingDays: 2 },
        escalateTo: ['principal'],
      }),
    ],
  },
  referralPending: {
    label: { vi: 'Chuyển gửi – chờ trả lời', en: 'Referral – awaiting answer' },
    deadlines: [
      deadline('referral_answer', 'Đơn vị tiếp nhận trả lời', 'Receiver answers', {
        due: { workingDays: 5 },
        escalateTo: ['supervisor', 'principal', 'ward_officer'],
      }),
    ],
  },
  referralInService: {
    label: { vi: 'Chuyển gửi – đang hỗ trợ', en: 'Referral – in service' },
    // DOMAIN.md: "by the plan's end date"; 30 days stands in where the plan gives none.
    deadlines: [
      deadline('referral_feedback', 'Phản hồi kết quả chuyển gửi', 'Referral feedback', {
        due: { calendarDays: 30 },
        dueByPlan: 'endDate',
        escalateTo: ['supervisor'],
      }),
    ],
  },
  closedFollowUp: {
    label: { vi: 'Đã kết thúc – theo dõi sau', en: 'Closed – follow-up' },
    deadlines: [
      deadline('follow_up_30', 'Liên hệ theo dõi sau 30 ngày', 'Follow-up at 30 days', {
        due: { calendarDays: 30 },
        escalateTo: [],
      }),
      deadline('follow_up_90', 'Liên hệ theo dõi sau 90 ngày', 'Follow-up at 90 days', {
        due: { calendarDays: 90 },
        escalateTo: [],
      }),
    ],
  },
  closedArchived: { label: { vi: 'Lưu trữ', en: 'Archived' }, deadlines: [] },
  referral: { label: { vi: 'Chuyển gửi', en: 'Referral' }, deadlines: [] },
  closed: { label: { vi: 'Đã kết thúc', en: 'Closed' }, deadlines: [] },
} satisfies Record<string, StateMeta>;
