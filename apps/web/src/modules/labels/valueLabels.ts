import type { components } from '../api/openapiTypes';
import type { Language } from '../i18n/I18nProvider';
import { ALERT_LEVEL_LABELS as SHARED_ALERT_LEVEL_LABELS } from '@dh/labels';

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

// The seven content areas of the Circular (Art. 4).
export const AREA_LABELS: Labels<Schemas['AreaCode']> = {
  hoc_tap: { vi: 'Học tập', en: 'Learning' },
  gioi_quan_he: { vi: 'Giới và quan hệ xã hội', en: 'Gender and social relationships' },
  tam_ly: { vi: 'Tâm lý', en: 'Psychology' },
  ky_nang_song: { vi: 'Kỹ năng sống', en: 'Life skills' },
  huong_nghiep: { vi: 'Hướng nghiệp, việc làm, khởi nghiệp', en: 'Careers, jobs and enterprise' },
  chinh_sach_phap_luat: { vi: 'Chính sách, pháp luật', en: 'Policy and law' },
  dich_vu_ctxh: { vi: 'Kết nối dịch vụ công tác xã hội', en: 'Connecting to social-work services' },
};

// How a difficulty reached the school (Art. 19).
export const CHANNEL_LABELS: Labels<Schemas['Channel']> = {
  truc_tiep: { vi: 'Học sinh trực tiếp', en: 'Learner in person' },
  giao_vien: { vi: 'Giáo viên, nhân viên', en: 'Teacher or staff' },
  cha_me: { vi: 'Cha mẹ, người giám hộ', en: 'Parent or guardian' },
  hom_thu: { vi: 'Hòm thư góp ý', en: 'Suggestion box' },
  duong_day_nong: { vi: 'Đường dây nóng của trường', en: 'School hotline' },
  truc_tuyen: { vi: 'Biểu mẫu trực tuyến', en: 'Online form' },
  co_quan: { vi: 'Cơ quan, tổ chức bên ngoài', en: 'Outside agency' },
};

export const EVENT_LABELS: Labels<Schemas['CaseEventType']> = {
  START_ASSESSMENT: { vi: 'Bắt đầu đánh giá', en: 'Start assessment' },
  COMPLETE_ASSESSMENT: { vi: 'Hoàn thành đánh giá', en: 'Complete assessment' },
  SUBMIT_PLAN: { vi: 'Nộp kế hoạch hỗ trợ', en: 'Submit support plan' },
  REVISE_PLAN: { vi: 'Điều chỉnh kế hoạch', en: 'Revise plan' },
  APPROVE_PLAN: { vi: 'Duyệt kế hoạch', en: 'Approve plan' },
  RETURN_PLAN: { vi: 'Trả lại kế hoạch', en: 'Return plan' },
  REFER: { vi: 'Chuyển gửi', en: 'Refer' },
  REFERRAL_ACCEPTED: { vi: 'Ghi nhận nơi nhận đồng ý', en: 'Record referral accepted' },
  REFERRAL_DECLINED: { vi: 'Ghi nhận nơi nhận từ chối', en: 'Record referral declined' },
  REFERRAL_COMPLETED: { vi: 'Ghi nhận hoàn thành chuyển gửi', en: 'Record referral completed' },
  PROPOSE_CLOSURE: { vi: 'Đề xuất kết thúc', en: 'Propose closure' },
  APPROVE_CLOSURE: { vi: 'Duyệt kết thúc', en: 'Approve closure' },
  REJECT_CLOSURE: { vi: 'Không duyệt kết thúc', en: 'Reject closure' },
  CLOSE: { vi: 'Kết thúc hồ sơ', en: 'Close case' },
  CLOSE_AT_INTAKE: { vi: 'Kết thúc ngay khi tiếp nhận', en: 'Close at intake' },
  FOLLOW_UP_DONE: { vi: 'Hoàn thành theo dõi sau', en: 'Follow-up done' },
  REOPEN: { vi: 'Mở lại hồ sơ', en: 'Reopen case' },
  ASSIGN: { vi: 'Phân công', en: 'Assign' },
  REASSIGN: { vi: 'Phân công lại', en: 'Reassign' },
  UPDATE_RISK: { vi: 'Cập nhật mức độ nguy cơ', en: 'Update risk level' },
  ADD_NOTE: { vi: 'Thêm ghi chú', en: 'Add note' },
  RAISE_PROTECTION_CONCERN: { vi: 'Báo lo ngại bảo vệ trẻ em', en: 'Raise child-protection concern' },
  RECORD_PROTECTION_NOTIFICATION: { vi: 'Ghi nhận đã báo cơ quan chức năng', en: 'Record authority notified' },
};

