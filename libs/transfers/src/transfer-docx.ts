import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

const FONT = 'Times New Roman';
const SIZE = 26; // 13 pt, as administrative documents are set

// What the summary prints: the facts the receiving school needs first, the content in the signed JSON beside it.
export type TransferSummary = {
  fromSchool: string;
  code: string;
  learnerName: string | null;
  dateOfBirth: string | null;
  stage: string;
  riskLevel: string;
  areas: string[];
  deadlines: { label: string; dueAt: string }[];
  summary: string;
  basis: string;
  exportedAt: string;
  digest: string;
  keyFingerprint: string;
};

const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: SIZE });
const line = (label: string, value: string) => new Paragraph({ children: [run(`${label}: `, true), run(value)] });

export const transferSummaryDocx = async (s: TransferSummary): Promise<Buffer> => {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(s.fromSchool.toUpperCase(), true)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 240 },
            children: [run('PHIẾU TÓM TẮT HỒ SƠ CHUYỂN TRƯỜNG', true)],
          }),
          line('Mã hồ sơ', s.code),
          line('Học sinh', s.learnerName ?? '(chưa xác định)'),
          line('Ngày sinh', s.dateOfBirth ?? ''),
          line('Giai đoạn', s.stage),
          line('Mức độ nguy cơ', s.riskLevel),
          line('Nội dung cần tư vấn, hỗ trợ', s.areas.join(', ')),
          line(
            'Thời hạn đang mở',
            s.deadlines.length ? s.deadlines.map((d) => `${d.label} (đến ${d.dueAt})`).join('; ') : 'Không có',
          ),
          line('Sự việc đã xảy ra', s.summary),
          line('Căn cứ chuyển thông tin', s.basis),
          line('Thời điểm xuất', s.exportedAt),
          new Paragraph({
            spacing: { before: 240 },
            children: [
              run(
                'Nội dung đầy đủ và nhật ký hồ sơ nằm trong tệp JSON kèm theo, có chữ ký số Ed25519; kiểm tra bằng lệnh ' +
                  '"verify --package <tệp>" và đối chiếu dấu vân tay khóa dưới đây với trường gửi.',
              ),
            ],
          }),
          line('Mã băm tệp JSON (SHA-256)', s.digest),
          line('Dấu vân tay khóa ký', s.keyFingerprint),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
};
