import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Words } from '@dh/privacy';
import type { ProcessingRecord, StoredIn } from './processing-record.service';

const FONT = 'Times New Roman';
const SIZE = 26; // 13 pt, as administrative documents are set

const line = (label: string, text: string) =>
  new Paragraph({
    spacing: { after: 60 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)],
  });
const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });
const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
const centred = (text: string, bold = false) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });

const vi = (w: readonly Words[]) => w.map((x) => x.vi).join('; ');

const protection = (s: StoredIn): string => {
  if (!s.sealedUnder) return `bảng ${s.table}`;
  const key = s.sealedUnder === 'case_key' ? 'khóa riêng của từng hồ sơ' : 'khóa dữ liệu chung';
  return `bảng ${s.table}: các cột ${s.sealedColumns.join(', ')} được mã hóa AES-256-GCM bằng ${key}`;
};

// The record as the school files it: one section per purpose, in the order the Law lists what a record holds.
export const renderProcessingRecordDocx = (r: ProcessingRecord, timeZone: string): Promise<Buffer> => {
  const day = new Intl.DateTimeFormat('vi-VN', { timeZone }).format(new Date(r.generatedAt));
  const children: Paragraph[] = [
    centred('NHẬT KÝ HOẠT ĐỘNG XỬ LÝ DỮ LIỆU CÁ NHÂN', true),
    centred('(Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15; Nghị định 356/2025/NĐ-CP)'),
    centred(`Hệ thống Đồng Hành — lập ngày ${day} từ khai báo của từng phân hệ`),
    ...r.activities.flatMap((a, i) => [
      heading(`${i + 1}. ${a.purpose.vi}`),
      line('Cơ sở pháp lý', vi(a.legalBasis)),
      line('Chủ thể dữ liệu', vi(a.subjects)),
      line('Loại dữ liệu', ''),
      ...a.categories.map((c) => bullet(c.sensitive ? `${c.data.vi} (dữ liệu cá nhân nhạy cảm)` : c.data.vi)),
      line('Nơi lưu và biện pháp bảo vệ', ''),
      ...a.storedIn.map((s) => bullet(protection(s))),
      line('Bên nhận dữ liệu', vi(a.recipients)),
      line('Thời hạn lưu trữ', a.retention.rule.vi),
      ...a.retention.periods.map((p) =>
        bullet(
          `${p.kind}: ${p.years} năm (${p.basis === 'law' ? 'theo quy định' : 'do nhà trường lựa chọn'}) — ${p.note}`,
        ),
      ),
    ]),
    heading('Chuyển dữ liệu ra nước ngoài'),
    new Paragraph(r.transfersAbroad.vi),
    heading('Bảng không chứa dữ liệu cá nhân'),
    ...r.notPersonal.map((n) => bullet(`${n.table}: ${n.why.vi}`)),
  ];
  return Packer.toBuffer(
    new Document({ styles: { default: { document: { run: { font: FONT, size: SIZE } } } }, sections: [{ children }] }),
  );
};