// The server's table (libs/labels), checked here against every level the API can answer.
export const ALERT_LEVEL_LABELS: Labels<Schemas['AlertLevel']> = SHARED_ALERT_LEVEL_LABELS;

// The kinds of alert a person chooses how to hear of (their page "Thông báo").
export const NOTIFICATION_LEVEL_LABELS: Labels<Schemas['NotificationLevel']> = {
  reminder: ALERT_LEVEL_LABELS.reminder,
  overdue: ALERT_LEVEL_LABELS.overdue,
  principal: ALERT_LEVEL_LABELS.principal,
  ward: ALERT_LEVEL_LABELS.ward,
  critical_risk: ALERT_LEVEL_LABELS.critical_risk,
  public_intake: ALERT_LEVEL_LABELS.public_intake,
  referral: { vi: 'Chuyển gửi', en: 'Referral' },
  protection: { vi: 'Bảo vệ trẻ em', en: 'Child protection' },
};

export const DELIVERY_CHANNEL_LABELS: Labels<Schemas['DeliveryChannel']> = {
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  webhook: { vi: 'SMS/Zalo', en: 'SMS/Zalo' },
};

// Where a message that leaves the app stands (the admin's outbox).
export const DELIVERY_STATUS_LABELS: Labels<Schemas['DeliveryStatus']> = {
  pending: { vi: 'Đang chờ gửi', en: 'Waiting' },
  held: { vi: 'Chờ bản tổng hợp', en: 'Held for the digest' },
  digested: { vi: 'Đã gửi trong bản tổng hợp', en: 'Sent in a digest' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  failed: { vi: 'Không gửi được', en: 'Failed' },
};

export const DELIVERY_MODE_LABELS: Labels<Schemas['DeliveryMode']> = {
  immediate: { vi: 'Gửi ngay', en: 'At once' },
  digest: { vi: 'Gom trong bản tin 07:00', en: 'In the 07:00 digest' },
  off: { vi: 'Tắt', en: 'Off' },
};

export const ESCALATION_LEVEL_LABELS: Labels<Schemas['EscalationLevel']> = {
  reminder: ALERT_LEVEL_LABELS.reminder,
  overdue: ALERT_LEVEL_LABELS.overdue,
  principal: ALERT_LEVEL_LABELS.principal,
  ward: ALERT_LEVEL_LABELS.ward,
};

export const SEX_LABELS: Labels<Schemas['Sex']> = {
  nam: { vi: 'Nam', en: 'Male' },
  nu: { vi: 'Nữ', en: 'Female' },
  khong_ro: { vi: 'Không rõ', en: 'Not stated' },
};

export const REFERRAL_STATUS_LABELS: Labels<Schemas['ReferralStatus']> = {
  sent: { vi: 'Đã gửi', en: 'Sent' },
  accepted: { vi: 'Đã nhận', en: 'Accepted' },
  declined: { vi: 'Từ chối', en: 'Declined' },
  completed: { vi: 'Hoàn thành', en: 'Completed' },
};

export const PROVIDER_KIND_LABELS: Labels<Schemas['ProviderKind']> = {
  tong_dai_111: { vi: 'Tổng đài 111', en: 'Hotline 111' },
  ubnd_phuong: { vi: 'UBND phường', en: 'Ward people’s committee' },
  phong_vhxh: { vi: 'Phòng Văn hóa – Xã hội', en: 'Culture and society office' },
  cong_an: { vi: 'Công an', en: 'Police' },
  y_te: { vi: 'Y tế', en: 'Health' },
  doan_thanh_nien: { vi: 'Đoàn Thanh niên', en: 'Youth Union' },
  ctxh: { vi: 'Công tác xã hội', en: 'Social work' },
  khac: { vi: 'Khác', en: 'Other' },
};

export const CONSENT_GIVER_LABELS: Labels<Schemas['ConsentGiver']> = {
  learner: { vi: 'Học sinh', en: 'Learner' },
  guardian: { vi: 'Cha mẹ, người giám hộ', en: 'Parent or guardian' },
};

export const CONSENT_KIND_LABELS: Labels<Schemas['ConsentKind']> = {
  referral: { vi: 'Chuyển gửi', en: 'Referral' },
  school_transfer: { vi: 'Chuyển trường', en: 'School transfer' },
  parent_body: { vi: 'Chia sẻ với ban đại diện cha mẹ', en: 'Sharing with the parents’ body' },
  other: { vi: 'Khác', en: 'Other' },
};

// Ways of giving consent, and of reaching a family: the same four.
export const CONTACT_WAY_LABELS: Labels<Schemas['ContactWay']> = {
  truc_tiep: { vi: 'Trực tiếp', en: 'In person' },
  dien_thoai: { vi: 'Điện thoại', en: 'By phone' },
  truc_tuyen: { vi: 'Trực tuyến', en: 'Online' },
  van_ban: { vi: 'Văn bản', en: 'In writing' },
};

export const SUPPORT_FORM_LABELS: Labels<Schemas['SupportForm']> = {
  truc_tiep: { vi: 'Trực tiếp', en: 'In person' },
  truc_tuyen: { vi: 'Trực tuyến', en: 'Online' },
};

export const SESSION_CHANNEL_LABELS: Labels<Schemas['SessionChannel']> = {
  dien_thoai: { vi: 'Điện thoại', en: 'Phone' },
  zalo: { vi: 'Zalo', en: 'Zalo' },
  video: { vi: 'Gọi video', en: 'Video call' },
  tin_nhan: { vi: 'Tin nhắn', en: 'Messages' },
  khac: { vi: 'Khác', en: 'Other' },
};

export const SESSION_ENDING_LABELS: Labels<Schemas['SessionEnding']> = {
  dung_va_theo_doi: { vi: 'Dừng và theo dõi', en: 'Stop and monitor' },
  tiep_tuc: { vi: 'Tiếp tục hỗ trợ', en: 'Continue support' },
  chuyen_gui: { vi: 'Chuyển gửi', en: 'Refer' },
};

export const CHRONOLOGY_KIND_LABELS: Labels<Schemas['ChronologyKind']> = {
  case: { vi: 'Hồ sơ', en: 'Case' },
  stage: { vi: 'Giai đoạn', en: 'Stage' },
  assignment: { vi: 'Phân công', en: 'Assignment' },
  risk: { vi: 'Mức độ nguy cơ', en: 'Risk' },
  note: { vi: 'Ghi chú', en: 'Note' },
  session: { vi: 'Buổi tư vấn', en: 'Session' },
  family_contact: { vi: 'Liên hệ gia đình', en: 'Family contact' },
  follow_up: { vi: 'Theo dõi', en: 'Follow-up' },
  referral: { vi: 'Chuyển gửi', en: 'Referral' },
  consent: { vi: 'Đồng ý', en: 'Consent' },
  protection: { vi: 'Bảo vệ trẻ em', en: 'Child protection' },
  clock: { vi: 'Thời hạn', en: 'Deadline' },
  alert: { vi: 'Cảnh báo', en: 'Alert' },
  learner: { vi: 'Học sinh', en: 'Learner' },
  access: { vi: 'Truy cập', en: 'Access' },
  attachment: { vi: 'Tệp đính kèm', en: 'Attachment' },
  other: { vi: 'Khác', en: 'Other' },
};

export const REPORT_KIND_LABELS: Labels<Schemas['ReportKind']> = {
  report_semester1: { vi: 'Báo cáo học kỳ I', en: 'First-semester report' },
  report_year: { vi: 'Báo cáo năm học', en: 'School-year report' },
};

// A school's report to the ward (README, "Reports to the ward").
export const SCHOOL_REPORT_KIND_LABELS: Labels<Schemas['SchoolReportKind']> = {
  semester_1: { vi: 'Sơ kết học kỳ I', en: 'Semester I report' },
  school_year: { vi: 'Tổng kết năm học', en: 'School-year report' },
  incident: { vi: 'Báo cáo vụ việc', en: 'Incident report' },
};

export const PERIOD_REPORT_KIND_LABELS: Labels<Schemas['PeriodReportKind']> = {
  semester_1: SCHOOL_REPORT_KIND_LABELS.semester_1,
  school_year: SCHOOL_REPORT_KIND_LABELS.school_year,
};

export const REPORT_STATUS_LABELS: Labels<Schemas['ReportStatus']> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
};

