import type { Language } from '../i18n/I18nProvider';
import { EVENT_LABELS, ROLE_LABELS } from '../labels/valueLabels';

type Label = Record<Language, string>;

// A case's chain holds more than the machine's steps (EVENT_LABELS): reads, records, consents, clocks. Their
// words here, so that the inspector never reads a bare code; the chronology's own words where it shows them.
const OTHER_EVENT_LABELS: Record<string, Label> = {
  CASE_OPENED: { vi: 'Tiếp nhận thông tin', en: 'Case received' },
  VIEWED: { vi: 'Xem nội dung bảo mật', en: 'Confidential content viewed' },
  FORM_GENERATED: { vi: 'In biểu mẫu', en: 'Form generated' },
  LEARNER_FAMILY_VIEWED: { vi: 'Xem thông tin gia đình người học', en: 'Learner’s family viewed' },
  SESSION_RECORDED: { vi: 'Buổi tư vấn', en: 'Counselling session' },
  FAMILY_CONTACT_RECORDED: { vi: 'Liên hệ với gia đình', en: 'Family contact' },
  FOLLOW_UP_RECORDED: { vi: 'Liên hệ theo dõi sau kết thúc', en: 'Follow-up contact' },
  CONSENT_RECORDED: { vi: 'Ghi nhận sự đồng ý', en: 'Consent recorded' },
  CONSENT_WITHDRAWN: { vi: 'Rút lại sự đồng ý', en: 'Consent withdrawn' },
  LEARNER_IDENTIFIED: { vi: 'Xác định người học', en: 'Learner identified' },
  CLOCKS_PAUSED: { vi: 'Tạm dừng thời hạn', en: 'Clocks paused' },
  CLOCKS_RESUMED: { vi: 'Tiếp tục tính thời hạn', en: 'Clocks resumed' },
  ALERT_ACKNOWLEDGED: { vi: 'Xác nhận cảnh báo', en: 'Alert acknowledged' },
  MACHINE_MIGRATED: { vi: 'Chuyển sang quy trình mới', en: 'Moved to a newer process version' },
  GRANT_ISSUED: { vi: 'Cấp quyền xem nội dung bảo mật', en: 'Confidential-access grant issued' },
  GRANT_REVOKED: { vi: 'Thu hồi quyền xem nội dung bảo mật', en: 'Confidential-access grant revoked' },
  CASE_TRANSFER_REQUESTED: { vi: 'Đề nghị chuyển hồ sơ sang trường khác', en: 'Transfer to another school requested' },
  CASE_TRANSFER_DECLINED: { vi: 'Trường nhận từ chối chuyển hồ sơ', en: 'Transfer declined by the receiving school' },
  CASE_TRANSFER_EXPIRED: {
    vi: 'Đề nghị chuyển hồ sơ hết hạn, trường nhận không trả lời',
    en: 'Transfer request expired unanswered',
  },
  CASE_TRANSFERRED: { vi: 'Chuyển hồ sơ sang trường khác', en: 'Case transferred to another school' },
  CASE_EXPORTED: { vi: 'Xuất gói chuyển hồ sơ ra ngoài hệ thống', en: 'Transfer package exported' },
};

// Actors that are not people's roles: the server itself (a migration, a clock) and the public form.
const OTHER_ACTOR_LABELS: Record<string, Label> = {
  system: { vi: 'Hệ thống', en: 'System' },
  public: { vi: 'Biểu mẫu công khai', en: 'Public form' },
};

const isKey = <T extends object>(labels: T, key: string): key is Extract<keyof T, string> =>
  Object.prototype.hasOwnProperty.call(labels, key);

// null: a type this page does not know yet (a newer server); the caller says "another event" instead.
export const historyEventLabel = (type: string, language: Language): string | null =>
  isKey(EVENT_LABELS, type)
    ? EVENT_LABELS[type][language]
    : isKey(OTHER_EVENT_LABELS, type)
      ? (OTHER_EVENT_LABELS[type]?.[language] ?? null)
      : null;

export const actorRoleLabel = (role: string | null, language: Language): string | null =>
  role === null
    ? null
    : isKey(ROLE_LABELS, role)
      ? ROLE_LABELS[role][language]
      : isKey(OTHER_ACTOR_LABELS, role)
        ? (OTHER_ACTOR_LABELS[role]?.[language] ?? null)
        : null;
