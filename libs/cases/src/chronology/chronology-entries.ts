import type { AuditEvent } from '@dh/audit';
import { isRealDate } from '@dh/calendar';

export type ChronologyKind =
  | 'case'
  | 'stage'
  | 'assignment'
  | 'risk'
  | 'note'
  | 'session'
  | 'family_contact'
  | 'follow_up'
  | 'referral'
  | 'consent'
  | 'protection'
  | 'clock'
  | 'alert'
  | 'learner'
  | 'access'
  | 'attachment'
  | 'other';

type Label = { vi: string; en: string };
// `when`: the payload field that says when the thing itself happened (a session held on Monday and written
// down on Wednesday belongs to Monday); without it, the moment it was recorded.
// `labelOf`: where the payload changes what the logbook must say (telling the family is not reporting to an authority).
type EntrySpec = {
  kind: ChronologyKind;
  label: Label;
  when?: string;
  labelOf?: (payload: Record<string, unknown>) => Label;
};

const spec = (kind: ChronologyKind, vi: string, en: string, when?: string): EntrySpec => ({
  kind,
  label: { vi, en },
  ...(when ? { when } : {}),
});

// Every event a case's chain holds, in the words of the paper logbook. Reads (VIEWED, and FORM_GENERATED, a
// read that prints) are left out: they are the inspector's business, in /history, not the learner's story.
const ENTRIES: Record<string, EntrySpec> = {
  CASE_OPENED: spec('case', 'Tiếp nhận thông tin', 'Case received', 'receivedAt'),
  START_ASSESSMENT: spec('stage', 'Bắt đầu đánh giá', 'Assessment started'),
  COMPLETE_ASSESSMENT: spec('stage', 'Hoàn thành đánh giá', 'Assessment completed'),
  SUBMIT_PLAN: spec('stage', 'Lập kế hoạch hỗ trợ', 'Support plan submitted'),
  REVISE_PLAN: spec('stage', 'Điều chỉnh kế hoạch hỗ trợ', 'Support plan revised'),
  APPROVE_PLAN: spec('stage', 'Phê duyệt kế hoạch', 'Plan approved'),
  RETURN_PLAN: spec('stage', 'Trả lại kế hoạch', 'Plan returned'),
  REFER: spec('referral', 'Chuyển gửi', 'Referral sent'),
  REFERRAL_ACCEPTED: spec('referral', 'Đơn vị tiếp nhận đồng ý hỗ trợ', 'Referral accepted', 'answeredAt'),
  REFERRAL_DECLINED: spec('referral', 'Đơn vị tiếp nhận từ chối', 'Referral declined', 'answeredAt'),
  REFERRAL_COMPLETED: spec(
    'referral',
    'Hoàn thành chuyển gửi, có phản hồi',
    'Referral completed with feedback',
    'completedAt',
  ),
  PROPOSE_CLOSURE: spec('stage', 'Đề xuất kết thúc hỗ trợ', 'Closure proposed'),
  APPROVE_CLOSURE: spec('stage', 'Phê duyệt kết thúc', 'Closure approved'),
  REJECT_CLOSURE: spec('stage', 'Không duyệt kết thúc', 'Closure rejected'),
  CLOSE: spec('stage', 'Kết thúc hỗ trợ', 'Case closed'),
  CLOSE_AT_INTAKE: spec('stage', 'Kết thúc ngay khi tiếp nhận', 'Closed at intake'),
  FOLLOW_UP_DONE: spec('stage', 'Hoàn thành theo dõi sau kết thúc', 'Follow-up done'),
  REOPEN: spec('stage', 'Mở lại hồ sơ', 'Case reopened'),
  ASSIGN: spec('assignment', 'Phân công phụ trách', 'Assigned'),
  REASSIGN: spec('assignment', 'Phân công lại', 'Reassigned'),
  UPDATE_RISK: spec('risk', 'Cập nhật mức độ nguy cơ', 'Risk level updated'),
  ADD_NOTE: spec('note', 'Ghi chú', 'Note added'),
  RAISE_PROTECTION_CONCERN: spec(
    'protection',
    'Tin báo bảo vệ trẻ em',
    'Child-protection concern raised',
    'receivedAt',
  ),
  RECORD_PROTECTION_NOTIFICATION: {
    ...spec('protection', 'Đã báo cơ quan có thẩm quyền', 'Reported to an authority', 'notifiedAt'),
    labelOf: (p) =>
      p.recipient === 'gia_dinh'
        ? { vi: 'Đã thông báo cho gia đình', en: 'Family informed' }
        : { vi: 'Đã báo cơ quan có thẩm quyền', en: 'Reported to an authority' },
  },
  SESSION_RECORDED: spec('session', 'Buổi tư vấn', 'Counselling session', 'startedAt'),
  FAMILY_CONTACT_RECORDED: spec('family_contact', 'Liên hệ với gia đình', 'Family contact', 'contactedAt'),
  FOLLOW_UP_RECORDED: spec('follow_up', 'Liên hệ theo dõi sau kết thúc', 'Follow-up contact', 'contactedAt'),
  CONSENT_RECORDED: spec('consent', 'Ghi nhận sự đồng ý', 'Consent recorded', 'givenAt'),
  CONSENT_WITHDRAWN: spec('consent', 'Rút lại sự đồng ý', 'Consent withdrawn'),
  LEARNER_IDENTIFIED: spec('learner', 'Xác định người học', 'Learner identified'),
  CLOCKS_PAUSED: spec('clock', 'Tạm dừng thời hạn', 'Clocks paused'),
  CLOCKS_RESUMED: spec('clock', 'Tiếp tục tính thời hạn', 'Clocks resumed'),
  ALERT_ACKNOWLEDGED: spec('alert', 'Xác nhận cảnh báo', 'Alert acknowledged'),
  MACHINE_MIGRATED: spec('case', 'Chuyển sang quy trình mới', 'Moved to a newer process version'),
  GRANT_ISSUED: spec('access', 'Cấp quyền xem nội dung bảo mật', 'Confidential-access grant issued'),
  GRANT_REVOKED: spec('access', 'Thu hồi quyền xem nội dung bảo mật', 'Confidential-access grant revoked'),
  // Retention and the learner's requests about their data (libs/retention, libs/data-requests).
  LEGAL_HOLD_PLACED: spec('case', 'Giữ lại hồ sơ theo yêu cầu pháp lý', 'Legal hold placed'),
  LEGAL_HOLD_RELEASED: spec('case', 'Bỏ giữ lại hồ sơ', 'Legal hold released'),
  CASE_SHREDDED: spec('case', 'Hủy nội dung theo thời hạn lưu trữ', 'Content destroyed at the end of retention'),
  RECTIFIED: spec('case', 'Chỉnh sửa theo yêu cầu của học sinh, gia đình', 'Corrected at the learner’s request'),
  // A move to another school (libs/transfers).
  CASE_TRANSFER_REQUESTED: spec(
    'case',
    'Đề nghị chuyển hồ sơ sang trường khác',
    'Transfer to another school requested',
  ),
  CASE_TRANSFER_DECLINED: spec('case', 'Trường nhận từ chối chuyển hồ sơ', 'Transfer declined by the receiving school'),
  CASE_TRANSFER_EXPIRED: spec(
    'case',
    'Đề nghị chuyển hồ sơ hết hạn, trường nhận không trả lời',
    'Transfer request expired unanswered',
  ),
  CASE_TRANSFERRED: spec('case', 'Chuyển hồ sơ sang trường khác', 'Case transferred to another school'),
  CASE_EXPORTED: spec('case', 'Xuất gói chuyển hồ sơ ra ngoài hệ thống', 'Transfer package exported'),
  // Files kept with the case or one of its records (libs/records/attachments).
  ATTACHMENT_ADDED: spec('attachment', 'Đính kèm tệp', 'File attached'),
  ATTACHMENT_WITHDRAWN: spec('attachment', 'Rút tệp đính kèm', 'Attachment withdrawn'),
};

