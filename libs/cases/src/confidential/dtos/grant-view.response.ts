import { ApiProperty } from '@nestjs/swagger';
import type { GrantView } from '../grants.service';

export class GrantViewDto implements GrantView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'DD-2026-0007' }) caseCode!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ format: 'uuid' }) granteeId!: string;
  @ApiProperty({ format: 'uuid' }) grantedBy!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) revokedBy!: string | null;
  @ApiProperty({ description: 'not revoked and not yet expired' }) live!: boolean;
}

export class GrantIssuedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'the same as id' }) grantId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'DD-2026-0007' }) caseCode!: string;
  @ApiProperty({ format: 'uuid' }) granteeId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
