import type { FieldLabel } from './field-labels';

// The name of each kind of alert, as the inbox, the "Thông báo" page and the e-mails say it: one table for the
// server's mail and the web app (apps/web reads it through its @dh/labels alias).
export const ALERT_LEVEL_LABELS = {
  reminder: { vi: 'Nhắc hạn', en: 'Reminder' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  principal: { vi: 'Báo hiệu trưởng', en: 'To the principal' },
  ward: { vi: 'Báo phường', en: 'To the ward' },
  critical_risk: { vi: 'Nguy cơ nghiêm trọng', en: 'Critical risk' },
  public_intake: { vi: 'Báo tin trực tuyến mới', en: 'New online report' },
  public_intake_flood: { vi: 'Báo tin trực tuyến dồn dập', en: 'Flood of online reports' },
  delivery_failed: { vi: 'Không gửi được thông báo', en: 'A message could not be delivered' },
  malware_refused: { vi: 'Tệp chứa mã độc bị từ chối', en: 'A file with malware was refused' },
  transfer_expired: { vi: 'Đề nghị chuyển trường hết hạn', en: 'Transfer request expired' },
} satisfies Record<string, FieldLabel>;
export type AlertLevelKey = keyof typeof ALERT_LEVEL_LABELS;

export const alertLevelLabel = (level: string): FieldLabel =>
  (ALERT_LEVEL_LABELS as Record<string, FieldLabel>)[level] ?? { vi: level, en: level };
