export type FieldLabel = { vi: string; en: string };

const l = (vi: string, en: string): FieldLabel => ({ vi, en });

// Every field a client sends, by its property name. The same name means the same thing in every request
// (a `reason` is a reason wherever it is asked), so one entry serves them all; a name that means something
// narrower under a parent gets a dotted entry below. A new DTO property without an entry here fails
// field-labels.spec.ts.
const BY_NAME: Record<string, FieldLabel> = {
  // People and accounts
  username: l('Tên đăng nhập', 'Username'),
  password: l('Mật khẩu', 'Password'),
  currentPassword: l('Mật khẩu hiện tại', 'Current password'),
  newPassword: l('Mật khẩu mới', 'New password'),
  fullName: l('Họ và tên', 'Full name'),
  roles: l('Vai trò', 'Roles'),
  schoolIds: l('Các trường', 'Schools'),
  wardId: l('Phường', 'Ward'),
  schoolId: l('Trường', 'School'),
  code: l('Mã', 'Code'),
  name: l('Tên', 'Name'),
  auditorId: l('Người kiểm tra', 'Auditor'),
  granteeId: l('Người được cấp quyền', 'Grantee'),
  expiresAt: l('Thời điểm hết hạn', 'Expires at'),
  // The learner and the family
  learnerId: l('Người học', 'Learner'),
  dateOfBirth: l('Ngày sinh', 'Date of birth'),
  sex: l('Giới tính', 'Sex'),
  className: l('Lớp', 'Class'),
  guardians: l('Cha mẹ, người giám hộ', 'Parents or guardians'),
  guardian: l('Người giám hộ', 'Guardian'),
  relationship: l('Quan hệ với người học', 'Relationship to the learner'),
  phone: l('Số điện thoại', 'Phone'),
  email: l('Thư điện tử', 'Email'),
  confirmDistinct: l('Xác nhận là người học khác', 'Confirmed a different learner'),
  person: l('Người được liên hệ', 'Person contacted'),
  yearOfBirth: l('Năm sinh', 'Year of birth'),
  occupation: l('Nghề nghiệp', 'Occupation'),
  currentCarer: l('Người đang trực tiếp chăm sóc người học', 'Current carer'),
  familyCircumstances: l('Hoàn cảnh gia đình', 'Family circumstances'),
  // Opening a case
  areas: l('Nội dung cần tư vấn, hỗ trợ', 'Content areas'),
  priority: l('Thứ tự ưu tiên', 'Priority'),
  channel: l('Hình thức tiếp nhận', 'Channel'),
  summary: l('Sự việc đã xảy ra', 'What happened'),
  riskLevel: l('Mức độ nguy cơ', 'Risk level'),
  riskRationale: l('Căn cứ đánh giá mức độ nguy cơ', 'Risk rationale'),
  reporter: l('Người cung cấp thông tin', 'Reporter'),
  anonymous: l('Giấu tên', 'Anonymous'),
  assigneeId: l('Người phụ trách', 'Assignee'),
  receivedAt: l('Thời gian tiếp nhận', 'Received at'),
  receivedLateReason: l('Lý do nhập muộn', 'Reason for late entry'),
  actionsTaken: l('Những việc đã làm', 'Actions already taken'),
  schoolViolence: l('Vụ việc bạo lực học đường', 'School violence incident'),
  // A case's events
  type: l('Loại thao tác', 'Event type'),
  payload: l('Nội dung thao tác', 'Event payload'),
  expectedVersion: l('Phiên bản hồ sơ', 'Expected version'),
  difficulties: l('Khó khăn của người học', 'Difficulties'),
  needs: l('Nhu cầu', 'Needs'),
  wishes: l('Nguyện vọng', 'Wishes'),
  facts: l('Thông tin sự việc', 'Facts'),
  preliminaryView: l('Nhận định sơ bộ', 'Preliminary view'),
  goals: l('Mục tiêu', 'Goals'),
  responsible: l('Người chịu trách nhiệm', 'Responsible'),
  reviewDate: l('Ngày đánh giá lại', 'Review date'),
  activities: l('Hoạt động', 'Activities'),
  form: l('Hình thức hỗ trợ', 'Form of support'),
  partners: l('Đơn vị phối hợp', 'Partners'),
  resources: l('Nguồn lực', 'Resources'),
  timeAndPlace: l('Thời gian, địa điểm', 'Time and place'),
  endDate: l('Ngày kết thúc', 'End date'),
  reason: l('Lý do', 'Reason'),
  // A school's report to the ward
  incident: l('Vụ việc', 'Incident'),
  texts: l('Phần viết của báo cáo', 'Report texts'),
  version: l('Phiên bản', 'Version'),
  direction: l('Công tác chỉ đạo, triển khai', 'Direction and plan'),
  coordination: l('Công tác phối hợp', 'Coordination'),
  results: l('Kết quả đạt được', 'Results'),
  proposals: l('Đề xuất, kiến nghị', 'Proposals'),
  comment: l('Ý kiến', 'Comment'),
  receiverId: l('Đơn vị tiếp nhận', 'Receiver'),
  receiver: l('Tên đơn vị tiếp nhận', 'Receiver name'),
  toWard: l('Chuyển gửi đến phường', 'Referred to the ward'),
  sender: l('Người chuyển gửi', 'Sender'),
  title: l('Chức vụ', 'Title'),
  answeredAt: l('Thời điểm trả lời', 'Answered at'),
  receiverContact: l('Người liên hệ của đơn vị tiếp nhận', 'Receiver contact'),
  note: l('Ghi chú', 'Note'),
  notes: l('Ghi chú', 'Notes'),
  feedback: l('Kết quả hỗ trợ', 'Feedback'),
  outcome: l('Kết quả', 'Outcome'),
  completedAt: l('Thời điểm hoàn thành', 'Completed at'),
  resultsAchieved: l('Kết quả đạt được', 'Results achieved'),
  resultsNotAchieved: l('Kết quả chưa đạt được', 'Results not achieved'),
  followUpPlan: l('Kế hoạch theo dõi', 'Follow-up plan'),
  stopReason: l('Lý do dừng theo dõi sớm', 'Reason for stopping the follow-up early'),
  text: l('Nội dung ghi chú', 'Note text'),
  kind: l('Loại', 'Kind'),
  status: l('Trạng thái', 'Status'),
  carerSuspected: l('Người chăm sóc bị nghi ngờ', 'Carer suspected'),
  recipient: l('Nơi được thông báo', 'Recipient'),
  notifiedAt: l('Thời điểm thông báo', 'Notified at'),
  notifiedBy: l('Người thông báo', 'Notified by'),
  // Sessions, family contacts, follow-ups
  mode: l('Hình thức', 'Mode'),
  place: l('Địa điểm', 'Place'),
  startedAt: l('Thời gian bắt đầu', 'Started at'),
  minutes: l('Số phút', 'Minutes'),
  methods: l('Phương pháp áp dụng', 'Methods'),
  evaluation: l('Đánh giá hiệu quả', 'Evaluation'),
  ending: l('Hướng tiếp theo', 'Ending'),
  referTo: l('Chuyển gửi đến', 'Referred to'),
  nextAppointment: l('Lịch hẹn tiếp theo', 'Next appointment'),
  contactedAt: l('Thời điểm liên hệ', 'Contacted at'),
  how: l('Hình thức', 'How'),
  withWhom: l('Liên hệ với ai', 'With whom'),
  resultKept: l('Kết quả được duy trì', 'Result kept'),
  content: l('Nội dung trao đổi', 'What was discussed'),
  agreed: l('Điều đã thống nhất', 'What was agreed'),
  // Consent
  givenBy: l('Người đồng ý', 'Given by'),
  scope: l('Phạm vi đồng ý', 'Scope'),
  purpose: l('Mục đích', 'Purpose'),
  givenAt: l('Ngày đồng ý', 'Given on'),
  // Directory of services
  address: l('Địa chỉ', 'Address'),
  hours: l('Giờ làm việc', 'Opening hours'),
  contactPerson: l('Người liên hệ', 'Contact person'),
  includeInactive: l('Gồm cả đơn vị đã ngừng', 'Include inactive'),
  // Lists and queries
  page: l('Trang', 'Page'),
  pageSize: l('Số mục mỗi trang', 'Page size'),
  q: l('Từ khóa tìm kiếm', 'Search words'),
  state: l('Trạng thái', 'State'),
  area: l('Nội dung', 'Content area'),
  risk: l('Mức độ nguy cơ', 'Risk level'),
  overdue: l('Quá hạn', 'Overdue'),
  bulkTriage: l('Chờ phân loại hàng loạt', 'Marked for bulk triage'),
  unassigned: l('Chưa phân công', 'Without an assignee'),
  unacknowledged: l('Chưa xác nhận', 'Unacknowledged'),
  level: l('Mức cảnh báo', 'Alert level'),
  caseId: l('Hồ sơ', 'Case'),
  caseIds: l('Các hồ sơ', 'Cases'),
  caseCode: l('Số hồ sơ', 'Case number'),
  nextAction: l('Việc tiếp theo', 'Next action'),
  referralId: l('Lần chuyển gửi', 'Referral'),
  format: l('Định dạng', 'Format'),
  // How alerts reach a person (their own page)
  choices: l('Cách nhận cảnh báo', 'Notification choices'),
  // The working calendar
  entries: l('Danh sách ngày', 'Days'),
  date: l('Ngày', 'Date'),
  decisionNumber: l('Số quyết định', 'Decision number'),
  decisionDate: l('Ngày ban hành quyết định', 'Decision date'),
  year: l('Năm', 'Year'),
  // What a school keeps beside its cases: team, activities, training, facilities
  schoolYear: l('Năm học', 'School year'),
  userId: l('Tài khoản', 'Account'),
  teamRole: l('Vai trò trong tổ', 'Role in the team'),
  employment: l('Chuyên trách hoặc kiêm nhiệm', 'Full-time or part-time'),
  job: l('Vị trí công việc', 'Job'),
  fromDate: l('Từ ngày', 'From'),
  toDate: l('Đến ngày', 'To'),
  grades: l('Khối lớp tham gia', 'Grades taking part'),
  parents: l('Cha mẹ học sinh tham gia', 'Parents taking part'),
  teachers: l('Giáo viên tham gia', 'Teachers taking part'),
  participants: l('Tổng số người tham gia', 'Participants'),
  girls: l('Số nữ tham gia', 'Girls and women taking part'),
  course: l('Nội dung bồi dưỡng', 'Course'),
  organiser: l('Đơn vị tổ chức', 'Organiser'),
  durationHours: l('Số giờ bồi dưỡng', 'Hours of training'),
  certificate: l('Được cấp chứng chỉ, giấy chứng nhận', 'Certificate given'),
  counsellingRoom: l('Phòng tư vấn', 'Counselling room'),
  roomPrivate: l('Phòng riêng tư, yên tĩnh', 'Private and quiet room'),
  onlineChannels: l('Kênh tư vấn trực tuyến', 'Online channels'),
  // The public form (read by a learner: the words a learner would use)
  schoolCode: l('Mã trường', 'School code'),
  whatIsHappening: l('Chuyện gì đang xảy ra', 'What is happening'),
  contact: l('Cách liên hệ lại', 'How to reach you'),
  urgent: l('Em đang gặp nguy hiểm', 'In danger now'),
  altcha: l('Xác minh chống tin rác', 'Anti-spam check'),
  website: l('Trang web', 'Website'),
  // Outside the body: a path parameter, a header, the body as a whole
  id: l('Mã định danh', 'Id'),
  n: l('Số mẫu', 'Form number'),
  'Idempotency-Key': l('Khóa chống gửi trùng', 'Idempotency key'),
  body: l('Nội dung yêu cầu', 'Request body'),
};

