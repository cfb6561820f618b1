import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { LearnerExport } from './access-export.service';
import type { DataRequestKind, DataRequestOutcome, Refusal } from './data-request.entity';
import type { DataRequestViewDto } from './dtos/data-request.dto';

const FONT = 'Times New Roman';
const SIZE = 26; // 13 pt, as administrative documents are set

const line = (text: string, opts: { bold?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...opts })] });
const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text })] });
const centred = (text: string, bold = false) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });

const pack = (children: Paragraph[]): Promise<Buffer> =>
  Packer.toBuffer(
    new Document({ styles: { default: { document: { run: { font: FONT, size: SIZE } } } }, sections: [{ children }] }),
  );

const vnDate = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));

// Every value of an object as "key: value" lines, nested objects indented by their path: the export is complete,
// not pretty; the JSON beside it is what a program reads.
const flatten = (value: unknown, path = ''): string[] => {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => flatten(v, `${path}[${i + 1}]`));
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(v, path ? `${path}.${k}` : k));
  return [`${path}: ${value as string | number | boolean}`];
};

export const renderExportDocx = (e: LearnerExport): Promise<Buffer> =>
  pack([
    centred('DỮ LIỆU CÁ NHÂN NHÀ TRƯỜNG ĐANG LƯU GIỮ', true),
    centred(`Học sinh: ${e.learner.fullName}`),
    line(`Lập ngày ${vnDate(e.generatedAt)}, theo yêu cầu số ${e.requestId}.`),
    heading('Thông tin học sinh và gia đình'),
    ...flatten(e.learner).map((l) => line(l)),
    ...e.cases.flatMap((c, i) => [
      heading(`Hồ sơ ${i + 1}: ${(c.case as { code?: string }).code ?? ''}`),
      ...flatten(c.case).map((l) => line(l)),
      line('Diễn biến hồ sơ', { bold: true }),
      ...flatten(c.history).map((l) => line(l)),
      line('Biểu mẫu và ghi chép', { bold: true }),
      ...flatten(c.records).map((l) => line(l)),
      line('Sự đồng ý', { bold: true }),
      ...flatten(c.consents).map((l) => line(l)),
      line('Chuyển gửi', { bold: true }),
      ...flatten(c.referrals).map((l) => line(l)),
    ]),
  ]);

const KIND_VI: Record<DataRequestKind, string> = {
  access: 'truy cập (cung cấp) dữ liệu cá nhân',
  rectify: 'chỉnh sửa dữ liệu cá nhân',
  erase: 'xóa dữ liệu cá nhân',
  restrict: 'hạn chế xử lý dữ liệu cá nhân',
};

const REFUSAL_VI: Record<Refusal['reason'], string> = {
  case_open: 'hồ sơ đang được hỗ trợ; nhà trường phải lưu hồ sơ theo Thông tư 18/2025/TT-BGDĐT cho đến khi kết thúc',
  protection_concern_open:
    'hồ sơ có vấn đề bảo vệ trẻ em chưa được giải quyết; nhà trường phải lưu hồ sơ theo Luật Trẻ em',
  legal_hold: 'hồ sơ đang được giữ lại theo yêu cầu của cơ quan có thẩm quyền',
  retention_not_over: 'chưa hết thời hạn lưu trữ hồ sơ theo quy định lưu trữ của nhà trường',
};

const resultLines = (kind: DataRequestKind, outcome: DataRequestOutcome | null): string[] => {
  if (outcome?.refusals?.length)
    return [
      'Nhà trường chưa thể thực hiện yêu cầu vì các lý do sau (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15):',
      ...outcome.refusals.map(
        (r) => `- Hồ sơ ${r.code}: ${REFUSAL_VI[r.reason]}${r.dueAt ? ` (đến ngày ${vnDate(r.dueAt)})` : ''}.`,
      ),
    ];
  if (kind === 'access')
    return [
      `Nhà trường gửi kèm toàn bộ dữ liệu đang lưu giữ về học sinh (${outcome?.exportedCases?.length ?? 0} hồ sơ).`,
    ];
  if (kind === 'rectify')
    return [
      'Nhà trường đã chỉnh sửa các thông tin sau; nội dung cũ vẫn được lưu trong nhật ký kiểm toán:',
      ...(outcome?.rectified ?? []).map((r) => `- ${r.field}`),
    ];
  return [
    `Nhà trường đã hủy nội dung ${outcome?.shreddedCases?.length ?? 0} hồ sơ bằng cách hủy khóa mã hóa; nội dung không còn đọc được.`,
    ...(outcome?.deidentified ? ['Họ tên và thông tin gia đình của học sinh đã được xóa.'] : []),
    'Các số liệu thống kê không gắn với danh tính (giai đoạn, ngày, lĩnh vực, mức độ rủi ro) vẫn được giữ.',
  ];
};

// The school's answer to the requester, for the principal to sign.
export const renderAnswerLetter = (r: DataRequestViewDto, schoolName: string, learnerName: string): Promise<Buffer> =>
  pack([
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true),
    centred('Độc lập - Tự do - Hạnh phúc', true),
    centred(schoolName.toUpperCase(), true),
    centred('THƯ TRẢ LỜI YÊU CẦU VỀ DỮ LIỆU CÁ NHÂN', true),
    line(`Kính gửi: ${r.requestedBy} (${r.relationship})`),
    line(`Ngày ${vnDate(r.receivedAt)}, nhà trường nhận được yêu cầu ${KIND_VI[r.kind]} của học sinh ${learnerName}.`),
    ...resultLines(r.kind, r.outcome as DataRequestOutcome | null).map((l) => line(l)),
    line(r.answeredAt ? `Ngày trả lời: ${vnDate(r.answeredAt)}.` : 'Yêu cầu đang được xử lý.'),
    line('HIỆU TRƯỞNG', { bold: true }),
  ]);
