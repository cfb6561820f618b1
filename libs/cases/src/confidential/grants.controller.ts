import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
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

  @Permission('admin.users')
  @Post()
  @ApiOperation({ summary: 'Cấp quyền xem nội dung bảo mật của một hồ sơ cho hiệu trưởng / grant a principal one case’s confidential content (admin)' })
  grant(@CurrentCaller() caller: Caller, @Body() dto: GrantDto) {
    return this.grants.grant(caller, { caseId: dto.caseId, granteeId: dto.granteeId, reason: dto.reason, expiresAt: new Date(dto.expiresAt) });
  }

  @Permission('admin.users')
  @Get()
  @ApiOperation({ summary: 'Các quyền xem nội dung bảo mật đã cấp / principals’ grants, newest first (admin)' })
  async list() {
    return { items: await this.grants.list() };
  }

  @Permission('admin.users')
  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thu hồi quyền xem / end a principal’s grant at once (admin)' })
  revoke(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.grants.revoke(caller, id);
  }
}
