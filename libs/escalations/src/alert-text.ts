import type { Level } from './deadline.entity';

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

const localDateTime = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);

export type AlertTextInput = {
  level: Level;
  label: string;
  labelEn: string;
  schoolName: string;
  caseCode: string | null;
  dueAt: Date;
  workingDaysLate: number;
  timeZone: string;
  // When the rung fired: a rung of a clock's own ladder may fire before the due time (a breach's 48 hours).
  firedAt?: Date;
};

// "Quá hạn hoàn thành đánh giá 2 ngày làm việc — Trường THCS Đống Đa (hồ sơ DD-2026-0001)"
export const alertText = (a: AlertTextInput): { reason: string; reasonEn: string } => {
  const where = `${a.schoolName}${a.caseCode ? ` (hồ sơ ${a.caseCode})` : ''}`;
  const whereEn = `${a.schoolName}${a.caseCode ? ` (case ${a.caseCode})` : ''}`;
  if (a.level === 'reminder' || (a.firedAt !== undefined && a.firedAt < a.dueAt)) {
    return {
      reason: `Sắp đến hạn ${lowerFirst(a.label)} (hạn ${localDateTime(a.dueAt, a.timeZone)}) — ${where}`,
      reasonEn: `Due soon: ${a.labelEn} (due ${a.dueAt.toISOString()}) — ${whereEn}`,
    };
  }
  if (a.workingDaysLate < 1) {
    return {
      reason: `Quá hạn ${lowerFirst(a.label)} (hạn ${localDateTime(a.dueAt, a.timeZone)}) — ${where}`,
      reasonEn: `${a.labelEn} overdue (due ${a.dueAt.toISOString()}) — ${whereEn}`,
    };
  }
  return {
    reason: `Quá hạn ${lowerFirst(a.label)} ${a.workingDaysLate} ngày làm việc — ${where}`,
    reasonEn: `${a.labelEn} overdue by ${a.workingDaysLate} working day${a.workingDaysLate > 1 ? 's' : ''} — ${whereEn}`,
  };
};
