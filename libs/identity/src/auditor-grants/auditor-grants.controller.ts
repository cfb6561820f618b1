import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { UuidParamPipe } from '@dh/errors';
import { CurrentCaller } from '../auth.guard';
import { Caller } from '../caller';
import { Permission } from '../permissions/permission.decorators';
import { AuditorGrantsService } from './auditor-grants.service';

export class AuditorGrantDto {
  @ApiProperty() @IsUUID('all') auditorId!: string;
  @ApiProperty() @IsUUID('all') schoolId!: string;
  @ApiProperty({ example: 'Kiểm tra công tác tư vấn học đường năm học 2025–2026 theo kế hoạch của phường.' })
  @IsString() @Matches(/\S/, { message: 'reason must not be empty' }) @MaxLength(2000) reason!: string;
  @ApiProperty({ example: '2026-06-30T17:00:00+07:00' }) @IsISO8601({ strict: true }) expiresAt!: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/auditor-grants')
export class AuditorGrantsController {
  constructor(private readonly grants: AuditorGrantsService) {}

  @Permission('admin.users')
  @Post()
  @ApiOperation({ summary: 'Cấp quyền thanh tra một trường / grant an auditor one school until a time (admin)' })
  issue(@CurrentCaller() caller: Caller, @Body() dto: AuditorGrantDto) {
    return this.grants.issue(caller, { auditorId: dto.auditorId, schoolId: dto.schoolId, reason: dto.reason, expiresAt: new Date(dto.expiresAt) });
  }

  @Permission('admin.users')
  @Get()
  @ApiOperation({ summary: 'Các quyền thanh tra / every auditor grant, newest first (admin)' })
  async list() {
    return { items: await this.grants.list() };
  }

  @Permission('admin.users')
  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thu hồi quyền thanh tra ngay / end an auditor grant at once (admin)' })
  revoke(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.grants.revoke(caller, id);
  }
}
