import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseException, CaseExceptionCode } from '@dh/cases';
import { ApiErrors, UuidParamPipe } from '@dh/errors';
import { Caller, CurrentCaller, Permission } from '@dh/identity';
import { LegalHoldDto, LegalHoldViewDto } from './dtos/legal-hold.dto';
import { LegalHoldService } from './legal-hold.service';
import { RetentionException, RetentionExceptionCode } from './retention.exception';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class LegalHoldsController {
  constructor(private readonly holds: LegalHoldService) {}

  @Permission('case.legal_hold', 'record')
  @Post(':id/legal-hold')
  @HttpCode(200)
  @ApiOperation({ summary: 'Giữ lại hồ sơ theo yêu cầu pháp lý / place a legal hold (supervisor)' })
  @ApiOkResponse({ type: LegalHoldViewDto })
  @ApiErrors(CaseException.statuses, CaseExceptionCode.CASE_NOT_FOUND)
  @ApiErrors(
    RetentionException.statuses,
    RetentionExceptionCode.LEGAL_HOLD_ALREADY_PLACED,
    RetentionExceptionCode.CASE_SHREDDED,
  )
  place(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: LegalHoldDto) {
    return this.holds.place(caller, id, dto.reason);
  }

  @Permission('case.legal_hold', 'record')
  @Post(':id/legal-hold/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bỏ giữ lại hồ sơ / release a legal hold (supervisor)' })
  @ApiOkResponse({ type: LegalHoldViewDto })
  @ApiErrors(CaseException.statuses, CaseExceptionCode.CASE_NOT_FOUND)
  @ApiErrors(RetentionException.statuses, RetentionExceptionCode.LEGAL_HOLD_NOT_PLACED)
  release(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: LegalHoldDto) {
    return this.holds.release(caller, id, dto.reason);
  }
}
