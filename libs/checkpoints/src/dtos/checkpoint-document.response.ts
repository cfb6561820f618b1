import { ApiProperty } from '@nestjs/swagger';
import type { ChainHead } from '@dh/audit';
import { CHECKPOINT_FORMAT, CheckpointChain, CheckpointDocument } from '../checkpoint-document';

export class ChainHeadDto implements ChainHead {
  @ApiProperty() seq!: number;
  @ApiProperty({ description: 'hex SHA-256' }) hash!: string;
}

export class CheckpointChainDto extends ChainHeadDto implements CheckpointChain {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
}

export class CheckpointDocumentDto implements CheckpointDocument {
  @ApiProperty({ enum: [CHECKPOINT_FORMAT] }) format!: typeof CHECKPOINT_FORMAT;
  @ApiProperty() number!: number;
  @ApiProperty({ format: 'date-time' }) takenAt!: string;
  @ApiProperty({ type: String, nullable: true }) previousDigest!: string | null;
  @ApiProperty({ type: ChainHeadDto, nullable: true, description: 'the admin chain’s head; null while it is empty' })
  admin!: ChainHeadDto | null;
  @ApiProperty({ type: [CheckpointChainDto], description: 'the case chains that moved since the previous checkpoint' })
  chains!: CheckpointChainDto[];
  @ApiProperty({ description: 'SHA-256 of the body’s RFC 8785 canonical JSON, hex' }) digest!: string;
  @ApiProperty({ description: 'base64 SPKI DER of the Ed25519 key' }) publicKey!: string;
  @ApiProperty() keyFingerprint!: string;
  @ApiProperty({ description: 'Ed25519 signature of the digest, base64' }) signature!: string;
}