export const SCHOOL_REPORT_STATUS_LABELS: Labels<Schemas['SchoolReportStatus']> = {
  not_started: { vi: 'Chưa lập', en: 'Not started' },
  draft: REPORT_STATUS_LABELS.draft,
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  submitted: REPORT_STATUS_LABELS.submitted,
  accepted: REPORT_STATUS_LABELS.accepted,
};

export const REPORT_EVENT_LABELS: Labels<Schemas['ReportEventKind']> = {
  created: { vi: 'Lập báo cáo', en: 'Drafted' },
  refreshed: { vi: 'Tính lại số liệu', en: 'Figures counted again' },
  edited: { vi: 'Sửa nội dung', en: 'Texts edited' },
  submitted: { vi: 'Nộp cho phường', en: 'Submitted to the ward' },
  returned: { vi: 'Phường trả lại', en: 'Returned by the ward' },
  accepted: { vi: 'Phường tiếp nhận', en: 'Accepted by the ward' },
};

export const REPORT_EXPORT_FORMAT_LABELS: Labels<Schemas['ReportExportFormat']> = {
  docx: { vi: 'Văn bản Word (.docx)', en: 'Word document (.docx)' },
  xlsx: { vi: 'Bảng tính Excel (.xlsx)', en: 'Excel workbook (.xlsx)' },
};