// A file attached to the record an entry tells of: what anyone reading the chronology may see (its kind and
// dates); the caption and the file itself are read through the attachments API, under its own rules.
export type ChronologyAttachment = { id: string; kind: string; attachedAt: string; withdrawnAt: string | null };

export type ChronologyEntry = {
  seq: number;
  occurredAt: string;
  recordedAt: string;
  kind: ChronologyKind;
  type: string;
  label: Label;
  fromState: string | null;
  toState: string | null;
  actor: { id: string | null; fullName: string | null; role: string | null };
  // What the event says that is not confidential (a session's form and minutes, a referral's receiver):
  // the chronology is read by everyone who reads the case, so it never opens sealed content.
  details: Record<string, unknown>;
  // The files attached to this entry's record (a session, a family contact, a referral…), as the logbook keeps
  // the signed papers with the page they belong to.
  attachments: ChronologyAttachment[];
};

const READS = ['VIEWED', 'FORM_GENERATED'];

export const inChronology = (e: AuditEvent): boolean => !READS.includes(e.type);

// `dayStart`: where a bare day (a consent's givenAt) stands: its start in the ward's time zone, before
// anything recorded that day. `shown`: the event's payload with its sealed values blanked (AuditService.mask).
export const toChronologyEntry = (
  e: AuditEvent,
  names: ReadonlyMap<string, string>,
  dayStart: (date: string) => Date,
  shown: { payload: Record<string, unknown>; masked: string[] },
): ChronologyEntry => {
  const entry = ENTRIES[e.type] ?? spec('other', e.type, e.type);
  const { payload, masked } = shown;
  const details = Object.fromEntries(
    Object.entries(payload).filter(([k, v]) => !masked.includes(k) && v !== null && v !== undefined),
  );
  return {
    seq: e.seq,
    occurredAt: occurredAt(entry.when ? payload[entry.when] : undefined, dayStart) ?? e.at.toISOString(),
    recordedAt: e.at.toISOString(),
    kind: entry.kind,
    type: e.type,
    label: entry.labelOf?.(payload) ?? entry.label,
    fromState: e.fromState,
    toState: e.toState,
    actor: { id: e.actorId, fullName: e.actorId ? (names.get(e.actorId) ?? null) : null, role: e.actorRole },
    details,
    attachments: [],
  };
};

