import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import { CurrentCaller } from '../auth.guard';
import { Caller } from '../caller';
import { Permission } from '../permissions/permission.decorators';
import { GrantWindowDto } from '../dtos/grant-window.dto';
import { AuditorGrantViewDto } from '../dtos/identity-views.response';
import { IdentityException, IdentityExceptionCode } from '../identity.exception';
import { AuditorGrantsService } from './auditor-grants.service';

const { AUDITOR_GRANT_ENDED, AUDITOR_GRANT_NOT_FOUND, AUDITOR_GRANT_NOT_VALID, GRANT_TOO_LONG } = IdentityExceptionCode;

export class AuditorGrantDto extends GrantWindowDto {
  @ApiProperty() @IsUUID('all') auditorId!: string;
  @ApiProperty() @IsUUID('all') schoolId!: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/auditor-grants')
export class AuditorGrantsController {
  constructor(private readonly grants: AuditorGrantsService) {}

  @Permission('admin.users')
  @Post()
  @ApiOperation({ summary: 'Cấp quyền thanh tra một trường / grant an auditor one school until a time (admin)' })
  @ApiCreatedResponse({ type: AuditorGrantViewDto })
  @ApiErrors(IdentityException.statuses, AUDITOR_GRANT_NOT_VALID, GRANT_TOO_LONG)
  issue(@CurrentCaller() caller: Caller, @Body() dto: AuditorGrantDto) {
    return this.grants.issue(caller, {
      auditorId: dto.auditorId,
      schoolId: dto.schoolId,
      reason: dto.reason,
      expiresAt: new Date(dto.expiresAt),
    });
  }

  @Permission('admin.users')
  @Get()
  @ApiOperation({ summary: 'Các quyền thanh tra / every auditor grant, newest first (admin)' })
  @ApiOkResponse({ type: ListOf(AuditorGrantViewDto) })
  async list() {
    return { items: await this.grants.list() };
  }

  @Permission('admin.users')
  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thu hồi quyền thanh tra ngay / end an auditor grant at once (admin)' })
  @ApiOkResponse({ type: AuditorGrantViewDto })
  @ApiErrors(IdentityException.statuses, AUDITOR_GRANT_NOT_FOUND, AUDITOR_GRANT_ENDED)
  revoke(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.grants.revoke(caller, id);
  }
}