export const CALENDAR_ENTRY_LABELS: Labels<Schemas['CalendarEntryKind']> = {
  holiday: { vi: 'Ngày nghỉ lễ', en: 'Public holiday' },
  make_up: { vi: 'Ngày làm bù', en: 'Make-up working day' },
  override: { vi: 'Điều chỉnh theo quyết định', en: 'Change by decision' },
  working_saturday: { vi: 'Thứ Bảy làm việc', en: 'Working Saturday' },
};

export const CALENDAR_DAY_LABELS: Labels<Schemas['CalendarDayKind']> = {
  day_off: { vi: 'Ngày nghỉ', en: 'Day off' },
  working_day: { vi: 'Ngày làm việc', en: 'Working day' },
};

export const CALENDAR_SOURCE_LABELS: Labels<Schemas['CalendarSource']> = {
  app: { vi: 'Nhập trên hệ thống', en: 'Entered here' },
  file: { vi: 'Từ tệp lịch', en: 'From the calendar file' },
  statutory: { vi: 'Theo luật', en: 'By law' },
};

export const DEADLINE_RULE_LABELS: Labels<Schemas['DeadlineRule']> = {
  default: { vi: 'Theo quy định', en: 'Standard' },
  plan_review_date: { vi: 'Ngày rà soát kế hoạch', en: 'Plan review date' },
  plan_end_date: { vi: 'Ngày kết thúc kế hoạch', en: 'Plan end date' },
};