export const withoutRecordLink = (e: ChronologyEntry): ChronologyEntry => {
  if (e.type !== 'ATTACHMENT_ADDED' || !('recordId' in e.details)) return e;
  const { recordId: _hidden, ...details } = e.details;
  return { ...e, details };
};

// Each record's files, from the chain alone: ATTACHMENT_ADDED names the record (recordId), the entry that wrote
// the record carries its id among its details, and ATTACHMENT_WITHDRAWN dates a withdrawal.
export const withRecordAttachments = (entries: ChronologyEntry[]): ChronologyEntry[] => {
  const withdrawn = new Map(
    entries
      .filter((e) => e.type === 'ATTACHMENT_WITHDRAWN' && typeof e.details.attachmentId === 'string')
      .map((e) => [e.details.attachmentId as string, e.recordedAt]),
  );
  const byRecord = new Map<string, ChronologyAttachment[]>();
  for (const e of entries) {
    const { attachmentId, recordId, kind } = e.details;
    if (e.type !== 'ATTACHMENT_ADDED' || typeof attachmentId !== 'string' || typeof recordId !== 'string') continue;
    const files = byRecord.get(recordId) ?? [];
    files.push({
      id: attachmentId,
      kind: String(kind),
      attachedAt: e.recordedAt,
      withdrawnAt: withdrawn.get(attachmentId) ?? null,
    });
    byRecord.set(recordId, files);
  }
  if (!byRecord.size) return entries;
  return entries.map((e) => {
    if (e.kind === 'attachment') return e;
    const ids = Object.values(e.details).filter((v): v is string => typeof v === 'string' && byRecord.has(v));
    return ids.length ? { ...e, attachments: ids.flatMap((id) => byRecord.get(id) ?? []) } : e;
  });
};

const occurredAt = (value: unknown, dayStart: (date: string) => Date): string | null => {
  if (typeof value !== 'string') return null;
  const t = isRealDate(value) ? dayStart(value).getTime() : Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};

// In the order things happened; what happened at the same moment, in the order it was recorded.
export const byOccurrence = (a: ChronologyEntry, b: ChronologyEntry): number =>
  a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.seq - b.seq;