// Where the parent narrows the meaning. Keys are paths without list indexes (guardians.fullName), and the
// forms' own keys (learner.fullName) so that the forms and the web app print the same words.
const BY_PATH: Record<string, FieldLabel> = {
  'guardians.fullName': l('Họ và tên người giám hộ', 'Guardian’s full name'),
  'guardians.yearOfBirth': l('Năm sinh của người giám hộ', 'Guardian’s year of birth'),
  'guardians.occupation': l('Nghề nghiệp của người giám hộ', 'Guardian’s occupation'),
  'guardian.fullName': l('Họ và tên người giám hộ', 'Guardian’s full name'),
  'guardian.relationship': l('Quan hệ của người giám hộ với người học', 'Guardian’s relationship to the learner'),
  'person.fullName': l('Họ và tên người được liên hệ', 'Contacted person’s full name'),
  'person.relationship': l('Quan hệ với người học', 'Relationship to the learner'),
  'reporter.name': l('Họ và tên người cung cấp thông tin', 'Reporter’s name'),
  'reporter.phone': l('Số điện thoại người cung cấp thông tin', 'Reporter’s phone'),
  'reporter.relationship': l('Quan hệ với người học', 'Reporter’s relationship to the learner'),
  'sender.phone': l('Số điện thoại người chuyển gửi', 'Sender’s phone'),
  'sender.email': l('Thư điện tử người chuyển gửi', 'Sender’s email'),
  'scope.kind': l('Loại đồng ý', 'Consent kind'),
  'scope.receiverId': l('Đơn vị tiếp nhận', 'Receiver'),
  'payload.kind': l('Loại vấn đề bảo vệ trẻ em', 'Protection concern kind'),
  'payload.facts': l('Sự việc', 'Facts'),
  'payload.reason': l('Lý do', 'Reason'),
  'entries.kind': l('Loại ngày', 'Day kind'),
  'entries.name': l('Tên ngày nghỉ hoặc ngày làm bù', 'Name of the day'),
  'areas.code': l('Nội dung', 'Content area'),
  'choices.channel': l('Kênh nhận cảnh báo', 'Delivery channel'),
  'choices.level': l('Loại cảnh báo', 'Kind of alert'),
  'choices.mode': l('Cách nhận', 'Delivery mode'),
  'learner.fullName': l('Họ và tên người học', 'Learner’s full name'),
  'learner.dateOfBirth': l('Ngày sinh', 'Date of birth'),
  'learner.sex': l('Giới tính', 'Sex'),
  'learner.className': l('Lớp', 'Class'),
  'texts.difficulties': l('Khó khăn, nguyên nhân', 'Difficulties and causes'),
  'incident.caseId': l('Hồ sơ của vụ việc', 'Case of the incident'),
  'incident.summary': l('Tóm tắt vụ việc', 'Incident summary'),
};

export const FIELD_LABELS: Readonly<Record<string, FieldLabel>> = { ...BY_NAME, ...BY_PATH };

// `guardians[0].fullName` → `guardians.fullName`; the longest known tail wins, then the name alone.
export const labelOf = (field: string): FieldLabel | undefined => {
  const parts = field
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter(Boolean);
  for (let i = 0; i < parts.length - 1; i++) {
    const path = parts.slice(i).join('.');
    if (BY_PATH[path]) return BY_PATH[path];
  }
  return parts.length ? BY_NAME[parts[parts.length - 1]] : undefined;
};

// What a refusal prints for a field: its label, or the field itself when it is not one the API knows
// (an unknown property the client sent).
export const labelTextOf = (field: string): string => labelOf(field)?.vi ?? (field.replace(/^.*\./, '') || field);
