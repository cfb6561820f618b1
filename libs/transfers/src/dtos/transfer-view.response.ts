import { ApiProperty } from '@nestjs/swagger';
import { DeadlineViewDto } from '@dh/escalations';
import {
  TRANSFER_KINDS,
  TRANSFER_STATUSES,
  TransferKind,
  TransferLegalBasis,
  TransferStatus,
} from '../transfer.entity';
import type { TransferCaseSummary, TransferPackageAnswer, TransferView } from '../transfers.service';

export class TransferSchoolDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class TransferLegalBasisDto implements TransferLegalBasis {
  @ApiProperty({ enum: [false] }) consentRequired!: false;
  @ApiProperty() basis!: string;
  @ApiProperty() basisEn!: string;
}

export class TransferCaseSummaryDto implements TransferCaseSummary {
  @ApiProperty() code!: string;
  @ApiProperty() state!: string;
  @ApiProperty() riskLevel!: string;
  @ApiProperty({ type: [String] }) areas!: string[];
  @ApiProperty({ type: [DeadlineViewDto] }) deadlines!: DeadlineViewDto[];
  @ApiProperty({ description: 'a child-protection concern stands on the case' }) protection!: boolean;
}

export class TransferViewDto implements TransferView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: TRANSFER_KINDS, enumName: 'TransferKind' }) kind!: TransferKind;
  @ApiProperty({ enum: TRANSFER_STATUSES, enumName: 'TransferStatus' }) status!: TransferStatus;
  @ApiProperty({ format: 'uuid' }) learnerId!: string;
  @ApiProperty({ type: String, nullable: true }) learnerName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty({ type: TransferSchoolDto }) fromSchool!: TransferSchoolDto;
  @ApiProperty({ type: TransferSchoolDto }) toSchool!: TransferSchoolDto;
  @ApiProperty({ format: 'uuid' }) requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: TransferLegalBasisDto, nullable: true }) legalBasis!: TransferLegalBasisDto | null;
  @ApiProperty({ type: [String] }) consentIds!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) answeredBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) declineReason!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'the CASE_TRANSFERRED event’s number: the sending school reads the chain up to it',
  })
  transferSeq!: number | null;
  @ApiProperty({ type: TransferCaseSummaryDto, nullable: true }) summary!: TransferCaseSummaryDto | null;
}

export class TransferPackageDto implements TransferPackageAnswer {
  @ApiProperty({ description: 'tên tệp, không có phần mở rộng / file name without extension' }) fileName!: string;
  @ApiProperty({ description: 'phiếu tóm tắt .docx, base64 / the .docx summary, base64' }) summaryDocx!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'the signed JSON export (format dong-hanh/case-transfer-package@1): the case, its chain, digest, Ed25519 signature and key',
  })
  package!: TransferPackageAnswer['package'];
}
