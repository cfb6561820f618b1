import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AdminAuditEvent, AdminChainVerdict } from '@dh/audit';
import type { Role } from '@dh/machines/case/types';
import type { AdminUserView } from '../admin-users.service';
import type { PublicUser } from '../auth.service';
import type { SecondFactorState } from '../second-factor/second-factor.service';
import type { AuditorGrantView } from '../auditor-grants/auditor-grants.service';
import type { SchoolView, WardView } from '../schools/admin-schools.service';
import { ROLES } from '@dh/machines/case/types';

export class PublicUserDto implements PublicUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
  @ApiProperty({ type: [String], description: 'the schools the roles count in' }) schoolIds!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'a ward officer’s ward' })
  wardId!: string | null;
}

export class LoginAnswerDto {
  @ApiProperty({ description: 'a bearer token for the Authorization header' }) accessToken!: string;
  @ApiProperty({ type: PublicUserDto }) user!: PublicUserDto;
}

export class AdminUserViewDto implements AdminUserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: string[];
  @ApiProperty({ type: [String] }) schoolIds!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) wardId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'where alerts are e-mailed' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'mobile, +84…' }) phone!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: enabled' })
  disabledAt!: string | null;
  @ApiProperty({
    enum: ['none', 'pending', 'active'],
    description: 'the second factor: none, enrolled but not yet confirmed by a first code, or asked for at login',
  })
  secondFactor!: SecondFactorState;
}

export class WardViewDto implements WardView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SchoolViewDto extends WardViewDto implements SchoolView {
  @ApiProperty({ format: 'uuid' }) wardId!: string;
}

export class AuditorGrantViewDto implements AuditorGrantView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) auditorId!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ format: 'uuid' }) grantedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) revokedBy!: string | null;
  @ApiProperty({ description: 'not revoked and not yet expired' }) live!: boolean;
}

export class AdminChainEventDto implements Omit<AdminAuditEvent, 'at'> {
  @ApiProperty() seq!: number;
  @ApiProperty({ example: 'USER_CREATED' }) type!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorRole!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subjectId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) prevHash!: string | null;
  @ApiProperty() hash!: string;
}

export class AdminChainVerdictDto implements AdminChainVerdict {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ description: 'events in the chain' }) events!: number;
  @ApiPropertyOptional({ description: 'when not valid: the first event found wrong' }) firstInvalidSeq?: number;
}
