import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsUUID, Matches, ValidateIf } from 'class-validator';
import { ApiErrors, ListOf, UuidParamPipe } from '@dh/errors';
import {
  Caller,
  CurrentCaller,
  GrantWindowDto,
  IdentityException,
  IdentityExceptionCode,
  Permission,
} from '@dh/identity';
import { CaseException, CaseExceptionCode } from '../case.exception';
import { GrantIssuedDto, GrantViewDto } from './dtos/grant-view.response';
import { GrantsService } from './grants.service';

const { CASE_NOT_FOUND, GRANT_ENDED, GRANT_NOT_FOUND, GRANT_NOT_VALID } = CaseExceptionCode;
const { GRANT_TOO_LONG } = IdentityExceptionCode;
const CASE_CODE = /^[A-Z0-9]{2,10}-\d{4}-\d{4,}$/;

// The case by its number, as the principal reads it on the case page (the admin reads no case), or by its id.
export class GrantDto extends GrantWindowDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the case’s id; or give caseCode' })
  @ValidateIf((o: GrantDto) => o.caseCode === undefined)
  @IsUUID('all', { message: 'caseId or caseCode is required: caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ example: 'DD-2026-0007', description: 'the case’s number; or give caseId' })
  @ValidateIf((o: GrantDto) => o.caseId === undefined)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(CASE_CODE, { message: 'caseCode must be a case number such as DD-2026-0007' })
  caseCode?: string;

  @ApiProperty() @IsUUID('all') granteeId!: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Permission('admin.users')
  @Post()
  @ApiOperation({
    summary:
      'Cấp quyền xem nội dung bảo mật của một hồ sơ cho hiệu trưởng / grant a principal one case’s confidential content (admin)',
  })
  @ApiCreatedResponse({ type: GrantIssuedDto })
  @ApiErrors(CaseException.statuses, CASE_NOT_FOUND, GRANT_NOT_VALID)
  @ApiErrors(IdentityException.statuses, GRANT_TOO_LONG)
  grant(@CurrentCaller() caller: Caller, @Body() dto: GrantDto) {
    return this.grants.grant(caller, {
      caseRef: dto.caseId !== undefined ? { id: dto.caseId } : { code: dto.caseCode as string },
      granteeId: dto.granteeId,
      reason: dto.reason,
      expiresAt: new Date(dto.expiresAt),
    });
  }

  @Permission('admin.users')
  @Get()
  @ApiOperation({ summary: 'Các quyền xem nội dung bảo mật đã cấp / principals’ grants, newest first (admin)' })
  @ApiOkResponse({ type: ListOf(GrantViewDto) })
  async list() {
    return { items: await this.grants.list() };
  }

  @Permission('admin.users')
  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thu hồi quyền xem / end a principal’s grant at once (admin)' })
  @ApiOkResponse({ type: GrantViewDto })
  @ApiErrors(CaseException.statuses, GRANT_NOT_FOUND, GRANT_ENDED)
  revoke(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string) {
    return this.grants.revoke(caller, id);
  }
}
