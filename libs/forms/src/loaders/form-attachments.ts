import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseEntity } from '@dh/cases';
import { FieldCipher } from '@dh/crypto';
import { attachmentContext, CaseAttachment, RecordTable, recordTablesOf } from '@dh/records';
import { formatDate } from '../form-renderer';
import { FormSection, TableRowValue } from '../form-template';
import { CaseValues } from './case-values';
import { CONFIDENTIAL } from './form-loader';

// The record each file was attached to, as the logbook names it.
const RECORD_WORDS: Record<RecordTable, string> = {
  assessment_record: 'Phiếu đánh giá',
  support_plan: 'Kế hoạch hỗ trợ',
  closure_record: 'Kết thúc hỗ trợ',
  counselling_session: 'Buổi tư vấn',
  family_contact: 'Liên hệ với gia đình',
  follow_up_contact: 'Liên hệ theo dõi',
  referral: 'Chuyển gửi',
};
const KIND_WORDS: Record<CaseAttachment['kind'], string> = {
  pdf: 'Tệp PDF',
  jpeg: 'Ảnh JPEG',
  png: 'Ảnh PNG',
  heic: 'Ảnh HEIC',
  docx: 'Tệp Word',
};

// Not part of the Circular's layouts: the list of papers kept with the case, printed after any form's own
// sections when the case has files, as a paper file's signed pages are clipped behind its form.
export const ATTACHMENTS_SECTION: FormSection = {
  heading: 'TÀI LIỆU ĐÍNH KÈM',
  fields: [
    {
      key: 'attachments',
      label: 'Các tệp đính kèm hồ sơ và từng ghi chép',
      kind: 'table',
      columns: [
        { key: 'record', label: 'Thuộc ghi chép' },
        { key: 'kind', label: 'Loại tệp' },
        { key: 'caption', label: 'Chú thích' },
        { key: 'attachedAt', label: 'Ngày đính kèm' },
        { key: 'status', label: 'Tình trạng' },
      ],
    },
  ],
};

// The case's files, each with the record it belongs to. A reader who may not read the confidential content sees
// that a file exists, its kind and dates, as in the app: the record and the caption print "(Nội dung bảo mật)".
@Injectable()
export class FormAttachments {
  constructor(
    private readonly cases: CaseValues,
    private readonly cipher: FieldCipher,
  ) {}

  async rows(tx: EntityManager, row: CaseEntity, reveal: boolean): Promise<TableRowValue[]> {
    const files = await tx
      .getRepository(CaseAttachment)
      .find({ where: { caseId: row.id }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    const tables = await recordTablesOf(
      tx,
      row.id,
      files.map((f) => f.recordId).filter((id): id is string => id !== null),
    );
    return Promise.all(
      files.map(async (f) => {
        const table = f.recordId ? tables.get(f.recordId) : undefined;
        return {
          record: !reveal ? CONFIDENTIAL : table ? RECORD_WORDS[table] : 'Hồ sơ (chung)',
          kind: KIND_WORDS[f.kind],
          caption: reveal ? await this.cipher.open(f.caption, attachmentContext('caption')) : CONFIDENTIAL,
          attachedAt: this.cases.dateTime(f.uploadedAt),
          status: f.withdrawnAt ? `Đã rút ngày ${formatDate(this.cases.dateTime(f.withdrawnAt))}` : 'Đang lưu',
        };
      }),
    );
  }
}
