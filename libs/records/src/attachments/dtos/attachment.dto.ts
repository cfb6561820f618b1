import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ATTACHMENT_KINDS, AttachmentKind } from '../case-attachment.entity';
import { AttachmentView } from '../attachments.service';

export class WithdrawAttachmentDto {
  @ApiProperty({ example: 'Tải nhầm tệp của học sinh khác', description: 'Lý do rút tệp / why it is withdrawn' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(1000)
  reason!: string;
}

// The multipart form of an upload, for the API document (the body is parsed as a stream, not by a pipe).
export class UploadAttachmentDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, JPEG, PNG, HEIC hoặc DOCX' })
  file!: string;

  @ApiProperty({ maxLength: 500, example: 'Giấy khám sức khỏe của em' })
  caption!: string;

  @ApiProperty({ format: 'uuid', required: false, description: 'Bản ghi mà tệp thuộc về / the record it belongs to' })
  recordId?: string;
}

export class AttachmentViewDto implements AttachmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS, enumName: 'AttachmentKind' }) kind!: AttachmentKind;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ format: 'uuid' }) uploadedBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordId!: string | null;
  @ApiProperty({ type: String, nullable: true }) caption!: string | null;
  @ApiProperty({ type: String, nullable: true }) fileName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 của nội dung / of the content' })
  sha256!: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawReason!: string | null;
  @ApiProperty({
    description: 'true: người đọc không được xem nội dung bảo mật / the reader may not read confidential content',
  })
  masked!: boolean;
}
