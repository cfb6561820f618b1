import { alertLevelLabel } from '@dh/labels';

// What a message may say of its alert. Mail and gateways leave the school's control: the case number, the stage,
// the deadline and a link are enough; never a learner's name, initials or class, never a note.
export type AlertFacts = {
  level: string;
  reason: string;
  reasonEn: string;
  caseId: string | null;
  caseCode: string | null;
  stage: { vi: string; en: string } | null;
  dueAt: Date | null;
  createdAt: Date;
};

export type MessageContext = { publicUrl: string; timeZone: string };

export type OutgoingMessage = {
  subject: string;
  text: string;
  html: string;
  // The gateway's texts: `sms` at most 160 characters without diacritics, `chat` the Vietnamese lines (Zalo).
  sms: string;
  chat: string;
  link: string;
};

const SMS_LIMIT = 160;

const localTime = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);

// "Quá hạn" → "Qua han": đ is not a combining mark, so it is mapped by hand.
export const withoutDiacritics = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const linkOf = (f: Pick<AlertFacts, 'caseId'>, ctx: MessageContext): string =>
  f.caseId ? `${ctx.publicUrl}/ho-so/${f.caseId}` : `${ctx.publicUrl}/`;

// The lines of one alert, Vietnamese then English.
const alertLines = (f: AlertFacts, ctx: MessageContext): { vi: string[]; en: string[] } => {
  const vi = [f.reason];
  const en = [f.reasonEn];
  if (f.caseCode) {
    vi.push(`Hồ sơ: ${f.caseCode}${f.stage ? ` — giai đoạn: ${f.stage.vi}` : ''}`);
    en.push(`Case: ${f.caseCode}${f.stage ? ` — stage: ${f.stage.en}` : ''}`);
  }
  if (f.dueAt) {
    vi.push(`Hạn: ${localTime(f.dueAt, ctx.timeZone)}`);
    en.push(`Due: ${f.dueAt.toISOString()}`);
  }
  return { vi, en };
};

const FOOTER = {
  vi: 'Thư này do Đồng Hành gửi tự động; nội dung hồ sơ chỉ xem được trong ứng dụng.',
  en: 'Sent automatically by Đồng Hành; the case itself can only be read in the app.',
};

const render = (subject: string, vi: string[], en: string[], link: string) => ({
  subject,
  text: [
    ...vi,
    '',
    `Mở trong Đồng Hành: ${link}`,
    '',
    '—',
    ...en,
    '',
    `Open in Đồng Hành: ${link}`,
    '',
    FOOTER.vi,
    FOOTER.en,
  ].join('\n'),
  html: [
    '<div lang="vi">',
    ...vi.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(link)}">Mở trong Đồng Hành</a></p>`,
    '</div><hr><div lang="en">',
    ...en.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(link)}">Open in Đồng Hành</a></p>`,
    `</div><p style="color:#666;font-size:12px">${escapeHtml(FOOTER.vi)}<br>${escapeHtml(FOOTER.en)}</p>`,
  ].join('\n'),
});

// The text cut to fit, never the link: a cut link leads nowhere. A link too long for an SMS is left out.
const shortText = (text: string, link: string): string => {
  const plain = withoutDiacritics(text)
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const room = link.length + 1 < SMS_LIMIT / 2 ? SMS_LIMIT - link.length - 1 : SMS_LIMIT;
  const head = plain.length <= room ? plain : `${plain.slice(0, room - 3).trimEnd()}...`;
  return room === SMS_LIMIT ? head : `${head} ${link}`;
};

export const alertMessage = (f: AlertFacts, ctx: MessageContext): OutgoingMessage => {
  const label = alertLevelLabel(f.level);
  const subject = `[Đồng Hành] ${label.vi}${f.caseCode ? ` — hồ sơ ${f.caseCode}` : ''} / ${label.en}`;
  const { vi, en } = alertLines(f, ctx);
  const link = linkOf(f, ctx);
  return {
    ...render(subject, vi, en, link),
    sms: shortText(f.reason, link),
    chat: [...vi, link].join('\n'),
    link,
  };
};

// One person's alerts of the last working day (or days) in one message, oldest first.
export const digestMessage = (items: AlertFacts[], date: string, ctx: MessageContext): OutgoingMessage => {
  const [y, m, d] = date.split('-');
  const subject = `[Đồng Hành] Tổng hợp cảnh báo ngày ${d}/${m}/${y} (${items.length}) / Daily digest`;
  const vi = [`${items.length} cảnh báo kể từ bản tổng hợp trước:`];
  const en = [`${items.length} alert${items.length === 1 ? '' : 's'} since the last digest:`];
  items.forEach((f, i) => {
    const lines = alertLines(f, ctx);
    vi.push(`${i + 1}. ${alertLevelLabel(f.level).vi}: ${lines.vi.join(' · ')} — ${linkOf(f, ctx)}`);
    en.push(`${i + 1}. ${alertLevelLabel(f.level).en}: ${lines.en.join(' · ')} — ${linkOf(f, ctx)}`);
  });
  const link = `${ctx.publicUrl}/`;
  return {
    ...render(subject, vi, en, link),
    sms: shortText(`Đồng Hành: ${items.length} cảnh báo mới trong bản tổng hợp ngày ${d}/${m}/${y}`, link),
    chat: [...vi, link].join('\n'),
    link,
  };
};