// What broke a chain, as an auditor reads it.
export const CHAIN_CHECK_LABELS: Labels<Schemas['ChainCheck']> = {
  sequence: { vi: 'Số thứ tự bị ngắt quãng', en: 'Sequence broken' },
  link: { vi: 'Liên kết với sự kiện trước bị sai', en: 'Link to the previous event broken' },
  hash: { vi: 'Nội dung sự kiện đã bị sửa', en: 'Event content altered' },
  case_missing: { vi: 'Không còn hồ sơ của chuỗi này', en: 'Case of this chain missing' },
  chain_empty: { vi: 'Chuỗi không có sự kiện nào', en: 'Chain has no events' },
  state_continuity: { vi: 'Giai đoạn không liền mạch', en: 'Stages do not follow on' },
  case_state: { vi: 'Giai đoạn hồ sơ khác lịch sử', en: 'Case stage differs from history' },
  case_version: { vi: 'Phiên bản hồ sơ khác lịch sử', en: 'Case version differs from history' },
  case_head: { vi: 'Sự kiện cuối khác hồ sơ', en: 'Last event differs from the case' },
  checkpoint: { vi: 'Khác với bản ký xác nhận', en: 'Differs from the signed checkpoint' },
};

export const BULK_SKIP_LABELS: Labels<Schemas['BulkSkipReason']> = {
  not_found: { vi: 'Không tìm thấy', en: 'Not found' },
  not_marked: { vi: 'Chưa được đánh dấu', en: 'Not marked' },
  not_at_intake: { vi: 'Không còn ở bước tiếp nhận', en: 'No longer at intake' },
  changed_meanwhile: { vi: 'Đã thay đổi trong lúc xử lý', en: 'Changed meanwhile' },
  refused: { vi: 'Bị từ chối', en: 'Refused' },
};

export const HEALTH_LABELS: Labels<Schemas['HealthStatus']> = {
  ok: { vi: 'Hoạt động bình thường', en: 'Working' },
  error: { vi: 'Có lỗi', en: 'Error' },
  degraded: { vi: 'Thông báo gửi đi đang chậm', en: 'Degraded: messages are late' },
  shutting_down: { vi: 'Đang dừng', en: 'Shutting down' },
};

// What a school keeps beside its cases (Circular 18/2025, the ward plan): the team, its activities, its facilities.
export const TEAM_ROLE_LABELS: Labels<Schemas['TeamRole']> = {
  to_truong: { vi: 'Tổ trưởng', en: 'Team leader' },
  thanh_vien: { vi: 'Thành viên', en: 'Member' },
};

export const EMPLOYMENT_LABELS: Labels<Schemas['Employment']> = {
  chuyen_trach: { vi: 'Chuyên trách', en: 'Full-time' },
  kiem_nhiem: { vi: 'Kiêm nhiệm', en: 'Part-time' },
};

export const TEAM_JOB_LABELS: Labels<Schemas['TeamJob']> = {
  lanh_dao_truong: { vi: 'Lãnh đạo nhà trường', en: 'School leadership' },
  giao_vien: { vi: 'Giáo viên', en: 'Teacher' },
  nhan_vien_tam_ly: { vi: 'Nhân viên tâm lý', en: 'Psychology staff' },
  nhan_vien_ctxh: { vi: 'Nhân viên công tác xã hội', en: 'Social worker' },
  tong_phu_trach_doi: { vi: 'Tổng phụ trách Đội', en: 'Young Pioneers leader' },
  bi_thu_doan: { vi: 'Bí thư Đoàn', en: 'Youth Union secretary' },
  can_bo_y_te: { vi: 'Cán bộ y tế trường học', en: 'School health officer' },
  khac: { vi: 'Khác', en: 'Other' },
};

export const ACTIVITY_KIND_LABELS: Labels<Schemas['ActivityKind']> = {
  chuyen_de: { vi: 'Chuyên đề', en: 'Themed session' },
  toa_dam: { vi: 'Tọa đàm', en: 'Panel discussion' },
  cau_lac_bo: { vi: 'Câu lạc bộ', en: 'Club' },
  ngoai_khoa: { vi: 'Hoạt động ngoại khóa', en: 'Extracurricular activity' },
  sinh_hoat_duoi_co: { vi: 'Sinh hoạt dưới cờ', en: 'Flag-ceremony assembly' },
  sinh_hoat_lop: { vi: 'Sinh hoạt lớp', en: 'Class meeting' },
  truyen_thong_truc_tuyen: { vi: 'Truyền thông trực tuyến', en: 'Online communication' },
  tap_huan_cha_me: { vi: 'Tập huấn cha mẹ học sinh', en: 'Parent training' },
  khac: { vi: 'Khác', en: 'Other' },
};

