import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { assertAllowed, Caller, CurrentCaller, IdentityException, IdentityExceptionCode } from '@dh/identity';
import { GrantsService } from './grants.service';

export class GrantDto {
  @ApiProperty() @IsUUID('all') caseId!: string;
  @ApiProperty() @IsUUID('all') granteeId!: string;
  @ApiProperty({ example: 'Hiệu trưởng cần nắm nội dung để phối hợp với công an phường.' })
  @IsString() @Matches(/\S/, { message: 'reason must not be empty' }) @MaxLength(2000) reason!: string;
  @ApiProperty({ example: '2026-12-31T17:00:00+07:00' }) @IsISO8601({ strict: true }) expiresAt!: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Post()
  @ApiOperation({ summary: 'Cấp quyền xem nội dung bảo mật của một hồ sơ cho hiệu trưởng / grant a principal one case’s confidential content (admin)' })
  grant(@CurrentCaller() caller: Caller, @Body() dto: GrantDto) {
    assertAllowed(caller, 'admin.users', undefined, () => new IdentityException(IdentityExceptionCode.FORBIDDEN_ROLE));
    return this.grants.grant(caller, { caseId: dto.caseId, granteeId: dto.granteeId, reason: dto.reason, expiresAt: new Date(dto.expiresAt) });
  }
}