export const ONLINE_CHANNEL_LABELS: Labels<Schemas['OnlineChannel']> = {
  website: { vi: 'Trang thông tin điện tử', en: 'Website' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
  zalo: { vi: 'Zalo', en: 'Zalo' },
  mailbox: { vi: 'Hòm thư góp ý', en: 'Suggestion box' },
};

// Personal-data breaches (Law 91/2025, Decree 356/2025; libs/breaches): what kind of data, where a breach stands,
// how the families were told and what its closing found.
export const BREACH_CATEGORY_LABELS: Labels<Schemas['BreachCategory']> = {
  identity: { vi: 'Thông tin định danh', en: 'Identity data' },
  contact: { vi: 'Thông tin liên lạc', en: 'Contact details' },
  health: { vi: 'Sức khỏe', en: 'Health' },
  family: { vi: 'Hoàn cảnh gia đình', en: 'Family circumstances' },
  abuse_protection: { vi: 'Xâm hại, bảo vệ trẻ em', en: 'Abuse and child protection' },
  counselling: { vi: 'Nội dung tư vấn', en: 'Counselling content' },
  other: { vi: 'Loại khác', en: 'Other' },
};

export const BREACH_STATUS_LABELS: Labels<Schemas['BreachStatus']> = {
  open: { vi: 'Chưa báo cơ quan chức năng', en: 'Authority not yet notified' },
  authority_notified: { vi: 'Đã báo cơ quan chức năng', en: 'Authority notified' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

export const BREACH_NOTICE_WAY_LABELS: Labels<Schemas['BreachNoticeWay']> = {
  van_ban: { vi: 'Bằng văn bản', en: 'In writing' },
  dien_thoai: { vi: 'Qua điện thoại', en: 'By phone' },
  truc_tuyen: { vi: 'Trực tuyến', en: 'Online' },
  truc_tiep: { vi: 'Gặp trực tiếp', en: 'In person' },
};

export const BREACH_FINDING_LABELS: Labels<Schemas['BreachFinding']> = {
  confirmed: { vi: 'Đã xác nhận có sự cố', en: 'Breach confirmed' },
  not_a_breach: { vi: 'Không phải sự cố', en: 'Not a breach' },
};

// An account's second factor (docs/security.md "Second factor"): none, enrolled but not yet confirmed, asked at login.
export const SECOND_FACTOR_LABELS: Labels<Schemas['AdminUserViewDto']['secondFactor']> = {
  none: { vi: 'Chưa bật', en: 'Not enabled' },
  pending: { vi: 'Chờ xác nhận mã đầu tiên', en: 'Awaiting first code' },
  active: { vi: 'Đang bật', en: 'Enabled' },
};

// A learner's or guardian's request about their personal data (Law 91/2025), and how its access answer is given.
export const DATA_REQUEST_KIND_LABELS: Labels<Schemas['DataRequestKind']> = {
  access: { vi: 'Xem dữ liệu', en: 'Access' },
  rectify: { vi: 'Chỉnh sửa dữ liệu', en: 'Rectification' },
  erase: { vi: 'Xóa dữ liệu', en: 'Erasure' },
  restrict: { vi: 'Hạn chế xử lý', en: 'Restriction' },
};

export const DATA_EXPORT_FORMAT_LABELS: Labels<Schemas['DataExportFormat']> = {
  json: { vi: 'tệp JSON', en: 'JSON file' },
  docx: { vi: 'văn bản Word', en: 'Word document' },
};

// The record of processing: which key a table's sealed columns are under, and where a retention period comes from.
export const SEALED_UNDER_LABELS: Labels<Schemas['SealedUnder']> = {
  case_key: { vi: 'Mã hóa bằng khóa riêng của từng hồ sơ', en: "Sealed under each case's own key" },
  shared_key: { vi: 'Mã hóa bằng khóa dữ liệu chung', en: 'Sealed under the shared data key' },
};

export const RETENTION_BASIS_LABELS: Labels<Schemas['RetentionBasis']> = {
  school_choice: { vi: 'Do nhà trường lựa chọn', en: "The school's choice" },
  law: { vi: 'Theo quy định pháp luật', en: 'Set by law' },
};

// A school's roster import: the columns a file's headers are mapped to, why a row is refused, what a row does.
export const ROSTER_FIELD_LABELS: Labels<Schemas['RosterField']> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  dateOfBirth: { vi: 'Ngày sinh', en: 'Date of birth' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  className: { vi: 'Lớp', en: 'Class' },
  nationalId: { vi: 'Mã định danh', en: 'National learner ID' },
  guardianName: { vi: 'Họ tên cha/mẹ', en: 'Parent’s name' },
  guardianPhone: { vi: 'Số điện thoại', en: 'Phone' },
};

export const ROSTER_PROBLEM_LABELS: Labels<Schemas['RosterRowProblemCode']> = {
  no_name: { vi: 'Thiếu họ và tên', en: 'No name' },
  bad_birth_date: { vi: 'Ngày sinh không phải là một ngày', en: 'Birth date is not a date' },
  implausible_birth_date: { vi: 'Ngày sinh không hợp lý', en: 'Implausible birth date' },
  unknown_sex: { vi: 'Giới tính không rõ', en: 'Unknown sex' },
  no_class: { vi: 'Thiếu lớp', en: 'No class' },
  bad_national_id: { vi: 'Mã định danh không hợp lệ', en: 'Invalid national learner ID' },
  bad_phone: { vi: 'Số điện thoại không hợp lệ', en: 'Invalid phone' },
  duplicate_in_file: { vi: 'Trùng với một dòng trước trong tệp', en: 'Duplicates an earlier row' },
};

export const ROSTER_ACTION_LABELS: Labels<Schemas['RosterAction']> = {
  add: { vi: 'Thêm mới', en: 'New' },
  update: { vi: 'Cập nhật', en: 'Update' },
  doubtful: { vi: 'Cần xác nhận', en: 'To confirm' },
};

export const ROSTER_FILE_KIND_LABELS: Labels<Schemas['RosterFileKind']> = {
  xlsx: { vi: 'Bảng tính Excel', en: 'Excel workbook' },
  csv: { vi: 'Tệp CSV', en: 'CSV file' },
};

export const ROSTER_STATUS_LABELS: Labels<Schemas['RosterImportStatus']> = {
  preview: { vi: 'Chờ xác nhận', en: 'Awaiting confirmation' },
  running: { vi: 'Đang nhập', en: 'Importing' },
  done: { vi: 'Đã nhập xong', en: 'Done' },
  failed: { vi: 'Nhập không thành công', en: 'Failed' },
};

// A school transfer moves a learner's record or one of their cases (libs/transfers).
export const TRANSFER_KIND_LABELS: Labels<Schemas['TransferKind']> = {
  learner: { vi: 'Hồ sơ học sinh', en: 'Learner’s record' },
  case: { vi: 'Hồ sơ tư vấn', en: 'Counselling case' },
};

export const TRANSFER_STATUS_LABELS: Labels<Schemas['TransferStatus']> = {
  requested: { vi: 'Chờ trả lời', en: 'Awaiting answer' },
  accepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
  declined: { vi: 'Đã từ chối', en: 'Declined' },
  expired: { vi: 'Hết hạn, không được trả lời', en: 'Expired unanswered' },
};

// The five kinds of file a case may hold, recognised from their bytes (libs/records' attachments).
export const ATTACHMENT_KIND_LABELS: Labels<Schemas['AttachmentKind']> = {
  pdf: { vi: 'Tệp PDF', en: 'PDF' },
  jpeg: { vi: 'Ảnh JPEG', en: 'JPEG image' },
  png: { vi: 'Ảnh PNG', en: 'PNG image' },
  heic: { vi: 'Ảnh HEIC', en: 'HEIC image' },
  docx: { vi: 'Văn bản Word', en: 'Word document' },
};
